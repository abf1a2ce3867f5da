/** Which previous years the plan was compared with, and what the comparison found (its anomalies are in the list). */
import { Body1, Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { NO_COMPARED_OWNERS, comparedHeadline, comparisonCounts } from '../../core/previous/wording';
import { countOf, formatNumber } from '../italian';
import type { CheckOutcome } from '../service';


const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Room for the owners' names: the figures take only what they need.
  table: { tableLayout: 'auto' },
  number: { textAlign: 'right', whiteSpace: 'nowrap', width: '1%' },
  total: { fontWeight: tokens.fontWeightSemibold },
});

/** «g nel piano 2026» → «g 2026», «assegnate (k) nel piano 2027» → «k 2027», the ID column → «stesso ID». */
function short(header: string[]): string[] {
  return header.map((h, i) => {
    const year = /(\d{4})$/.exec(h)?.[1] ?? '';
    if (i === 0) return 'Ente';
    if (i === 3) return 'stesso ID';
    return `${i === 2 ? 'k' : 'g'} ${year}`.trim();
  });
}

const cell = (v: string | number) => (typeof v === 'number' ? formatNumber(v) : v === '' ? '–' : v);

export function ComparedNote({ outcome, mode }: { outcome: CheckOutcome; mode: 'excel' | 'file' }) {
  const s = useStyles();
  const table = outcome.comparison;
  const compared = outcome.compared ?? [];
  const { warnings, infos } = comparisonCounts(outcome.report.anomalies);
  return (
    <section className={s.root} aria-label="Confronto con l'anno precedente, per ente">
      <Body1 as="p" data-testid="compared">
        {`${comparedHeadline(compared)}. `}
        {`${countOf(warnings, 'avviso', 'avvisi')} e ${countOf(infos, 'informazione', 'informazioni')}, nell'elenco delle anomalie e nel foglio «Riepilogo»${mode === 'file' ? ' della copia' : ''}.`}
      </Body1>
      {table && table.rows.length > 0 && (
        <Table size="extra-small" className={s.table} aria-label={table.title} data-testid="comparison-table">
          <TableHeader>
            <TableRow>
              {short(table.header).map((h, i) => (
                // The full heading for screen readers and on hover; a short one fits the 350 px pane.
                <TableHeaderCell key={h} className={i > 0 ? s.number : undefined} title={table.header[i]} aria-label={table.header[i]}>
                  {h}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {[...table.rows, table.total].map((r, ri) => (
              <TableRow key={`${ri}-${String(r[0])}`} className={ri === table.rows.length ? s.total : undefined}>
                {r.map((v, i) => (
                  <TableCell key={i} className={i > 0 ? s.number : undefined}>
                    {cell(v)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {table && table.rows.length > 0 && (
        <Caption1>g: unità assegnabili nel piano; k: unità assegnate; stesso ID: ancora assegnabili con lo stesso Codice ID.</Caption1>
      )}
      {table && table.rows.length === 0 && <Caption1>{NO_COMPARED_OWNERS}</Caption1>}
    </section>
  );
}
