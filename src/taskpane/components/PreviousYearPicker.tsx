/**
 * «Confronta con l'anno precedente…»: last year's plan (its workbook or JSON report; several files for
 * several years), chosen with a file input (task panes allow it), and «Togli il confronto». The pane
 * and the page read and use the files their own way; this only asks for them and says which are chosen.
 */
import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hidden: { display: 'none' },
});

export interface PreviousYearPickerProps {
  /** Names of the files in use (none: no comparison). */
  chosen: string[];
  disabled: boolean;
  onChoose: (files: File[]) => void;
  onRemove: () => void;
}

export function PreviousYearPicker({ chosen, disabled, onChoose, onRemove }: PreviousYearPickerProps) {
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={s.root}>
      <div className={s.actions}>
        <Button disabled={disabled} onClick={() => input.current?.click()}>
          Confronta con l&apos;anno precedente…
        </Button>
        {chosen.length > 0 && (
          <Button size="small" disabled={disabled} onClick={onRemove}>
            Togli il confronto
          </Button>
        )}
      </div>
      <input
        ref={input}
        className={s.hidden}
        type="file"
        multiple
        accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Piano dell'anno precedente (.xlsx o .json)"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          // Emptied, so that choosing the same file again is a change too.
          e.target.value = '';
          if (files.length) onChoose(files);
        }}
      />
      {chosen.length > 0 && <Body1 data-testid="previous-chosen">{`${chosen.length === 1 ? 'Anno precedente' : 'Anni precedenti'}: ${chosen.map((n) => `«${n}»`).join(', ')}`}</Body1>}
    </div>
  );
}
