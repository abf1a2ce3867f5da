/** What the last check found: verdict, section g, counts, where the results were written, the anomalies. */
import { Body1, Caption1, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ReactNode, useEffect, useRef, useState } from 'react';
import type { Report, ReportAnomaly } from '../../core/report';
import type { Severity } from '../../core/rules/rule';
import type { SeverityFilter } from '../anomalies';
import { countOf, formatNumber, sheetNames } from '../italian';
import type { CheckOutcome } from '../service';
import { AnomalyBrowser } from './AnomalyBrowser';
import { SectionGSummary } from './SectionGSummary';
import { SeverityBadges } from './SeverityBadges';
import { Verdict } from './Verdict';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // Title and ambito on separate lines (Fluent's Text renders inline).
  heading: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  // The flex gaps space the blocks: no browser margins on top of them.
  flush: { margin: 0 },
  context: { color: tokens.colorNeutralForeground2, margin: 0 },
  // The verdict takes the focus after a check: no outline box around the whole block, the heading says where it is.
  verdict: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, outlineStyle: 'none', scrollMarginTop: tokens.spacingVerticalL },
  list: { scrollMarginTop: tokens.spacingVerticalL },
});

/** The list's filters, for one report: a new check starts from all its anomalies. */
interface Filters {
  of: Report;
  severity: SeverityFilter;
  query: string;
  /** Counts the badges' requests to bring the list into view. */
  reveal: number;
}

export interface ResultsViewProps {
  outcome: CheckOutcome;
  onSelect?: (a: ReportAnomaly, cell: string) => void;
  /** Where the results are: written into the open workbook, or into a copy of the chosen file to download. */
  mode?: 'excel' | 'file';
  /** The main thing to do next, right under the verdict (the page: download the annotated copy). */
  action?: ReactNode;
}

/**
 * Brings el to the top of the view, below whatever stays stuck there (the pane's sticky actions): what
 * was asked for is not hidden under them, whoever adds them and however tall they are.
 */
function scrollToTop(el: HTMLElement) {
  el.scrollIntoView?.({ block: 'start' });
  if (typeof document.elementFromPoint !== 'function') return;
  const box = el.getBoundingClientRect();
  let over = document.elementFromPoint(box.left + box.width / 2, Math.max(box.top, 0) + 1);
  for (; over && !el.contains(over); over = over.parentElement) {
    const { position } = getComputedStyle(over);
    if (position === 'sticky' || position === 'fixed') {
      window.scrollBy(0, box.top - over.getBoundingClientRect().bottom - 8);
      return;
    }
  }
}

export function ResultsView({ outcome, onSelect, mode = 'excel', action }: ResultsViewProps) {
  const s = useStyles();
  const { report } = outcome;
  const verdict = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [stored, setFilters] = useState<Filters>({ of: report, severity: 'all', query: '', reveal: 0 });
  const filters: Filters = stored.of === report ? stored : { of: report, severity: 'all', query: '', reveal: 0 };
  const update = (change: Partial<Filters>) => setFilters({ ...filters, ...change });
  // A badge shows all it counts: its tab, no search left over to hide some of them.
  const show = (severity: Severity) => update({ severity, query: '', reveal: filters.reveal + 1 });
  // Results first: a new check brings the verdict into view and the focus to it (screen readers read it).
  useEffect(() => {
    verdict.current?.focus({ preventScroll: true });
    verdict.current?.scrollIntoView?.({ block: 'start' });
  }, [report]);
  // After a badge: the list in view, the focus on its chosen tab (a screen reader says which and how many).
  useEffect(() => {
    if (filters.reveal === 0) return;
    // By its value: the tabs learn which is selected a render later than this effect runs.
    list.current?.querySelector<HTMLElement>(`[role="tab"][data-severity="${filters.severity}"]`)?.focus({ preventScroll: true });
    if (list.current) scrollToTop(list.current);
  }, [filters.reveal]);
  const context = [report.ambito, report.anno !== null ? `anno ${report.anno}` : null].filter(Boolean).join(' · ');
  return (
    <section className={s.root} aria-labelledby="risultati-title">
      <div className={s.heading}>
        <Subtitle2 as="h2" id="risultati-title" className={s.flush}>
          Risultati del controllo
        </Subtitle2>
        {context && (
          <Caption1 as="p" className={s.context}>
            {context}
          </Caption1>
        )}
      </div>
      <div ref={verdict} tabIndex={-1} className={s.verdict} aria-label="Esito del controllo" data-testid="verdict-region">
        <Verdict report={report} readiness={outcome.readiness} />
        {action}
      </div>
      <SectionGSummary totals={report.totals} />
      <SeverityBadges counts={report.counts} onShow={report.anomalies.length > 0 ? show : undefined} />
      {mode === 'file' ? <CopyNote outcome={outcome} /> : <WrittenNote outcome={outcome} />}
      {report.anomalies.length === 0 ? (
        <MessageBar intent="success" layout="multiline" politeness="polite">
          <MessageBarBody>
            {`Nessuna anomalia: tutte le righe ${outcome.readiness.scope === 'ente' ? "dell'elenco" : 'del piano'} hanno superato i controlli.`}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <div ref={list} className={s.list} data-testid="anomaly-list">
          <AnomalyBrowser
            anomalies={report.anomalies}
            onSelect={onSelect}
            severity={filters.severity}
            onSeverityChange={(severity) => update({ severity })}
            query={filters.query}
            onQueryChange={(query) => update({ query })}
          />
        </div>
      )}
    </section>
  );
}

/** Where the results are in the workbook, and what could not be written there (and why). */
function WrittenNote({ outcome }: { outcome: CheckOutcome }) {
  const s = useStyles();
  const parts: string[] = [];
  if (outcome.sheets.length > 0) {
    parts.push(`Risultati scritti ${outcome.sheets.length === 1 ? 'nel foglio' : 'nei fogli'} ${sheetNames(outcome.sheets)}.`);
  }
  if (outcome.highlightedCells > 0) {
    const noted = outcome.notedCells > 0 ? `, di cui ${formatNumber(outcome.notedCells)} con una nota che spiega il motivo` : '';
    parts.push(`${countOf(outcome.highlightedCells, 'cella evidenziata', 'celle evidenziate')} nei fogli del piano${noted}.`);
  }
  return (
    <>
      {parts.length > 0 && (
        <Body1 as="p" className={s.flush}>
          {parts.join(' ')}
        </Body1>
      )}
      {outcome.notices.map((n) => (
        <MessageBar key={n.message} intent={n.intent ?? 'warning'} layout="multiline" politeness="polite">
          <MessageBarBody>{n.message}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}

/** The page: everything is in the copy to download; the chosen file is untouched. */
function CopyNote({ outcome }: { outcome: CheckOutcome }) {
  const s = useStyles();
  const highlighted = outcome.highlightedCells > 0 ? ` e ${countOf(outcome.highlightedCells, 'cella evidenziata', 'celle evidenziate')} nei fogli del piano, con una nota` : '';
  return (
    <>
      <Body1 as="p" className={s.flush}>
        {`La copia annotata contiene ${outcome.sheets.length === 1 ? 'il foglio' : 'i fogli'} ${sheetNames(outcome.sheets)}${highlighted}; il file scelto non è stato modificato. Nel foglio «Anomalie» della copia ogni riga porta alla sua cella.`}
      </Body1>
      {outcome.notices.map((n) => (
        <MessageBar key={n.message} intent={n.intent ?? 'warning'} layout="multiline" politeness="polite">
          <MessageBarBody>{n.message}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
