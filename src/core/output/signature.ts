/** How an output sheet written by Piano Offerta is recognised (its first cell), so a user's own sheet of the same name is never replaced. */
const SIGNATURES = ['Sezione g – ', 'Anomalie – ', "Piano annuale dell'offerta abitativa"];

export function isOurOutput(firstCell: string): boolean {
  return SIGNATURES.some((s) => firstCell.startsWith(s));
}
