/**
 * One worksheet's cells into the snapshot's grids: stored as they come (rows only as long as their
 * last cell, absent rows one shared empty row), so a lone cell at XFD1048576 costs a row, not
 * rows × columns. Values as Excel shows them: shared and inline strings, numbers, booleans, errors,
 * formula results (an uncomputed formula is reported, never read as a blank), ISO dates, 1904 dates
 * moved to the 1900 serials the core reads.
 */
import { CellValue, SheetSnapshot } from '../../../core/snapshot';
import { Tok, XmlScanner } from '../xml';
import { richText, unescapeXstring } from './strings';
import { isDateFormat } from './styles';
import { RowLayout } from './layout';

/** Excel's limits: a reference beyond them is a damaged file, not a sheet to allocate. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export class BadSheetError extends Error {}

const EMPTY: CellValue[] = Object.freeze([]) as unknown as CellValue[];
const EMPTY_FORMATS: (string | null)[] = Object.freeze([]) as unknown as (string | null)[];

/** Zero-based row and column of an A1 reference, bounded by Excel's limits. */
function parseRef(ref: string): { row: number; col: number } {
  parseRefAt(ref, 0, ref.length);
  return { row: refRow, col: refCol };
}

/** `A1:C4` as zero-based bounds. */
function parseRange(ref: string): { r0: number; c0: number; r1: number; c1: number } | null {
  const [a, b] = ref.split(':');
  if (!a) return null;
  const p = parseRef(a);
  const q = b ? parseRef(b) : p;
  return { r0: Math.min(p.row, q.row), c0: Math.min(p.col, q.col), r1: Math.max(p.row, q.row), c1: Math.max(p.col, q.col) };
}

/** An ISO 8601 date-time (`t="d"` cells) as a 1900-system serial; null when it is not one. */
export function isoToSerial(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s.trim());
  if (m) {
    const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), Math.round(Number(`0.${m[7] ?? 0}`) * 1000));
    const serial = ms / 86400000 + 25569;
    // Excel's serials count the fictitious 29 February 1900.
    return serial < 61 ? serial - 1 : serial;
  }
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s.trim());
  return t ? (+t[1]! * 3600 + +t[2]! * 60 + +(t[3] ?? 0)) / 86400 : null;
}

export interface SheetContext {
  shared: string[];
  formats: (string | null)[];
  date1904: boolean;
  /** Told every few thousand rows: rows read so far and how far into the sheet's XML (0..1). */
  onRows?: (rows: number, fraction: number) => void;
  /** Filled with where each row lies in the XML, for a copy to be made from this reading. */
  layout?: RowLayout;
}

/** How often a long sheet reports its progress. */
const PROGRESS_ROWS = 5_000;

/** Where parseRefAt leaves the zero-based row and column: the hot loop allocates nothing per cell. */
let refRow = 0;
let refCol = 0;

/** An A1 reference in src[from, to), bounded by Excel's limits. */
function parseRefAt(src: string, from: number, to: number): void {
  let i = from;
  let col = 0;
  if (src.charCodeAt(i) === 36) i++;
  for (; i < to; i++) {
    let c = src.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    if (col > MAX_COLS) throw new BadSheetError(`reference beyond column XFD: ${src.slice(from, to)}`);
  }
  if (src.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsFrom = i;
  for (; i < to; i++) {
    const c = src.charCodeAt(i);
    if (c < 48 || c > 57 || i - digitsFrom >= 7) break;
    row = row * 10 + (c - 48);
  }
  if (col === 0 || i === digitsFrom || i !== to || row < 1 || row > MAX_ROWS) throw new BadSheetError(`not an A1 reference within Excel's limits: ${src.slice(from, to)}`);
  refRow = row - 1;
  refCol = col - 1;
}

/** The zero-based column of the A1 reference in src[from, to) (the reader's own parsing, for the copy's second look at a row). */
export function columnAt(src: string, from: number, to: number): number {
  parseRefAt(src, from, to);
  return refCol;
}

/** A non-negative integer attribute (a style index); NaN when it is not one. */
function intAt(src: string, from: number, to: number): number {
  if (from === to) return NaN;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = src.charCodeAt(i);
    if (c < 48 || c > 57) return Number(src.slice(from, to).trim());
    n = n * 10 + (c - 48);
  }
  return n;
}

