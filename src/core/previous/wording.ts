/**
 * How the comparison with previous years is said, wherever it is shown (command line, pane, page).
 * Apart from year.ts so that the pane can use it without loading zod.
 */

/** What to do when last year's plan cannot be compared with this one. */
export const PREVIOUS_YEAR_ACTION =
  "Scegliere il piano dell'anno precedente dello stesso ambito (la sua cartella .xlsx o il report JSON), oppure togliere il confronto.";

/** «2022 («piano-2022.json», report JSON: solo la sezione g), 2021 («piano-2021.xlsx»)». */
export function describeYears(previous: readonly { anno: number | null; label: string; source: 'workbook' | 'report' }[]): string {
  return previous.map((p) => `${p.anno ?? '?'} («${p.label}»${p.source === 'report' ? ', report JSON: solo la sezione g' : ''})`).join(', ');
}

/** «Confronto con l'anno precedente: 2022 («piano-2022.json», …)», or «… gli anni precedenti: …». */
export function comparedHeadline(previous: Parameters<typeof describeYears>[0]): string {
  return `Confronto con ${previous.length === 1 ? "l'anno precedente" : 'gli anni precedenti'}: ${describeYears(previous)}`;
}

/** What the comparison found: its PREV_* warnings and informations. */
export function comparisonCounts(anomalies: readonly { rule: string; severity: string }[]): { warnings: number; infos: number } {
  const prev = anomalies.filter((a) => a.rule.startsWith('PREV_'));
  const warnings = prev.filter((a) => a.severity === 'warning').length;
  return { warnings, infos: prev.length - warnings };
}

/** The per-owner comparison with no owner in it. */
export const NO_COMPARED_OWNERS = 'Nessun ente con unità assegnabili nei due anni.';
