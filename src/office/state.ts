/**
 * The little the add-in keeps between runs, in the workbook's settings for this add-in (saved in the
 * file, invisible to the user): for each computed column, the values it wrote there, so that a value
 * the user types into that column is told from ours. Everything else the add-in owns (output sheets,
 * highlights, notes) is recognised by what it contains.
 */
import { Written } from '../core/output/owned-columns';

export const STATE_KEY = 'PianoOfferta.stato';
/** The very hidden sheet where version 0.1 kept its state: read once to undo its fills, then removed. */
export const LEGACY_STATE_SHEET = 'PianoOfferta_stato';

/**
 * What version 0.1 recorded: the fills it painted on the user's cells (with the colour each had
 * before) and the columns it owned by position.
 */
export interface LegacyState {
  cells: { sheet: string; cell: string; fill: string | null }[];
  columns: { sheet: string; col: number; firstRow: number; lastRow: number }[];
}

export function decodeLegacyState(values: unknown[][] | null): LegacyState | null {
  if (!values) return null;
  try {
    const v = JSON.parse(values.map((r) => String(r[0] ?? '')).join('')) as Partial<LegacyState> & { version?: number };
    if (v.version !== 1) return null;
    return {
      cells: Array.isArray(v.cells) ? v.cells.filter((c) => c && typeof c.sheet === 'string' && typeof c.cell === 'string') : [],
      columns: Array.isArray(v.columns) ? v.columns.filter((c) => c && typeof c.sheet === 'string' && Number.isInteger(c.col)) : [],
    };
  } catch {
    return null;
  }
}

export interface AddinState {
  version: 2;
  /** Per computed column (by its header): how many times each value was written. */
  columns: Record<string, Written>;
  /** Notes written by the last run (a later run on an Excel without notes cannot remove them). */
  notes: number;
  /**
   * Output sheets a write in progress is adding: if it stops before a sheet is signed in A1, the
   * take-back still knows that empty sheet is the add-in's.
   */
  adding?: string[];
}

export function decodeState(value: unknown): AddinState | null {
  const v = value as Partial<AddinState> | null;
  if (!v || v.version !== 2 || typeof v.columns !== 'object' || v.columns === null) return null;
  return {
    version: 2,
    columns: v.columns,
    notes: typeof v.notes === 'number' ? v.notes : 0,
    ...(Array.isArray(v.adding) ? { adding: v.adding.filter((n): n is string => typeof n === 'string') } : {}),
  };
}

/** Two records as one (while a run is being written, both the old values and the new are ours). */
export function mergeWritten(a: Written | undefined, b: Written | undefined): Written {
  const out: Written = { ...(a ?? {}) };
  for (const [k, n] of Object.entries(b ?? {})) out[k] = (out[k] ?? 0) + n;
  return out;
}
