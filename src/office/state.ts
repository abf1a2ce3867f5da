/**
 * What the add-in changed in the workbook, kept in a very hidden sheet so that "Rimuovi risultati"
 * and the next run can undo exactly that: the output sheets, the owned columns, and each highlighted
 * cell with its original fill and the note or comment added to it.
 */
export const STATE_SHEET = 'PianoOfferta_stato';
/** Excel keeps at most 32,767 characters in a cell: the state is split across rows. */
const CHUNK = 30000;

export interface HighlightedCell {
  sheet: string;
  cell: string;
  /** The fill before the add-in's; null: none. */
  fill: string | null;
  note?: boolean;
  commentId?: string;
}

export interface AddinState {
  version: 1;
  sheets: string[];
  columns: { sheet: string; col: number; firstRow: number; lastRow: number }[];
  cells: HighlightedCell[];
}

export const EMPTY_STATE: AddinState = { version: 1, sheets: [], columns: [], cells: [] };

export function encodeState(state: AddinState): string[][] {
  const json = JSON.stringify(state);
  const rows: string[][] = [];
  for (let i = 0; i < json.length; i += CHUNK) rows.push([json.slice(i, i + CHUNK)]);
  return rows.length ? rows : [['']];
}

export function decodeState(values: unknown[][] | null): AddinState | null {
  if (!values) return null;
  try {
    const parsed = JSON.parse(values.map((r) => String(r[0] ?? '')).join('')) as AddinState;
    return parsed && parsed.version === 1 ? parsed : null;
  } catch {
    return null;
  }
}