export function readWorksheet(name: string, xml: string, ctx: SheetContext): SheetSnapshot {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const merges: NonNullable<SheetSnapshot['merges']> = [];
  const uncomputed: NonNullable<SheetSnapshot['uncomputed']> = [];
  const x = new XmlScanner(xml);
  let row = -1;
  let col = -1;
  let rowsRead = 0;
  const layout = ctx.layout;
  // While a row is open and laid out: its depth, its highest column, whether its last cell has r.
  let rowDepth = -1;
  let maxCol = -1;
  let lastRef = true;
  for (let k = x.next(); k !== Tok.End; k = x.next()) {
    if (k !== Tok.Open) {
      // Cells are read whole by readCell: the first end tag back at the row's depth is the row's.
      if (k === Tok.Close && x.depth < rowDepth) {
        layout!.close(x.start, x.end, maxCol, lastRef);
        rowDepth = -1;
      }
      continue;
    }
    if (x.is('c')) {
      const ri = x.attrIndex('r');
      if (ri >= 0) {
        parseRefAt(xml, x.valueStart(ri), x.valueEnd(ri));
        row = refRow;
        col = refCol;
      } else {
        col++;
        if (row < 0) row = 0;
        if (col >= MAX_COLS) throw new BadSheetError('a row beyond column XFD');
      }
      if (rowDepth >= 0) {
        if (col > maxCol) maxCol = col;
        lastRef = ri >= 0;
      }
      const si = x.attrIndex('s');
      const style = si < 0 ? 0 : intAt(xml, x.valueStart(si), x.valueEnd(si));
      const ti = x.attrIndex('t');
      const type = ti < 0 ? undefined : xml.slice(x.valueStart(ti), x.valueEnd(ti));
      const fmt = ctx.formats[style] ?? null;
      const value = readCell(x, type, fmt, ctx);
      if (cellFormula !== undefined && value === null && !cellHasValue) uncomputed.push({ row, col, formula: cellFormula });
      if (value === null) continue;
      (values[row] ??= [])[col] = value;
      if (fmt && fmt !== 'General') (formats[row] ??= [])[col] = fmt;
    } else if (x.is('row')) {
      const r = x.attr('r');
      row = r === undefined ? row + 1 : Number(r) - 1;
      if (!Number.isInteger(row) || row < 0 || row >= MAX_ROWS) throw new BadSheetError(`bad row number ${r}`);
      col = -1;
      if (layout && rowDepth < 0) {
        layout.open(x.start, x.end, row, x.attrSpan('spans'));
        rowDepth = x.depth;
        maxCol = -1;
        lastRef = true;
      }
      if (ctx.onRows && ++rowsRead % PROGRESS_ROWS === 0) ctx.onRows(rowsRead, x.pos / xml.length);
    } else if (x.is('mergeCell')) {
      const ref = x.attr('ref');
      const m = ref ? parseRange(ref) : null;
      if (m && (m.r1 > m.r0 || m.c1 > m.c0)) merges.push(m);
    } else if (x.is('sheetData') || x.is('worksheet') || x.is('mergeCells')) continue;
    else x.skip();
  }
  // Holes become null (as Office's used range gives them), absent rows the shared empty row.
  formats.length = values.length;
  for (let r = 0; r < values.length; r++) {
    const v = values[r];
    if (v === undefined) values[r] = EMPTY;
    else for (let c = 0; c < v.length; c++) if (v[c] === undefined) v[c] = null;
    const f = formats[r];
    if (f === undefined) formats[r] = EMPTY_FORMATS;
    else for (let c = 0; c < f.length; c++) if (f[c] === undefined) f[c] = null;
  }
  ctx.onRows?.(rowsRead, 1);
  if (layout) layout.opaque = x.opaque > 0;
  const sheet: SheetSnapshot = { name, originRow: 0, originCol: 0, values, formats };
  if (merges.length) sheet.merges = merges;
  if (uncomputed.length) sheet.uncomputed = uncomputed;
  return sheet;
}

/** The formula of the cell readCell last read, and whether it had a <v>: set beside its value. */
let cellFormula: string | undefined;
let cellHasValue = false;

/** The value of the `<c>` just opened (its formula in cellFormula). */
function readCell(x: XmlScanner, type: string | undefined, fmt: string | null, ctx: SheetContext): CellValue {
  cellFormula = undefined;
  cellHasValue = false;
  if (x.selfClosing) {
    x.next();
    return null;
  }
  const depth = x.depth;
  let raw: string | undefined;
  let inline: string | undefined;
  for (;;) {
    const k = x.next();
    if (k === Tok.Open) {
      if (x.is('v')) raw = x.textContent();
      else if (x.is('f')) cellFormula = x.textContent();
      else if (x.is('is')) inline = richText(x);
      else x.skip();
    } else if (k === Tok.Close && x.depth < depth) break;
  }
  if (type === 'inlineStr') {
    cellHasValue = inline !== undefined || raw !== undefined;
    return inline ?? (raw !== undefined ? unescapeXstring(raw) : null);
  }
  // Only a formula with no <v> at all is uncomputed: <v></v> is a computed empty result ("").
  if (raw === undefined) return null;
  cellHasValue = true;
  if (raw === '') return null;
  switch (type) {
    case 's': {
      const s = ctx.shared[Number(raw)];
      return s === undefined ? null : s;
    }
    case 'b':
      return raw === '1' || raw.toLowerCase() === 'true';
    case 'e':
      return raw;
    case 'str':
      return unescapeXstring(raw);
    case 'd':
      return isoToSerial(raw) ?? raw;
    default: {
      const n = Number(raw);
      if (!Number.isFinite(n) || raw.trim() === '') return raw;
      // The 1904 system counts from 1 January 1904: the same day is 1,462 more in the 1900 one.
      return ctx.date1904 && isDateFormat(fmt) ? n + 1462 : n;
    }
  }
}
