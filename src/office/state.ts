/**
 * The little the add-in keeps between runs, in the workbook's settings for this add-in (saved in the
 * file, invisible to the user): for each computed column, the values it wrote there, so that a value
 * the user types into that column is told from ours. Everything else the add-in owns (output sheets,
 * highlights, notes) is recognised by what it contains.
 */
import { Written } from '../core/output/owned-columns';

export const STATE_KEY = 'PianoOfferta.stato';
/** The very hidden sheet where versions before 0.2 kept their state: removed when found. */
export const LEGACY_STATE_SHEET = 'PianoOfferta_stato';

export interface AddinState {
  version: 2;
  /** Per computed column (by its header): how many times each value was written. */
  columns: Record<string, Written>;
  /** Notes written by the last run (a later run on an Excel without notes cannot remove them). */
  notes: number;
}

export const EMPTY_STATE: AddinState = { version: 2, columns: {}, notes: 0 };

export function decodeState(value: unknown): AddinState | null {
  const v = value as Partial<AddinState> | null;
  if (!v || v.version !== 2 || typeof v.columns !== 'object' || v.columns === null) return null;
  return { version: 2, columns: v.columns, notes: typeof v.notes === 'number' ? v.notes : 0 };
}

/** Two records as one (while a run is being written, both the old values and the new are ours). */
export function mergeWritten(a: Written | undefined, b: Written | undefined): Written {
  const out: Written = { ...(a ?? {}) };
  for (const [k, n] of Object.entries(b ?? {})) out[k] = (out[k] ?? 0) + n;
  return out;
}
