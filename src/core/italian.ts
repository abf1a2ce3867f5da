/** The Italian of numbers and counts, shared by the engine's messages, the command line and the pane. */

const NUMBER = new Intl.NumberFormat('it-IT', { useGrouping: 'always', maximumFractionDigits: 2 });

/** A number as the plans print it: 1.711, 10,5 (grouping even with four digits, as users expect). */
export function num(n: number): string {
  return NUMBER.format(n);
}

/** "1 errore", "56 avvisi". */
export function countOf(n: number, singular: string, plural: string): string {
  return `${num(n)} ${n === 1 ? singular : plural}`;
}

/** "Ambito, Comuni ed Enti", "SAT e Assegnazioni": an Italian list, as people write it. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  const last = names[names.length - 1]!;
  // The euphonic "ed" before a word starting with e.
  const and = /^[eèé]/i.test(last) ? 'ed' : 'e';
  return `${names.slice(0, -1).join(', ')} ${and} ${last}`;
}
