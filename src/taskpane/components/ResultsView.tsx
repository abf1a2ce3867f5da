/** What the last check found: verdict, section g, counts, where the results were written, the anomalies. */
import { Body1, Caption1, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReportAnomaly } from '../../core/report';
import { countOf, formatNumber, joinNames } from '../italian';
import type { CheckOutcome } from '../service';
import { AnomalyBrowser } from './AnomalyBrowser';
import { SectionGSummary } from './SectionGSummary';
import { SeverityBadges } from './SeverityBadges';
import { Verdict } from './Verdict';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // Title and ambito on separate lines (Fluent's Text renders inline).
  heading: { display: 'flex', flexDirection: 'column' },
  context: { color: tokens.colorNeutralForeground2 },
});

export function ResultsView({ outcome, onSelect }: { outcome: CheckOutcome; onSelect?: (a: ReportAnomaly, cell: string) => void }) {
  const s = useStyles();
  const { report } = outcome;
  const context = [report.ambito, report.anno !== null ? `anno ${report.anno}` : null].filter(Boolean).join(' · ');
  return (
    <section className={s.root} aria-labelledby="risultati-title">
      <div className={s.heading}>
        <Subtitle2 as="h2" id="risultati-title">
          Risultati del controllo
        </Subtitle2>
        {context && (
          <Caption1 as="p" className={s.context}>
            {context}
          </Caption1>
        )}
      </div>
      <Verdict report={report} readiness={outcome.readiness} />
      <SectionGSummary totals={report.totals} />
      <SeverityBadges counts={report.counts} />
      <WrittenNote outcome={outcome} />
      {report.anomalies.length === 0 ? (
        <MessageBar intent="success" layout="multiline" politeness="polite">
          <MessageBarBody>
            {`Nessuna anomalia: tutte le righe ${outcome.readiness.scope === 'ente' ? "dell'elenco" : 'del piano'} hanno superato i controlli.`}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <AnomalyBrowser anomalies={report.anomalies} onSelect={onSelect} />
      )}
    </section>
  );
}

/** Where the results are in the workbook, and what could not be written there (and why). */
function WrittenNote({ outcome }: { outcome: CheckOutcome }) {
  const parts: string[] = [];
  if (outcome.sheets.length > 0) {
    parts.push(`Risultati scritti ${outcome.sheets.length === 1 ? 'nel foglio' : 'nei fogli'} ${joinNames(outcome.sheets)}.`);
  }
  if (outcome.highlightedCells > 0) {
    const noted = outcome.notedCells > 0 ? `, di cui ${formatNumber(outcome.notedCells)} con una nota che spiega il motivo` : '';
    parts.push(`${countOf(outcome.highlightedCells, 'cella evidenziata', 'celle evidenziate')} nei fogli del piano${noted}.`);
  }
  return (
    <>
      {parts.length > 0 && <Body1 as="p">{parts.join(' ')}</Body1>}
      {outcome.notices.map((n) => (
        <MessageBar key={n.message} intent={n.intent ?? 'warning'} layout="multiline" politeness="polite">
          <MessageBarBody>{n.message}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
