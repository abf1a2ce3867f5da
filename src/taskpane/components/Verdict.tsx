/**
 * The one line the capofila looks for. For a plan: can it go to the Assemblea dei Sindaci, and if not,
 * why (errors to correct, sheets missing). For one owner's list (ALER's Allegato B on its own): the
 * list's verdict, never the Assemblea's. The words are the engine's (verdictOf), the same as in the
 * command line and the Riepilogo sheet.
 */
import { Body1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { verdictOf } from '../../core/output/verdict';
import type { Report } from '../../core/report';
import type { Readiness } from '../../core/scope';

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
  ok: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    borderLeftColor: tokens.colorPaletteGreenBorderActive,
    color: tokens.colorPaletteGreenForeground1,
  },
  notOk: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    borderLeftColor: tokens.colorPaletteRedBorderActive,
    color: tokens.colorPaletteRedForeground1,
  },
  // The box's padding and gap space the lines: no browser margins on top of them.
  headline: { margin: 0 },
  detail: { color: tokens.colorNeutralForeground1, margin: 0 },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground1 },
});

/** The engine's reasons are clauses ("1 errore da correggere"); shown on their own they end with a full stop. */
const sentence = (line: string) => (/[.!?]$/.test(line) ? line : `${line}.`);

export interface VerdictProps {
  report: Pick<Report, 'counts' | 'ready'>;
  readiness: Readiness;
}

/** The headline as a screen reader announces it when a check ends. */
export function verdictHeadline(report: Pick<Report, 'counts' | 'ready'>, readiness: Readiness): string {
  return verdictOf(report, readiness).headline;
}

export function Verdict({ report, readiness }: VerdictProps) {
  const s = useStyles();
  const { headline, reasons, ok } = verdictOf(report, readiness);
  // A ready plan has no reason to give: say that there is nothing left to correct.
  const lines = reasons.length > 0 ? reasons.map(sentence) : ['Nessun errore da correggere.'];
  return (
    <div className={mergeClasses(s.root, ok ? s.ok : s.notOk)} data-testid="verdict">
      {/* The symbol repeats the colour for who does not see it; the words say it all for screen readers. */}
      <Text as="p" size={500} weight="semibold" className={s.headline}>
        <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
        {headline}
      </Text>
      {lines.length === 1 ? (
        <Body1 as="p" className={s.detail}>
          {lines[0]}
        </Body1>
      ) : (
        <ul className={s.reasons} aria-label="Che cosa manca per l'Assemblea">
          {lines.map((line) => (
            <li key={line}>
              <Body1>{line}</Body1>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
