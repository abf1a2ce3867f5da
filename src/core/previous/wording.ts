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
