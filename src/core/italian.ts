/** The Italian of numbers and counts, shared by the engine's messages, the command line and the pane. */

const NUMBER = new Intl.NumberFormat('it-IT', { useGrouping: 'always', maximumFractionDigits: 2 });

/** A number as the plans print it: 1.711, 10,5 (grouping even with four digits, as users expect). */
export function num(n: number): string {
  // Below a thousand a whole number is its own digits: no formatter call (thousands per run).
  if (Number.isInteger(n) && n > -1000 && n < 1000) return String(n);
  return NUMBER.format(n);
}

/** Percent points as the plans print them: "10%", "47,9%" (a comune's 3,03% keeps its digits with `digits` 2). */
export function percent(n: number, digits = 1): string {
  return `${n.toLocaleString('it-IT', { maximumFractionDigits: digits })}%`;
}

/** "1 errore", "56 avvisi". */
export function countOf(n: number, singular: string, plural: string): string {
  return `${num(n)} ${n === 1 ? singular : plural}`;
}

/** "«A» o «B»", "«A», «B» o «C»": alternatives, as people write them. */
export function joinOr(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  // The euphonic "od" is not written before o- in current usage: plain "o".
  return `${names.slice(0, -1).join(', ')} o ${names[names.length - 1]}`;
}

/** "Ambito, Comuni ed Enti", "SAT e Assegnazioni": an Italian list, as people write it. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  const last = names[names.length - 1]!;
  // The euphonic "ed" before a word starting with e (a sheet's name in quotes too: «Comuni» ed «Enti»).
  const and = /^«?[eèé]/i.test(last) ? 'ed' : 'e';
  return `${names.slice(0, -1).join(', ')} ${and} ${last}`;
}

/**
 * Excel's error values as Italian Excel shows them (#N/A is #N/D there). The newer errors keep their
 * English name where the Italian one is not documented.
 */
export const ITALIAN_EXCEL_ERRORS: Readonly<Record<string, string>> = {
  '#N/A': '#N/D',
  '#VALUE!': '#VALORE!',
  '#REF!': '#RIF!',
  '#NAME?': '#NOME?',
  '#NULL!': '#NULLO!',
  '#DIV/0!': '#DIV/0!',
  '#NUM!': '#NUM!',
  '#SPILL!': '#ESPANSIONE!',
  '#CALC!': '#CALC!',
};

export function italianExcelError(shown: string): string {
  const t = shown.trim();
  return ITALIAN_EXCEL_ERRORS[t.toUpperCase()] ?? t;
}
