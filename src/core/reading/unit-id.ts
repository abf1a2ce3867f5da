/** What an ID unità cell says: nothing, a placeholder for a missing code, a valid code, or junk. */
import { foldText } from '../names/normalize';

export type IdKind = 'none' | 'placeholder' | 'valid' | 'invalid';

const PLACEHOLDER = /^(non comunicat\w*|non disponibil\w*|non pervenut\w*|da comunicare|da definire|mancante|assente|sconosciut\w*|n ?d|n ?a|nd|na|0+)$/;

export function classifyId(id: string | null): IdKind {
  if (id === null) return 'none';
  const t = id.trim();
  if (/^[0-9]+$/.test(t)) return /^0+$/.test(t) ? 'placeholder' : 'valid';
  if (/^[-–—?.\s]+$/.test(t)) return 'placeholder';
  if (PLACEHOLDER.test(foldText(t))) return 'placeholder';
  return 'invalid';
}

/** The ID as compared for duplicates: digits without leading zeros. */
export function idKey(id: string): string {
  return id.charCodeAt(0) === 48 /* 0 */ ? id.replace(/^0+/, '') : id;
}
