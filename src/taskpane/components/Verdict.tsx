/** The one line the capofila looks for: can the plan go to the Assemblea dei Sindaci? */
import { Body1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { countOf } from '../italian';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeftWidth: '6px',
    borderLeftStyle: 'solid',
  },
  ready: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    borderLeftColor: tokens.colorPaletteGreenBorderActive,
    color: tokens.colorPaletteGreenForeground1,
  },
  notReady: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    borderLeftColor: tokens.colorPaletteRedBorderActive,
    color: tokens.colorPaletteRedForeground1,
  },
  detail: { color: tokens.colorNeutralForeground1 },
});

export function Verdict({ ready, errors }: { ready: boolean; errors: number }) {
  const s = useStyles();
  return (
    <div className={mergeClasses(s.root, ready ? s.ready : s.notReady)}>
      {/* The symbol repeats the colour for who does not see it; the words say it all for screen readers. */}
      <Text as="p" size={500} weight="semibold">
        <span aria-hidden="true">{ready ? '✓ ' : '✗ '}</span>
        Pronto per l&apos;Assemblea: {ready ? 'sì' : 'no'}
      </Text>
      <Body1 as="p" className={s.detail}>
        {errors === 0 ? 'Nessun errore da correggere.' : `${countOf(errors, 'errore', 'errori')} da correggere prima dell'Assemblea.`}
      </Body1>
    </div>
  );
}
