import { SEVERITY_LABEL } from './sheet-builder';

/** How an output sheet written by Piano Offerta is recognised (its first cell), so a user's own sheet of the same name is never replaced. */
const SIGNATURES = ['Sezione g – ', 'Anomalie – ', "Piano annuale dell'offerta abitativa"];

export function isOurOutput(firstCell: string): boolean {
  return SIGNATURES.some((s) => firstCell.startsWith(s));
}

/** The first line of every note the add-in writes on an input cell; the next begins with a severity and a colon (before 0.3: a space and the rule's code). */
export const NOTE_SIGNATURE = 'Piano Offerta';
const OUR_NOTE = new RegExp(`^${NOTE_SIGNATURE}\\n(${Object.values(SEVERITY_LABEL).join('|')})[: ]`);

/** A note (or, from version 0.1, a threaded comment) the add-in wrote: exactly its shape, not a user's text that merely mentions it. */
export function isOurNote(content: string): boolean {
  return OUR_NOTE.test(content);
}
