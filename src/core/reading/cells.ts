/**
 * What a cell holds beyond its value, as the user sees it in Excel: the merged area it lies under
 * (a label merged over three rows applies to each of them) and an uncomputed formula (a file saved
 * by a program that does not calculate: the cell looks empty here, but is not).
 */
import { SheetSnapshot } from '../snapshot';

const COLS = 16384;

interface SheetIndex {
  /** Per column: covered row → top-left of its merged area (the top-left cell itself is not covered). */
  covered: Map<number, Map<number, { row: number; col: number }>>;
  formulas: Map<number, string> | null;
}

const indexes = new WeakMap<SheetSnapshot, SheetIndex>();

function indexOf(sheet: SheetSnapshot): SheetIndex {
  let ix = indexes.get(sheet);
  if (!ix) {
    const formulas = sheet.uncomputed?.length ? new Map(sheet.uncomputed.map((u) => [(u.row - sheet.originRow) * COLS + (u.col - sheet.originCol), u.formula])) : null;
    ix = { covered: new Map(), formulas };
    indexes.set(sheet, ix);
  }
  return ix;
}

/** The top-left cell (snapshot coordinates) of the merged area covering (r, c), when (r, c) is covered. */
export function mergedFrom(sheet: SheetSnapshot, r: number, c: number): { row: number; col: number } | null {
  if (!sheet.merges?.length) return null;
  const ix = indexOf(sheet);
  let col = ix.covered.get(c);
  if (!col) {
    col = new Map();
    const sheetCol = c + sheet.originCol;
    for (const m of sheet.merges) {
      if (sheetCol < m.c0 || sheetCol > m.c1) continue;
      const top = { row: m.r0 - sheet.originRow, col: m.c0 - sheet.originCol };
      for (let row = m.r0; row <= m.r1; row++) if (row !== m.r0 || sheetCol !== m.c0) col.set(row - sheet.originRow, top);
    }
    ix.covered.set(c, col);
  }
  return col.get(r) ?? null;
}

/** The formula of (r, c) when it has no computed value. */
export function uncomputedFormula(sheet: SheetSnapshot, r: number, c: number): string | null {
  if (!sheet.uncomputed?.length) return null;
  return indexOf(sheet).formulas!.get(r * COLS + c) ?? null;
}
