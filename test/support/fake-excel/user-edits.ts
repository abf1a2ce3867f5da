/**
 * What users do to a workbook between two runs, as Excel does it: cells, formats, notes, comments,
 * conditional formats and tables move with the rows and columns they sit on.
 */
import { a1, parseA1 } from '../../../src/core/address';
import { renameSheet } from './server';
import { Area, CellData, Scalar, SheetData, WorkbookData, colOf, key, rowOf } from './model';

type Shift = (r: number, c: number) => { r: number; c: number } | null;

function moveEverything(data: WorkbookData, sheet: SheetData, shift: Shift, movesRanges = true): void {
  const cells = new Map<number, CellData>();
  for (const [k, cell] of sheet.cells) {
    const to = shift(rowOf(k), colOf(k));
    if (to) cells.set(key(to.r, to.c), cell);
  }
  sheet.cells = cells;
  const moveAddress = (address: string) => {
    const p = parseA1(address);
    const to = shift(p.row, p.col);
    return to ? a1(to.r, to.c) : null;
  };
  data.notes = data.notes.flatMap((n) => {
    if (n.sheet !== sheet.name) return [n];
    const to = moveAddress(n.address);
    return to ? [{ ...n, address: to }] : [];
  });
  data.comments = data.comments.flatMap((c) => {
    if (c.sheet !== sheet.name) return [c];
    const to = moveAddress(c.address);
    return to ? [{ ...c, address: to }] : [];
  });
  const moveArea = (a: Area): Area | null => {
    const p = shift(a.r0, a.c0), q = shift(a.r1, a.c1);
    return p && q ? { r0: p.r, c0: p.c, r1: q.r, c1: q.c } : null;
  };
  // Inserting and deleting move conditional formats and tables; sorting moves neither.
  if (!movesRanges) return;
  for (const cf of sheet.conditionalFormats) cf.areas = cf.areas.map(moveArea).filter((a): a is Area => a !== null);
  sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.areas.length);
  for (const t of data.tables) {
    if (t.sheet !== sheet.name) continue;
    const m = moveArea(t);
    if (m) Object.assign(t, m);
  }
}

export function insertColumns(data: WorkbookData, sheetName: string, at: number, n = 1): void {
  // A table with the new columns inside it widens: its start stays, its end moves.
  moveEverything(data, data.sheet(sheetName)!, (r, c) => ({ r, c: c >= at ? c + n : c }));
}

export function deleteColumns(data: WorkbookData, sheetName: string, at: number, n = 1): void {
  const s = data.sheet(sheetName)!;
  moveEverything(data, s, (r, c) => (c >= at && c < at + n ? null : { r, c: c >= at + n ? c - n : c }));
}

export function insertRows(data: WorkbookData, sheetName: string, at: number, n = 1): void {
  const s = data.sheet(sheetName)!;
  moveEverything(data, s, (r, c) => ({ r: r >= at ? r + n : r, c }));
}

export function deleteRows(data: WorkbookData, sheetName: string, at: number, n = 1): void {
  const s = data.sheet(sheetName)!;
  moveEverything(data, s, (r, c) => (r >= at && r < at + n ? null : { r: r >= at + n ? r - n : r, c }));
}

/** Data › Sort on rows r0..r1 of columns c0..c1, by the values of column `by` (ascending, as text). */
export function sortRows(data: WorkbookData, sheetName: string, rows: [number, number], cols: [number, number], by: number): void {
  const s = data.sheet(sheetName)!;
  const [r0, r1] = rows;
  const [c0, c1] = cols;
  const order = Array.from({ length: r1 - r0 + 1 }, (_, i) => r0 + i).sort((x, y) =>
    String(s.cells.get(key(x, by))?.value ?? '').localeCompare(String(s.cells.get(key(y, by))?.value ?? ''), 'it'),
  );
  const target = new Map(order.map((from, i) => [from, r0 + i]));
  // Sorting moves values, cell formats and notes, not the ranges of conditional formats and tables.
  moveEverything(data, s, (r, c) => (r >= r0 && r <= r1 && c >= c0 && c <= c1 ? { r: target.get(r)!, c } : { r, c }), false);
}

export function rename(data: WorkbookData, from: string, to: string): void {
  renameSheet(data, data.sheet(from)!, to);
}

/** The user types a value into a cell (Excel turns "=…" into a formula, as when typing). */
export function typeInto(data: WorkbookData, sheetName: string, address: string, value: Scalar, format: Partial<CellData> = {}): void {
  const s = data.sheet(sheetName)!;
  const p = parseA1(address);
  const cell = s.cells.get(key(p.row, p.col)) ?? { value: null };
  s.cells.set(key(p.row, p.col), { ...cell, ...format, value });
}
