/**
 * The computed columns (g calcolato, Esito controllo) are the add-in's, but users insert columns,
 * sort, delete rows and type into them between runs. Which cells are still ours is decided by what
 * they hold now, never by where we wrote last time: a cell is ours when it is empty or holds a value
 * we wrote (counted: each value we wrote claims one cell); anything else is the user's and is left as
 * it is. Pure: the shells apply the result.
 */
import { a1 } from '../address';
import { foldText } from '../names/normalize';
import { CellValue, SheetSnapshot } from '../snapshot';
import { Severity } from '../rules/rule';
import { ComputedColumn } from './write-plan';

/** How many times each value was written, keyed by `valueKey`. */
export type Written = Record<string, number>;

export const valueKey = (v: CellValue): string => JSON.stringify(v);

/**
 * Without a record of what we wrote (a copy written by the command line, say): our own phrasing,
 * the earlier "Esclusa da g" included (columns written before the wording changed still hold it).
 */
const OUR_PHRASES = /^(Sezione [b-f]: |Esclusa dalla sezione g: |Esclusa da g: |Non conteggiata: )/;

export interface ColumnChanges {
  sheet: string;
  header: string;
  col: number;
  /** First and last row (zero-based, in the sheet) the changes span, header included. */
  firstRow: number;
  lastRow: number;
  /** Per row from firstRow: the value to write, "" to clear a cell of ours, null to leave the cell alone. */
  values: (string | number | null)[];
  /** Rows that will hold a value of ours, with the severity of their row (for its colour). */
  cells: { row: number; severity?: Severity }[];
  /** Cells of the user's in the column: left alone. */
  kept: { cell: string; value: CellValue }[];
  /** What the column holds of ours once written, for the next run. */
  written: Written;
}

/** The value at a cell of the sheet (zero-based, in the sheet); null when empty or outside the snapshot. */
export function valueAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const v = sheet.values[row - sheet.originRow]?.[col - sheet.originCol];
  return v === undefined || v === '' ? null : v;
}

/**
 * What to write in a computed column so that it ends up as a fresh run would leave it, without
 * touching a value the user typed. `previous` is what the last run wrote (null when unknown).
 */
export function reconcileColumn(column: ComputedColumn, sheet: SheetSnapshot, previous: Written | null): ColumnChanges {
  const remaining = new Map(Object.entries(previous ?? {}));
  const isOurs = (v: CellValue): boolean => {
    if (previous === null) return column.header === 'g calcolato' ? typeof v === 'number' : typeof v === 'string' && OUR_PHRASES.test(v);
    const k = valueKey(v);
    const n = remaining.get(k) ?? 0;
    if (n <= 0) return false;
    remaining.set(k, n - 1);
    return true;
  };
  const wanted = new Map(column.cells.map((c) => [c.row, c]));
  const lastSheetRow = sheet.originRow + sheet.values.length - 1;
  const lastWanted = column.cells.reduce((m, c) => Math.max(m, c.row), column.headerRow);
  const firstRow = column.headerRow;
  const lastRow = Math.max(lastWanted, lastSheetRow, firstRow);
  const values: (string | number | null)[] = [];
  const cells: ColumnChanges['cells'] = [];
  const kept: ColumnChanges['kept'] = [];
  const written: Written = {};
  const own = (v: string | number) => (written[valueKey(v)] = (written[valueKey(v)] ?? 0) + 1);

  const header = valueAt(sheet, firstRow, column.col);
  if (header === null) values.push(column.header);
  else values.push(null); // the header is found there already (that is how the column was found)
  for (let row = firstRow + 1; row <= lastRow; row++) {
    const now = valueAt(sheet, row, column.col);
    const want = wanted.get(row);
    const free = now === null || isOurs(now);
    if (!free) {
      kept.push({ cell: a1(row, column.col), value: now });
      values.push(null);
      continue;
    }
    if (want && want.value !== '') {
      values.push(now === want.value ? null : want.value);
      own(want.value);
      cells.push(want.severity ? { row, severity: want.severity } : { row });
    } else values.push(now === null ? null : '');
  }
  // Trailing rows with nothing to do are not sent.
  while (values.length > 1 && values[values.length - 1] === null) values.pop();
  return { sheet: column.sheet, header: column.header, col: column.col, firstRow, lastRow: firstRow + values.length - 1, values, cells, kept, written };
}

/**
 * Removing a computed column: every cell still ours is cleared, the header with it, unless the user
 * kept values of theirs under it, or the header is part of an Excel table (Excel would rename the
 * emptied header "Colonna1": the table's column stays as the user's table has it).
 */
export function removalOf(column: Pick<ComputedColumn, 'sheet' | 'header' | 'col' | 'headerRow'>, sheet: SheetSnapshot, previous: Written | null): ColumnChanges {
  const changes = reconcileColumn({ ...column, cells: [] }, sheet, previous);
  const inTable = (sheet.tables ?? []).some((t) => t.r0 === column.headerRow && column.col >= t.c0 && column.col <= t.c1);
  if (changes.kept.length === 0 && !inTable && valueAt(sheet, column.headerRow, column.col) !== null) changes.values[0] = '';
  return changes;
}

/** How far down a sheet a header row may be (as for the tables the engine reads). */
const HEADER_ROWS = 30;

export interface FoundColumn {
  sheet: string;
  header: string;
  col: number;
  headerRow: number;
}

/**
 * Every computed column on the sheets, found by its header (case and accents aside), wherever the
 * user moved it and whether or not the engine recognises its table this time: for removing one the
 * engine no longer plans (the user emptied the sheet, broke its headers, wrote a second one).
 */
export function findOwnedColumns(sheets: SheetSnapshot[], headers: readonly string[]): FoundColumn[] {
  const wanted = new Map(headers.map((h) => [foldText(h), h]));
  const out: FoundColumn[] = [];
  for (const s of sheets) {
    s.values.slice(0, HEADER_ROWS).forEach((row, r) => {
      row.forEach((v, c) => {
        const header = typeof v === 'string' ? wanted.get(foldText(v)) : undefined;
        if (header) out.push({ sheet: s.name, header, col: s.originCol + c, headerRow: s.originRow + r });
      });
    });
  }
  return out;
}

/** A header as written, compared as the engine compares headers (case and accents aside). */
export function sameHeader(a: unknown, b: string): boolean {
  return typeof a === 'string' && foldText(a) === foldText(b);
}
