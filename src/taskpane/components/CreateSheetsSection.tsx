/** Preparing a workbook: the standard sheets with the right headers, optionally the ambito's comuni. */
import { Body1, Button, Checkbox, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { type Ref, useState } from 'react';
import type { ComuneUfficiale } from '../../core/reference/comuni';
import { countOf, sheetNames } from '../italian';
import type { CreateSheetsOutcome } from '../service';
import { ComuniPicker } from './ComuniPicker';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  // The flex gap spaces the blocks: no browser margins on top of it.
  flush: { margin: 0 },
});

export interface CreatedSheets {
  outcome: CreateSheetsOutcome;
  /** How many comuni were asked for (0: none). */
  comuniRequested: number;
  /** Tells one outcome from the next, even when they read the same. */
  seq: number;
}

export interface CreateSheetsSectionProps {
  disabled: boolean;
  /** The sheets are being created right now. */
  creating: boolean;
  result: CreatedSheets | null;
  onCreate: (comuni: ComuneUfficiale[], fromPaste: boolean) => void;
  /** The last check read the plan from pasted section tables: the sheets can be filled with it. */
  pasted?: { sheets: string[]; standard: string[] } | null;
  /** The «Crea fogli standard» button, for a message elsewhere in the pane that leads to it. */
  buttonRef?: Ref<HTMLButtonElement>;
  /** The first thing to do (an empty workbook): the button is the pane's primary action. */
  primary?: boolean;
}

export function CreateSheetsSection({ disabled, creating, result, onCreate, buttonRef, primary = false, pasted = null }: CreateSheetsSectionProps) {
  const s = useStyles();
  const [withComuni, setWithComuni] = useState(false);
  const [fromPaste, setFromPaste] = useState(true);
  const canFill = !!pasted && pasted.standard.length > 0;
  const [comuni, setComuni] = useState<ComuneUfficiale[]>([]);
  return (
    <section className={s.root} aria-labelledby="fogli-title">
      <Subtitle2 as="h2" id="fogli-title" className={s.flush}>
        Preparare i fogli del piano
      </Subtitle2>
      <Body1 as="p" className={s.flush}>
        Crea i fogli standard che mancano («Ambito», «Comuni», «Enti», «Unita», «SAT», «Assegnazioni») con le intestazioni
        giuste. I fogli già presenti non vengono toccati.
      </Body1>
      {canFill && (
        <Checkbox
          label={`Riempili con i dati delle tabelle incollate (${sheetNames(pasted!.sheets)}), che restano come sono`}
          checked={fromPaste}
          disabled={disabled}
          onChange={(_, data) => setFromPaste(data.checked === true)}
        />
      )}
      <Checkbox
        label="Aggiungi i comuni dell'ambito"
        checked={withComuni}
        // While a check or another action runs, nothing here can be changed (it would apply to what is being read).
        disabled={disabled}
        onChange={(_, data) => setWithComuni(data.checked === true)}
      />
      {withComuni && <ComuniPicker selected={comuni} onChange={setComuni} disabled={disabled} />}
      <div className={s.row}>
        <Button ref={buttonRef} appearance={primary ? 'primary' : 'secondary'} disabled={disabled} onClick={() => onCreate(withComuni ? comuni : [], canFill && fromPaste)}>
          Crea fogli standard
        </Button>
        {creating && <Spinner size="extra-tiny" label="Creazione dei fogli…" />}
      </div>
      {/* A new key per outcome remounts the message, so that a screen reader announces it again. */}
      {result && <CreatedNote key={result.seq} result={result} />}
    </section>
  );
}

function CreatedNote({ result }: { result: CreatedSheets }) {
  const { created, existing, filled = [] } = result.outcome;
  const lines: string[] = [];
  if (created.length > 0) lines.push(`${created.length === 1 ? 'Foglio creato' : 'Fogli creati'}: ${sheetNames(created)}.`);
  if (filled.length > 0) lines.push(`Riempiti con i dati delle tabelle incollate: ${sheetNames(filled)}. Da qui in avanti contano questi fogli; controllarli e premere «Controlla e calcola».`);
  else lines.push('Nessun foglio creato: i fogli standard erano già tutti presenti.');
  if (existing.length > 0) {
    const left = existing.length === 1 ? "Già presente, lasciato com'era" : "Già presenti, lasciati com'erano";
    lines.push(`${left}: ${sheetNames(existing)}.`);
  }
  if (result.comuniRequested > 0) {
    lines.push(
      created.includes('Comuni')
        ? `${result.comuniRequested === 1 ? 'Nel foglio «Comuni» è stato inserito' : 'Nel foglio «Comuni» sono stati inseriti'} ${countOf(result.comuniRequested, 'comune', 'comuni')}.`
        : 'Il foglio «Comuni» esisteva già: i comuni scelti non sono stati aggiunti.',
    );
  }
  return (
    <MessageBar intent={created.length > 0 ? 'success' : 'info'} layout="multiline" politeness="polite">
      <MessageBarBody>
        {lines.map((l) => (
          <span key={l} style={{ display: 'block' }}>
            {l}
          </span>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
