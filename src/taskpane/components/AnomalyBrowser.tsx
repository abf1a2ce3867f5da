/** The anomaly list with its filters: severity (tabs) and free text, grouped by rule. */
import { Body1, Caption1, SearchBox, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ReportAnomaly } from '../../core/report';
import { SEVERITY_LABEL, SeverityFilter, filterAnomalies, groupByRule } from '../anomalies';
import { countOf, formatNumber } from '../italian';
import { AnomalyGroups } from './AnomalyGroups';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0 },
  // Four tabs with their counts are wider than the pane's 350 px: they go on two lines, never off the side.
  tabs: { flexWrap: 'wrap' },
  search: { width: '100%', maxWidth: 'none' },
});

const FILTERS: { value: SeverityFilter; label: string }[] = [
  { value: 'all', label: 'Tutte' },
  { value: 'error', label: SEVERITY_LABEL.error.filter },
  { value: 'warning', label: SEVERITY_LABEL.warning.filter },
  { value: 'info', label: SEVERITY_LABEL.info.filter },
];

export interface AnomalyBrowserProps {
  anomalies: ReportAnomaly[];
  onSelect?: (a: ReportAnomaly, cell: string) => void;
  /** The severity tab, when the parent holds it (the severity badges choose it too). */
  severity?: SeverityFilter;
  onSeverityChange?: (severity: SeverityFilter) => void;
  /** The search text, when the parent holds it (a badge clears it, to show all it counts). */
  query?: string;
  onQueryChange?: (query: string) => void;
}

export function AnomalyBrowser({ anomalies, onSelect, ...controlled }: AnomalyBrowserProps) {
  const s = useStyles();
  const [ownSeverity, setOwnSeverity] = useState<SeverityFilter>('all');
  const [ownQuery, setOwnQuery] = useState('');
  const severity = controlled.severity ?? ownSeverity;
  const query = controlled.query ?? ownQuery;
  const setSeverity = (value: SeverityFilter) => (controlled.onSeverityChange ?? setOwnSeverity)(value);
  const setQuery = (value: string) => (controlled.onQueryChange ?? setOwnQuery)(value);
  const [openItems, setOpenItems] = useState<string[]>([]);
  const shown = useMemo(() => filterAnomalies(anomalies, severity, query), [anomalies, severity, query]);
  const groups = useMemo(() => groupByRule(shown), [shown]);

  const onQuery = (text: string) => {
    setQuery(text);
    // Searching for a cell or a name is looking for specific rows: open the groups that have them.
    if (text.trim()) setOpenItems(groupByRule(filterAnomalies(anomalies, severity, text)).map((g) => g.rule));
  };

  const filtered = shown.length !== anomalies.length;
  return (
    <section className={s.root} aria-labelledby="anomalie-title">
      <Text as="h3" id="anomalie-title" className={s.title} size={400} weight="semibold">
        Anomalie per regola
      </Text>
      <TabList
        className={s.tabs}
        size="small"
        selectedValue={severity}
        onTabSelect={(_, data) => setSeverity(data.value as SeverityFilter)}
        aria-label="Mostra le anomalie per gravità"
      >
        {FILTERS.map((f) => (
          // Each tab says how many it holds: choosing one is then no guess.
          <Tab key={f.value} value={f.value} data-severity={f.value}>
            {`${f.label} (${formatNumber(f.value === 'all' ? anomalies.length : anomalies.filter((a) => a.severity === f.value).length)})`}
          </Tab>
        ))}
      </TabList>
      <SearchBox
        className={s.search}
        aria-label="Cerca nelle anomalie"
        placeholder="Cerca: foglio, cella, comune, ente…"
        value={query}
        onChange={(_, data) => onQuery(data.value)}
      />
      {/* Says how many the filters leave, so that a screen reader user hears the effect of a filter. */}
      <Caption1 aria-live="polite">
        {filtered
          ? `${countOf(shown.length, 'anomalia mostrata', 'anomalie mostrate')} su ${formatNumber(anomalies.length)}`
          : `${countOf(anomalies.length, 'anomalia', 'anomalie')} in ${countOf(groups.length, 'regola', 'regole')}`}
      </Caption1>
      {groups.length === 0 ? (
        <Body1>Nessuna anomalia corrisponde ai filtri scelti.</Body1>
      ) : (
        <AnomalyGroups groups={groups} openItems={openItems} onOpenItemsChange={setOpenItems} onSelect={onSelect} />
      )}
    </section>
  );
}
