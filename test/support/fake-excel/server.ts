/**
 * The fake Excel host, on the far side of Office.js. The add-in runs against Microsoft's own client
 * library (`@microsoft/office-js`, loaded by office-js.ts): its proxies queue commands, its serializer
 * builds each request exactly as Excel receives it, its own load/sync and null-object rules apply.
 * This server answers those requests from a `WorkbookData`, as Excel would:
 *
 * - requests and answers are measured in UTF-8 bytes and refused above the limits (Excel on the web:
 *   5,000,000 bytes each way; Office.js turns the refusal into RequestPayloadSizeLimitExceeded);
 * - every member is checked against its requirement set, read from `@types/office-js`: a host of
 *   ExcelApi 1.14 refuses a member of 1.18 with ApiNotFound;
 * - a batch is not a transaction: actions before a failing one stay applied;
 * - a read of more than 5,000,000 cells answers null instead of values;
 * - a value written beside an Excel table makes the table grow (AutoCorrect);
 * - error messages come in the host's language (Italian or English): only the code is stable;
 * - while the user edits a cell every batch fails, unless it asked to wait (delayForCellEdit).
 *
 * Runs in Node and in the browser (no Node imports).
 */
import { a1, parseA1 } from '../../../src/core/address';
import { MemberSets, memberMinor } from './member-sets';
import {
  Area, CellData, ConditionalFormatData, MAX_COLS, MAX_ROWS, Scalar, SheetData, TableData, WorkbookData, areaAddress, colOf, hasFormat, key, rowOf, usedBox,
} from './model';

export interface ServerOptions {
  /** Highest ExcelApi minor version the host has (ExcelApi 1.N → N). */
  excelApi: number;
  /** Bytes (UTF-8) a request may have: Excel on the web refuses more than 5,000,000. */
  requestLimit?: number;
  /** Bytes an answer may have: 5,000,000 on the web; none on the desktop. */
  responseLimit?: number;
  /** Cells a single read may return before Excel answers null. */
  maxReadCells?: number;
  /** The language of Excel's error messages. */
  locale?: 'it-IT' | 'en-US';
  /**
   * How an answer over the limit is refused: the web's transport error (5104, which Office.js calls
   * ResponsePayloadSizeLimitExceeded), or an error in the answer (RangeExceedsLimit), as Excel has also done.
   */
  tooLargeAnswer?: 'ResponsePayloadSizeLimitExceeded' | 'RangeExceedsLimit';
}

export interface RequestRecord {
  /** Request body, UTF-8 bytes, as Office.js serialized it. */
  bytes: number;
  responseBytes: number;
  actions: number;
  /** Error code when the request failed. */
  failed?: string;
  /** The request waited for the user to leave cell-editing mode. */
  delayed?: boolean;
}

type Json = unknown;

export class ServerError extends Error {
  constructor(readonly code: string, readonly httpStatus = 400, readonly detail = '') {
    super(code);
  }
}

const MESSAGES: Record<string, { it: string; en: string }> = {
  ItemNotFound: { it: 'La risorsa richiesta non esiste.', en: "The requested resource doesn't exist." },
  InvalidArgument: { it: "L'argomento non è valido, manca o ha un formato non corretto.", en: 'The argument is invalid or missing or has an incorrect format.' },
  AccessDenied: { it: "Non è possibile eseguire l'operazione richiesta.", en: 'You cannot perform the requested operation.' },
  ApiNotFound: { it: "Impossibile trovare l'API che si sta tentando di usare. Potrebbe essere disponibile in una versione più recente di Excel.", en: "The API you are trying to use could not be found. It may be available in a newer version of Excel." },
  InvalidOperation: { it: "L'operazione tentata non è valida sull'oggetto.", en: 'The operation attempted is invalid on the object.' },
  ItemAlreadyExists: { it: 'La risorsa da creare esiste già.', en: 'The resource being created already exists.' },
  GeneralException: { it: "Si è verificato un errore interno durante l'elaborazione della richiesta.", en: 'There was an internal error while processing the request.' },
  InvalidReference: { it: "Il riferimento non è valido per l'operazione corrente.", en: 'This reference is not valid for the current operation.' },
};

const utf8 = new TextEncoder();
export const byteLength = (s: string) => utf8.encode(s).length;

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const camel = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function splitAddress(address: string): { sheet: string | null; range: string } {
  const i = address.lastIndexOf('!');
  if (i < 0) return { sheet: null, range: address.trim() };
  let sheet = address.slice(0, i).trim();
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: address.slice(i + 1).trim() };
}

/** "A1", "A1:C3", "$A$1", "C:C", "3:5" → an area. */
function parseArea(range: string): Area {
  const clean = range.replace(/\$/g, '');
  const [s, e = s] = clean.split(':');
  const col = /^[A-Z]+$/i, row = /^\d+$/;
  if (col.test(s!) && col.test(e!)) {
    const a = parseA1(`${s}1`).col, b = parseA1(`${e}1`).col;
    return { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(a, b), c1: Math.max(a, b) };
  }
  if (row.test(s!) && row.test(e!)) {
    return { r0: Math.min(+s!, +e!) - 1, r1: Math.max(+s!, +e!) - 1, c0: 0, c1: MAX_COLS - 1 };
  }
  let p, q;
  try {
    p = parseA1(s!);
    q = parseA1(e!);
  } catch {
    throw new ServerError('InvalidArgument');
  }
  return { r0: Math.min(p.row, q.row), c0: Math.min(p.col, q.col), r1: Math.max(p.row, q.row), c1: Math.max(p.col, q.col) };
}

const cells = (a: Area) => (a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1);
const intersects = (a: Area, b: Area) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

export function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** What Excel shows for a value: enough of its formatting for the add-in's reads (percent, dates). */
function displayText(cell: CellData | undefined): string {
  if (!cell || cell.value === null) return '';
  const v = cell.value;
  if (typeof v === 'number') {
    const f = cell.numberFormat ?? 'General';
    if (f.includes('%')) return `${Math.round(v * 100 * 100) / 100}%`;
    if (/d+\/m+\/y+/i.test(f)) {
      const d = new Date(Math.round((v - 25569) * 86400000));
      return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    }
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** What Excel stores when a value is written through `range.values` (or `formulas`). */
function storeValue(cell: CellData, v: Scalar): void {
  delete cell.formula;
  if (typeof v !== 'string') {
    cell.value = v;
    return;
  }
  if (cell.numberFormat === '@') {
    cell.value = v;
    return;
  }
  if (v.startsWith("'")) {
    cell.value = v.slice(1);
    return;
  }
  if (/^[=+-]/.test(v) && !/^[+-]?\d+([.,]\d+)?$/.test(v)) {
    // Excel takes it for a formula: exactly what the add-in must never cause with a user's text.
    cell.formula = v.startsWith('=') ? v : `=${v}`;
    // HYPERLINK("target", "text") shows its text; any other formula shows itself (the fake computes nothing).
    const link = /^=HYPERLINK\("((?:[^"]|"")*)"\s*,\s*"((?:[^"]|"")*)"\)$/i.exec(v);
    cell.value = link ? link[2]!.replace(/""/g, '"') : v;
    return;
  }
  cell.value = /^[+-]?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

/** The request's context: the workbook, the options and what each object path resolved to. */
interface Ctx {
  server: ExcelServer;
  data: WorkbookData;
}

/** A server-side object: its Excel class, its members. */
abstract class Node {
  abstract readonly type: string;
  /** Excel's id, returned on instantiation so that Office.js can address the object again. */
  id(): string | undefined {
    return undefined;
  }
  isCollection = false;
  items(): Node[] {
    throw new ServerError('InvalidArgument');
  }
  nav(_name: string): Node | null {
    throw new ServerError('InvalidArgument', 400, `${this.type} has no navigation ${_name}`);
  }
  method(name: string, _args: unknown[]): unknown {
    throw new ServerError('InvalidArgument', 400, `${this.type}.${name}`);
  }
  indexer(_args: unknown[]): Node | null {
    throw new ServerError('InvalidArgument', 400, `${this.type}[]`);
  }
  set(name: string, _value: unknown): void {
    throw new ServerError('InvalidArgument', 400, `${this.type}.${name} =`);
  }
  scalar(name: string): Json {
    throw new ServerError('InvalidArgument', 400, `${this.type}.${name}?`);
  }
  /** Scalar properties answered by a load() without names. */
  scalars(): string[] {
    return [];
  }
}

function checkWritable(sheet: SheetData): void {
  if (sheet.protected) throw new ServerError('AccessDenied', 403);
}

class RangeNode extends Node {
  readonly type: string;
  constructor(readonly ctx: Ctx, readonly sheet: SheetData, readonly areas: Area[], multi = false) {
    super();
    this.type = multi ? 'RangeAreas' : 'Range';
  }
  get area(): Area {
    return this.areas[0]!;
  }
  sub(a: Area): RangeNode {
    return new RangeNode(this.ctx, this.sheet, [a]);
  }
  override scalars() {
    return ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'text', 'numberFormat', 'formulas', 'cellCount'];
  }
  private grid<T>(f: (cell: CellData | undefined) => T): T[][] | null {
    const a = this.area;
    if (cells(a) > (this.ctx.server.options.maxReadCells ?? 5_000_000)) return null;
    return Array.from({ length: a.r1 - a.r0 + 1 }, (_, r) => Array.from({ length: a.c1 - a.c0 + 1 }, (_, c) => f(this.sheet.cells.get(key(a.r0 + r, a.c0 + c)))));
  }
  override scalar(name: string): Json {
    const a = this.area;
    switch (name) {
      case 'address': return this.areas.map((x) => `${quoteSheet(this.sheet.name)}!${areaAddress(x)}`).join(',');
      case 'rowIndex': return a.r0;
      case 'columnIndex': return a.c0;
      case 'rowCount': return a.r1 - a.r0 + 1;
      case 'columnCount': return a.c1 - a.c0 + 1;
      case 'cellCount': return this.areas.reduce((n, x) => n + cells(x), 0);
      case 'areaCount': return this.areas.length;
      case 'values': return this.grid((c) => c?.value ?? '');
      case 'text': return this.grid(displayText);
      case 'numberFormat': return this.grid((c) => c?.numberFormat ?? 'General');
      case 'formulas': return this.grid((c) => c?.formula ?? c?.value ?? '');
      default: return super.scalar(name);
    }
  }
  override nav(name: string): Node | null {
    switch (name) {
      case 'format': return new RangeFormatNode(this);
      case 'conditionalFormats': return new ConditionalFormatCollectionNode(this);
      case 'dataValidation': return new DataValidationNode(this);
      case 'worksheet': return new WorksheetNode(this.ctx, this.sheet);
      default: return super.nav(name);
    }
  }
  /** Visits every cell of the range (creating it), on a writable sheet. */
  eachCell(fn: (cell: CellData, r: number, c: number) => void): void {
    checkWritable(this.sheet);
    for (const a of this.areas) {
      if (cells(a) > 10_000_000) throw new ServerError('RangeExceedsLimit');
      for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) {
        const k = key(r, c);
        let cell = this.sheet.cells.get(k);
        if (!cell) this.sheet.cells.set(k, (cell = { value: null }));
        fn(cell, r, c);
      }
    }
  }
  /** A grid of the range's size, or one value for every cell; null leaves a cell as it is. */
  private writeGrid(grid: unknown, apply: (cell: CellData, v: Scalar) => void, growsTables: boolean): void {
    checkWritable(this.sheet);
    const a = this.area;
    const rows = a.r1 - a.r0 + 1, cols = a.c1 - a.c0 + 1;
    const single = !Array.isArray(grid);
    if (!single) {
      const g = grid as unknown[][];
      if (g.length !== rows || g.some((row) => !Array.isArray(row) || row.length !== cols)) throw new ServerError('InvalidArgument');
    }
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
      const v = (single ? grid : (grid as unknown[][])[r]![c]) as Scalar | undefined;
      if (v === null || v === undefined) continue;
      const k = key(a.r0 + r, a.c0 + c);
      let cell = this.sheet.cells.get(k);
      if (!cell) this.sheet.cells.set(k, (cell = { value: null }));
      apply(cell, v);
      if (cell.value === '') cell.value = this.ctx.data.headerFor(this.sheet, a.r0 + r, a.c0 + c);
      // An emptied cell with no format is no cell at all.
      if (cell.value === null && !cell.formula && !hasFormat(cell)) this.sheet.cells.delete(k);
      if (growsTables && cell.value !== null) this.ctx.data.growTablesFor(this.sheet, a.r0 + r, a.c0 + c);
    }
  }
  override set(name: string, value: unknown): void {
    switch (name) {
      case 'values':
      case 'formulas':
        return this.writeGrid(value, storeValue, true);
      case 'numberFormat':
        return this.writeGrid(value, (cell, x) => {
          // "" resets the format to General, as Excel does.
          if (x === 'General' || x === '') delete cell.numberFormat;
          else cell.numberFormat = String(x);
        }, false);
      case 'hyperlink': {
        const h = value as CellData['hyperlink'];
        return this.eachCell((cell) => {
          cell.hyperlink = { ...h };
          if (h?.textToDisplay !== undefined) cell.value = h.textToDisplay;
        });
      }
      default: return super.set(name, value);
    }
  }
  override method(name: string, args: unknown[]): unknown {
    switch (name) {
      case 'select':
        this.ctx.data.activeSheet = this.sheet.name;
        this.ctx.data.selection = `${quoteSheet(this.sheet.name)}!${areaAddress(this.area)}`;
        return undefined;
      case 'clear': {
        checkWritable(this.sheet);
        const applyTo = (args[0] as string | undefined) ?? 'All';
        for (const a of this.areas) for (const [k, cell] of [...this.sheet.cells]) {
          const r = rowOf(k), c = colOf(k);
          if (r < a.r0 || r > a.r1 || c < a.c0 || c > a.c1) continue;
          if (applyTo === 'All') this.sheet.cells.delete(k);
          else if (applyTo === 'Contents') {
            cell.value = null;
            delete cell.formula;
          } else if (applyTo === 'Formats') {
            delete cell.fill; delete cell.font; delete cell.numberFormat; delete cell.wrapText;
          }
        }
        return undefined;
      }
      case 'merge': {
        checkWritable(this.sheet);
        const across = Boolean(args[0]);
        for (const a of this.areas) {
          const parts = across ? Array.from({ length: a.r1 - a.r0 + 1 }, (_, i) => ({ ...a, r0: a.r0 + i, r1: a.r0 + i })) : [a];
          // A merge over an Excel table, or over part of another merge, is refused; a single cell is no merge.
          if (this.ctx.data.tables.some((t) => t.sheet === this.sheet.name && intersects(t, a))) throw new ServerError('InvalidOperation');
          for (const p of parts) {
            if (cells(p) === 1) continue;
            if (this.sheet.merges.some((m) => intersects(m, p))) throw new ServerError('InvalidOperation');
            this.sheet.merges.push(p);
          }
        }
        return undefined;
      }
      case 'getCell': {
        const [r, c] = args as number[];
        return this.sub({ r0: this.area.r0 + r!, c0: this.area.c0 + c!, r1: this.area.r0 + r!, c1: this.area.c0 + c! });
      }
      // Office.js writes a large values array in chunks of rows: getRow(i).getBoundingRect(getRow(j)).
      case 'getRow': {
        const r = this.area.r0 + (args[0] as number);
        if (r > this.area.r1) throw new ServerError('InvalidArgument');
        return this.sub({ ...this.area, r0: r, r1: r });
      }
      case 'getColumn': {
        const c = this.area.c0 + (args[0] as number);
        if (c > this.area.c1) throw new ServerError('InvalidArgument');
        return this.sub({ ...this.area, c0: c, c1: c });
      }
      case 'getBoundingRect': {
        const o = args[0] as RangeNode;
        if (!(o instanceof RangeNode) || o.sheet !== this.sheet) throw new ServerError('InvalidArgument');
        const b = o.area, a = this.area;
        return this.sub({ r0: Math.min(a.r0, b.r0), c0: Math.min(a.c0, b.c0), r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1) });
      }
      default: return super.method(name, args);
    }
  }
}

class RangeFormatNode extends Node {
  readonly type = 'RangeFormat';
  constructor(readonly range: RangeNode) {
    super();
  }
  override nav(name: string): Node | null {
    if (name === 'fill') return new FillNode(this.range);
    if (name === 'font') return new FontNode(this.range);
    return super.nav(name);
  }
  override set(name: string, value: unknown): void {
    const sheet = this.range.sheet;
    switch (name) {
      case 'columnWidth':
        checkWritable(sheet);
        for (const a of this.range.areas) for (let c = a.c0; c <= a.c1; c++) sheet.columnWidths.set(c, value as number);
        return;
      case 'rowHeight':
        checkWritable(sheet);
        for (const a of this.range.areas) for (let r = a.r0; r <= a.r1; r++) sheet.rowHeights.set(r, value as number);
        return;
      case 'wrapText':
        return this.range.eachCell((cell) => (cell.wrapText = value as boolean));
      case 'verticalAlignment':
      case 'horizontalAlignment':
        checkWritable(sheet);
        return;
      default: return super.set(name, value);
    }
  }
  override method(name: string, args: unknown[]): unknown {
    if (name !== 'autofitRows') return super.method(name, args);
    checkWritable(this.range.sheet);
    // Excel sizes the rows to their wrapped text; the fake records that it was asked to.
    for (const a of this.range.areas) this.range.sheet.autofitRows.push(`${a.r0}:${a.r1}`);
    return undefined;
  }
}

/** Worksheet.pageLayout: what is set is kept on the sheet, as Excel keeps its print settings. */
class PageLayoutNode extends Node {
  readonly type = 'PageLayout';
  constructor(readonly sheet: SheetData) {
    super();
  }
  override set(name: string, value: unknown): void {
    if (!['orientation', 'paperSize', 'zoom', 'leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin', 'centerHorizontally'].includes(name)) return super.set(name, value);
    checkWritable(this.sheet);
    this.sheet.pageLayout[name] = value;
  }
  override nav(name: string): Node | null {
    if (name !== 'headersFooters') return super.nav(name);
    const sheet = this.sheet;
    const group = new (class extends Node {
      readonly type = 'HeaderFooterGroup';
      override nav(n: string): Node | null {
        if (n !== 'defaultForAllPages') return super.nav(n);
        return new (class extends Node {
          readonly type = 'HeaderFooter';
          override set(k: string, v: unknown): void {
            if (!['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'].includes(k)) return super.set(k, v);
            sheet.pageLayout[k] = v;
          }
        })();
      }
    })();
    return group;
  }
  override method(name: string, args: unknown[]): unknown {
    if (name === 'setPrintArea') {
      checkWritable(this.sheet);
      const target = args[0];
      this.sheet.pageLayout.printArea = areaAddress(target instanceof RangeNode ? target.area : parseArea(splitAddress(String(target ?? '')).range));
      return undefined;
    }
    if (name !== 'setPrintTitleRows') return super.method(name, args);
    const rows = String(args[0] ?? '');
    if (!/^\$?\d+:\$?\d+$/.test(rows)) throw new ServerError('InvalidArgument');
    this.sheet.pageLayout.printTitleRows = rows;
    return undefined;
  }
}

/** Worksheet.horizontalPageBreaks: the manual breaks, each before a row (the top-left cell of the range given). */
class PageBreakCollectionNode extends Node {
  readonly type = 'PageBreakCollection';
  override isCollection = true;
  constructor(readonly ctx: Ctx, readonly sheet: SheetData) {
    super();
  }
  override items(): Node[] {
    return this.sheet.pageBreaks.map(() => scalarNode('PageBreak', {}));
  }
  override method(name: string, args: unknown[]): unknown {
    switch (name) {
      case 'add': {
        checkWritable(this.sheet);
        const target = args[0];
        const row = target instanceof RangeNode ? target.area.r0 : parseArea(splitAddress(String(target ?? '')).range).r0;
        if (!this.sheet.pageBreaks.includes(row)) this.sheet.pageBreaks.push(row);
        return scalarNode('PageBreak', { rowIndex: () => row });
      }
      case 'getCount': return this.sheet.pageBreaks.length;
      case 'removePageBreaks':
        checkWritable(this.sheet);
        this.sheet.pageBreaks = [];
        return undefined;
      default: return super.method(name, args);
    }
  }
}

class FillNode extends Node {
  readonly type = 'RangeFill';
  constructor(readonly range: RangeNode) {
    super();
  }
  override scalars() {
    return ['color'];
  }
  override scalar(name: string): Json {
    if (name !== 'color') return super.scalar(name);
    const fills = new Set<string>();
    for (const a of this.range.areas) for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) fills.add(this.range.sheet.cells.get(key(r, c))?.fill ?? '#FFFFFF');
    // Excel answers white for a cell without fill, and null when the cells differ.
    return fills.size === 1 ? [...fills][0] : null;
  }
  override set(name: string, value: unknown): void {
    if (name !== 'color') return super.set(name, value);
    this.range.eachCell((cell) => (cell.fill = String(value).toUpperCase()));
  }
  override method(name: string, args: unknown[]) {
    if (name !== 'clear') return super.method(name, args);
    this.range.eachCell((cell) => delete cell.fill);
    return undefined;
  }
}

class FontNode extends Node {
  readonly type = 'RangeFont';
  constructor(readonly range: RangeNode) {
    super();
  }
  override set(name: string, value: unknown): void {
    if (!['bold', 'italic', 'color', 'underline', 'size', 'name'].includes(name)) return super.set(name, value);
    this.range.eachCell((cell) => (cell.font = { ...cell.font, [name]: value }));
  }
}

class DataValidationNode extends Node {
  readonly type = 'DataValidation';
  constructor(readonly range: RangeNode) {
    super();
  }
  override set(name: string, value: unknown): void {
    if (name !== 'rule') return super.set(name, value);
    checkWritable(this.range.sheet);
    const list = (value as { list?: { source: string } }).list;
    if (list) this.range.sheet.validations.push({ address: `${quoteSheet(this.range.sheet.name)}!${areaAddress(this.range.area)}`, source: list.source });
  }
}

class ConditionalFormatCollectionNode extends Node {
  readonly type = 'ConditionalFormatCollection';
  override isCollection = true;
  constructor(readonly range: RangeNode) {
    super();
  }
  override items(): Node[] {
    return this.range.sheet.conditionalFormats
      .filter((cf) => cf.areas.some((a) => this.range.areas.some((b) => intersects(a, b))))
      .map((cf) => new ConditionalFormatNode(this.range, cf));
  }
  override method(name: string, args: unknown[]): unknown {
    switch (name) {
      case 'add': {
        checkWritable(this.range.sheet);
        const cf: ConditionalFormatData = { id: this.range.ctx.data.id('cf'), type: String(args[0]), areas: this.range.areas.map((a) => ({ ...a })) };
        // A new conditional format comes first (highest priority).
        this.range.sheet.conditionalFormats.unshift(cf);
        return new ConditionalFormatNode(this.range, cf);
      }
      case 'getItemAt': {
        const item = this.items()[args[0] as number];
        if (!item) throw new ServerError('ItemNotFound', 404);
        return item as ConditionalFormatNode;
      }
      case 'clearAll':
        checkWritable(this.range.sheet);
        this.range.sheet.conditionalFormats = this.range.sheet.conditionalFormats.filter((cf) => !this.items().some((i) => (i as ConditionalFormatNode).cf === cf));
        return undefined;
      default: return super.method(name, args);
    }
  }
  override indexer(args: unknown[]): Node | null {
    const cf = this.range.sheet.conditionalFormats.find((x) => x.id === args[0]);
    if (!cf) throw new ServerError('ItemNotFound', 404);
    return new ConditionalFormatNode(this.range, cf);
  }
}

class ConditionalFormatNode extends Node {
  readonly type = 'ConditionalFormat';
  constructor(readonly range: RangeNode, readonly cf: ConditionalFormatData) {
    super();
  }
  override id() {
    return this.cf.id;
  }
  override scalars() {
    return ['type', 'id', 'priority'];
  }
  override scalar(name: string): Json {
    if (name === 'type') return this.cf.type;
    if (name === 'id') return this.cf.id;
    if (name === 'priority') return this.range.sheet.conditionalFormats.indexOf(this.cf);
    return super.scalar(name);
  }
  override nav(name: string): Node | null {
    if (name === 'custom' || name === 'customOrNullObject') {
      if (this.cf.type !== 'Custom') {
        if (name === 'custom') throw new ServerError('InvalidOperation');
        return null;
      }
      return new CustomCfNode(this);
    }
    return super.nav(name);
  }
  override method(name: string, args: unknown[]) {
    if (name === 'delete') {
      checkWritable(this.range.sheet);
      const list = this.range.sheet.conditionalFormats;
      const i = list.indexOf(this.cf);
      if (i < 0) throw new ServerError('ItemNotFound', 404);
      list.splice(i, 1);
      return undefined;
    }
    if (name === 'getRange' || name === 'getRangeOrNullObject') return new RangeNode(this.range.ctx, this.range.sheet, [this.cf.areas[0]!]);
    if (name === 'getRanges') return new RangeNode(this.range.ctx, this.range.sheet, this.cf.areas, true);
    return super.method(name, args);
  }
  override set(name: string, value: unknown) {
    if (name === 'priority') {
      const list = this.range.sheet.conditionalFormats;
      list.splice(list.indexOf(this.cf), 1);
      list.splice(Math.min(value as number, list.length), 0, this.cf);
      return;
    }
    if (name === 'stopIfTrue') return;
    super.set(name, value);
  }
}

class CustomCfNode extends Node {
  readonly type = 'CustomConditionalFormat';
  constructor(readonly parent: ConditionalFormatNode) {
    super();
  }
  override nav(name: string): Node | null {
    const cf = this.parent.cf;
    const sheet = this.parent.range.sheet;
    if (name === 'rule') {
      return new (class extends Node {
        readonly type = 'ConditionalFormatRule';
        override scalars() {
          return ['formula'];
        }
        override scalar(n: string) {
          return n === 'formula' ? (cf.formula ?? null) : super.scalar(n);
        }
        override set(n: string, v: unknown) {
          if (n !== 'formula') return super.set(n, v);
          checkWritable(sheet);
          cf.formula = String(v);
        }
      })();
    }
    if (name === 'format') {
      return new (class extends Node {
        readonly type = 'ConditionalRangeFormat';
        override nav(n: string): Node | null {
          if (n === 'fill') {
            return new (class extends Node {
              readonly type = 'ConditionalRangeFill';
              override set(p: string, v: unknown) {
                if (p !== 'color') return super.set(p, v);
                checkWritable(sheet);
                cf.fill = String(v).toUpperCase();
              }
            })();
          }
          if (n === 'font') {
            return new (class extends Node {
              readonly type = 'ConditionalRangeFont';
              override set(p: string, v: unknown) {
                if (!['bold', 'italic', 'color'].includes(p)) return super.set(p, v);
                checkWritable(sheet);
                cf.font = { ...cf.font, [p]: v };
              }
            })();
          }
          return super.nav(n);
        }
      })();
    }
    return super.nav(name);
  }
}

class WorksheetNode extends Node {
  readonly type = 'Worksheet';
  constructor(readonly ctx: Ctx, readonly ws: SheetData) {
    super();
  }
  override id() {
    return this.ws.id;
  }
  private live(): SheetData {
    if (!this.ctx.data.sheets.includes(this.ws)) throw new ServerError('ItemNotFound', 404);
    return this.ws;
  }
  override scalars() {
    return ['name', 'visibility', 'id', 'position'];
  }
  override scalar(name: string): Json {
    const s = this.live();
    switch (name) {
      case 'name': return s.name;
      case 'visibility': return s.visibility;
      case 'id': return s.id;
      case 'position': return this.ctx.data.sheets.indexOf(s);
      default: return super.scalar(name);
    }
  }
  override set(name: string, value: unknown): void {
    const s = this.live();
    const data = this.ctx.data;
    if (name === 'visibility') {
      if (data.structureProtected) throw new ServerError('AccessDenied', 403);
      s.visibility = value as SheetData['visibility'];
      return;
    }
    if (name === 'name') {
      if (data.structureProtected) throw new ServerError('AccessDenied', 403);
      const n = String(value);
      validSheetName(n);
      if (data.sheets.some((x) => x !== s && x.name.toLowerCase() === n.toLowerCase())) throw new ServerError('ItemAlreadyExists', 409);
      renameSheet(data, s, n);
      return;
    }
    super.set(name, value);
  }
  override nav(name: string): Node | null {
    const s = this.live();
    switch (name) {
      case 'protection':
        return scalarNode('WorksheetProtection', { protected: () => s.protected });
      case 'tables':
        return new TableCollectionNode(this.ctx, s);
      case 'charts':
        return new ChartCollectionNode(this.ctx, s);
      case 'pageLayout':
        return new PageLayoutNode(s);
      case 'horizontalPageBreaks':
        return new PageBreakCollectionNode(this.ctx, s);
      case 'freezePanes':
        return methodNode('WorksheetFreezePanes', {
          freezeRows: (n) => {
            s.freezeRows = n[0] as number;
          },
        });
      default: return super.nav(name);
    }
  }
  override method(name: string, args: unknown[]): unknown {
    const s = this.live();
    const data = this.ctx.data;
    switch (name) {
      case 'getRange': {
        const address = (args[0] as string | null | undefined) ?? null;
        if (address === null || address === '') return new RangeNode(this.ctx, s, [{ r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 }]);
        if (address.includes(',')) throw new ServerError('InvalidArgument');
        return new RangeNode(this.ctx, s, [parseArea(splitAddress(address).range)]);
      }
      case 'getRanges': {
        const address = String(args[0] ?? '');
        // Excel refuses long multi-area addresses (about 8,000 characters; see office-js issue #5198).
        if (address.length > 8000) throw new ServerError('InvalidArgument');
        return new RangeNode(this.ctx, s, address.split(',').map((p) => parseArea(splitAddress(p).range)), true);
      }
      case 'getRangeByIndexes': {
        const [r, c, n, m] = args as number[];
        if (!(n! >= 1 && m! >= 1) || r! < 0 || c! < 0 || r! + n! > MAX_ROWS || c! + m! > MAX_COLS) throw new ServerError('InvalidArgument');
        return new RangeNode(this.ctx, s, [{ r0: r!, c0: c!, r1: r! + n! - 1, c1: c! + m! - 1 }]);
      }
      case 'getUsedRange':
      case 'getUsedRangeOrNullObject': {
        const box = usedBox(s, Boolean(args[0]));
        if (!box) {
          if (name === 'getUsedRange') return new RangeNode(this.ctx, s, [{ r0: 0, c0: 0, r1: 0, c1: 0 }]);
          return null;
        }
        return new RangeNode(this.ctx, s, [box]);
      }
      case 'activate':
        data.activeSheet = s.name;
        return undefined;
      case 'delete': {
        if (s.visibility === 'VeryHidden') throw new ServerError('InvalidOperation');
        if (data.structureProtected) throw new ServerError('AccessDenied', 403);
        if (s.visibility === 'Visible' && !data.sheets.some((x) => x !== s && x.visibility === 'Visible')) throw new ServerError('InvalidOperation');
        data.sheets = data.sheets.filter((x) => x !== s);
        data.tables = data.tables.filter((t) => t.sheet !== s.name);
        data.charts = data.charts.filter((c) => c.sheet !== s.name);
        data.notes = data.notes.filter((n) => n.sheet !== s.name);
        data.comments = data.comments.filter((c) => c.sheet !== s.name);
        if (data.activeSheet === s.name) data.activeSheet = data.sheets.find((x) => x.visibility === 'Visible')?.name ?? '';
        return undefined;
      }
      default: return super.method(name, args);
    }
  }
}

function validSheetName(n: string): void {
  if (!n || n.length > 31 || /[:\\/?*[\]]/.test(n) || n.startsWith("'") || n.endsWith("'") || n.toLowerCase() === 'history') throw new ServerError('InvalidArgument');
}

export function renameSheet(data: WorkbookData, s: SheetData, name: string): void {
  const old = s.name;
  for (const t of data.tables) if (t.sheet === old) t.sheet = name;
  for (const c of data.charts) if (c.sheet === old) c.sheet = name;
  for (const n of data.notes) if (n.sheet === old) n.sheet = name;
  for (const c of data.comments) if (c.sheet === old) c.sheet = name;
  if (data.activeSheet === old) data.activeSheet = name;
  s.name = name;
}

/** A small object with scalar properties only (protection). */
function scalarNode(type: string, props: Record<string, () => Json>): Node {
  return new (class extends Node {
    readonly type = type;
    override scalars() {
      return Object.keys(props);
    }
    override scalar(n: string) {
      return props[n] ? props[n]!() : super.scalar(n);
    }
  })();
}

function methodNode(type: string, methods: Record<string, (args: unknown[]) => void>): Node {
  return new (class extends Node {
    readonly type = type;
    override method(n: string, args: unknown[]) {
      if (!methods[n]) return super.method(n, args);
      methods[n]!(args);
      return undefined;
    }
  })();
}

class WorksheetCollectionNode extends Node {
  readonly type = 'WorksheetCollection';
  override isCollection = true;
  constructor(readonly ctx: Ctx) {
    super();
  }
  private find(nameOrId: unknown): SheetData | undefined {
    const k = String(nameOrId).toLowerCase();
    return this.ctx.data.sheets.find((s) => s.id.toLowerCase() === k || s.name.toLowerCase() === k);
  }
  override items(): Node[] {
    return this.ctx.data.sheets.map((s) => new WorksheetNode(this.ctx, s));
  }
  override indexer(args: unknown[]): Node {
    const s = this.find(args[0]);
    if (!s) throw new ServerError('ItemNotFound', 404);
    return new WorksheetNode(this.ctx, s);
  }
  override method(name: string, args: unknown[]): unknown {
    const data = this.ctx.data;
    switch (name) {
      case 'getItemOrNullObject': {
        const s = this.find(args[0]);
        return s ? new WorksheetNode(this.ctx, s) : null;
      }
      case 'getItemAt': {
        const s = data.sheets[args[0] as number];
        if (!s) throw new ServerError('ItemNotFound', 404);
        return new WorksheetNode(this.ctx, s);
      }
      case 'getCount':
        return data.sheets.length;
      case 'add': {
        if (data.structureProtected) throw new ServerError('AccessDenied', 403);
        const n = String(args[0] ?? `Foglio${data.sheets.length + 1}`);
        validSheetName(n);
        if (data.sheet(n)) throw new ServerError('ItemAlreadyExists', 409);
        return new WorksheetNode(this.ctx, data.addSheet(n));
      }
      default: return super.method(name, args);
    }
  }
}

function validTableName(n: string): void {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(n) || /^[A-Za-z]{1,3}\d+$/.test(n) || /^[RrCc]$/.test(n) || n.length > 255) throw new ServerError('InvalidArgument');
}

class TableNode extends Node {
  readonly type = 'Table';
  constructor(readonly ctx: Ctx, readonly t: TableData) {
    super();
  }
  override id() {
    return this.t.id;
  }
  override scalars() {
    return ['name', 'id', 'style'];
  }
  override scalar(name: string): Json {
    if (name === 'name') return this.t.name;
    if (name === 'id') return this.t.id;
    if (name === 'style') return this.t.style ?? 'TableStyleMedium2';
    return super.scalar(name);
  }
  private sheet(): SheetData {
    const s = this.ctx.data.sheet(this.t.sheet);
    if (!s || !this.ctx.data.tables.includes(this.t)) throw new ServerError('ItemNotFound', 404);
    return s;
  }
  override set(name: string, value: unknown): void {
    checkWritable(this.sheet());
    if (name === 'name') {
      const n = String(value);
      validTableName(n);
      // Table names and defined names share one namespace.
      if (this.ctx.data.tables.some((x) => x !== this.t && x.name.toLowerCase() === n.toLowerCase())) throw new ServerError('InvalidArgument');
      if (this.ctx.data.names.some((x) => x.name.toLowerCase() === n.toLowerCase())) throw new ServerError('InvalidArgument');
      this.t.name = n;
      return;
    }
    if (name === 'style') {
      this.t.style = String(value);
      return;
    }
    super.set(name, value);
  }
  override nav(name: string): Node | null {
    if (name === 'worksheet') return new WorksheetNode(this.ctx, this.sheet());
    return super.nav(name);
  }
  override method(name: string, args: unknown[]) {
    if (name === 'getRange') return new RangeNode(this.ctx, this.sheet(), [{ r0: this.t.r0, c0: this.t.c0, r1: this.t.r1, c1: this.t.c1 }]);
    if (name === 'delete') {
      checkWritable(this.sheet());
      this.ctx.data.tables = this.ctx.data.tables.filter((x) => x !== this.t);
      return undefined;
    }
    return super.method(name, args);
  }
}

class TableCollectionNode extends Node {
  readonly type = 'TableCollection';
  override isCollection = true;
  constructor(readonly ctx: Ctx, readonly sheet: SheetData | null) {
    super();
  }
  private list(): TableData[] {
    return this.ctx.data.tables.filter((t) => !this.sheet || t.sheet === this.sheet.name);
  }
  override items(): Node[] {
    return this.list().map((t) => new TableNode(this.ctx, t));
  }
  override indexer(args: unknown[]): Node {
    const k = String(args[0]).toLowerCase();
    const t = this.list().find((x) => x.name.toLowerCase() === k || x.id.toLowerCase() === k);
    if (!t) throw new ServerError('ItemNotFound', 404);
    return new TableNode(this.ctx, t);
  }
  override method(name: string, args: unknown[]): unknown {
    const data = this.ctx.data;
    if (name === 'getItemOrNullObject') {
      const k = String(args[0]).toLowerCase();
      const t = this.list().find((x) => x.name.toLowerCase() === k);
      return t ? new TableNode(this.ctx, t) : null;
    }
    if (name === 'getCount') return this.list().length;
    if (name === 'add') {
      const address = args[0];
      const { sheet, range } = splitAddress(String(address));
      const s = sheet ? data.sheet(sheet) : this.sheet;
      if (!s) throw new ServerError('ItemNotFound', 404);
      checkWritable(s);
      const area = parseArea(range);
      if (data.tables.some((t) => t.sheet === s.name && intersects(t, area))) throw new ServerError('InvalidOperation');
      let n = 1;
      while (data.tables.some((t) => t.name.toLowerCase() === `tabella${n}`)) n++;
      const t: TableData = { id: data.id('t'), name: `Tabella${n}`, sheet: s.name, ...area };
      data.tables.push(t);
      return new TableNode(this.ctx, t);
    }
    return super.method(name, args);
  }
}

class ChartCollectionNode extends Node {
  readonly type = 'ChartCollection';
  override isCollection = true;
  constructor(readonly ctx: Ctx, readonly sheet: SheetData) {
    super();
  }
  override items(): Node[] {
    return this.ctx.data.charts.filter((c) => c.sheet === this.sheet.name).map((c) => chartNode(this.ctx, c));
  }
  override indexer(args: unknown[]): Node {
    const c = this.ctx.data.charts.find((x) => x.sheet === this.sheet.name && (x.id === args[0] || x.name === args[0]));
    if (!c) throw new ServerError('ItemNotFound', 404);
    return chartNode(this.ctx, c);
  }
  override method(name: string, args: unknown[]): unknown {
    if (name !== 'add') return super.method(name, args);
    checkWritable(this.sheet);
    const source = args[1] as RangeNode;
    const c = { id: this.ctx.data.id('ch'), sheet: this.sheet.name, type: String(args[0]), source: `${quoteSheet(source.sheet.name)}!${areaAddress(source.area)}` };
    this.ctx.data.charts.push(c);
    return chartNode(this.ctx, c);
  }
}

function chartNode(ctx: Ctx, c: WorkbookData['charts'][number]): Node {
  return new (class extends Node {
    readonly type = 'Chart';
    override id() {
      return c.id;
    }
    override scalars() {
      return ['name', 'id'];
    }
    override scalar(n: string) {
      return n === 'name' ? (c.name ?? null) : n === 'id' ? c.id : super.scalar(n);
    }
    override set(n: string, v: unknown) {
      if (n === 'name') c.name = String(v);
      else super.set(n, v);
    }
    override nav(n: string): Node | null {
      if (n === 'title') {
        return new (class extends Node {
          readonly type = 'ChartTitle';
          override set(p: string, v: unknown) {
            if (p === 'text') c.title = String(v);
            else super.set(p, v);
          }
        })();
      }
      if (n === 'series') {
        return new (class extends Node {
          readonly type = 'ChartSeriesCollection';
          override isCollection = true;
          override method(m: string, args: unknown[]) {
            if (m !== 'getItemAt') return super.method(m, args);
            return methodNode('ChartSeries', {
              setXAxisValues: (a) => {
                const r = a[0] as RangeNode;
                c.xValues = `${quoteSheet(r.sheet.name)}!${areaAddress(r.area)}`;
              },
            });
          }
        })();
      }
      return super.nav(n);
    }
    override method(m: string, args: unknown[]) {
      if (m === 'setPosition') {
        c.position = args[1] ? `${args[0]}:${args[1]}` : String(args[0]);
        return undefined;
      }
      if (m === 'delete') {
        ctx.data.charts = ctx.data.charts.filter((x) => x !== c);
        return undefined;
      }
      return super.method(m, args);
    }
  })();
}

/** A single cell from an address that names its sheet ("'Sezione g'!C3"), for notes and comments. */
function cellOf(ctx: Ctx, address: unknown): { sheet: SheetData; cell: string } {
  if (address instanceof RangeNode) {
    if (cells(address.area) !== 1) throw new ServerError('InvalidArgument');
    return { sheet: address.sheet, cell: a1(address.area.r0, address.area.c0) };
  }
  const { sheet, range } = splitAddress(String(address));
  const s = sheet ? ctx.data.sheet(sheet) : ctx.data.sheet(ctx.data.activeSheet);
  if (!s) throw new ServerError('InvalidArgument');
  const a = parseArea(range);
  if (cells(a) !== 1) throw new ServerError('InvalidArgument');
  return { sheet: s, cell: a1(a.r0, a.c0) };
}

function locationNode(ctx: Ctx, sheetName: string, address: string): Node {
  const s = ctx.data.sheet(sheetName)!;
  const p = parseA1(address);
  return new RangeNode(ctx, s, [{ r0: p.row, c0: p.col, r1: p.row, c1: p.col }]);
}

/** Notes and threaded comments: one mechanism, a cell holds one of them at most. */
type AnnotationKind = 'notes' | 'comments';
type Annotation = { sheet: string; address: string; content: string; id?: string };
const OTHER_KIND: Record<AnnotationKind, AnnotationKind> = { notes: 'comments', comments: 'notes' };
const TYPES: Record<AnnotationKind, [collection: string, item: string]> = { notes: ['NoteCollection', 'Note'], comments: ['CommentCollection', 'Comment'] };

class AnnotationCollectionNode extends Node {
  readonly type: string;
  override isCollection = true;
  constructor(readonly ctx: Ctx, readonly kind: AnnotationKind) {
    super();
    this.type = TYPES[kind][0];
  }
  private list(): Annotation[] {
    return this.ctx.data[this.kind];
  }
  /** Notes are addressed by their cell, comments by their id. */
  private find(key: unknown): Annotation | undefined {
    if (this.kind === 'comments') return this.list().find((c) => c.id === key);
    const { sheet, cell } = cellOf(this.ctx, key);
    return this.list().find((n) => n.sheet === sheet.name && n.address === cell);
  }
  private node(a: Annotation): Node {
    return new AnnotationNode(this.ctx, this.kind, a);
  }
  override items(): Node[] {
    return this.list().map((a) => this.node(a));
  }
  override indexer(args: unknown[]): Node {
    const a = this.find(args[0]);
    if (!a) throw new ServerError('ItemNotFound', 404);
    return this.node(a);
  }
  override method(name: string, args: unknown[]): unknown {
    const data = this.ctx.data;
    switch (name) {
      case 'getItemOrNullObject': {
        const a = this.find(args[0]);
        return a ? this.node(a) : null;
      }
      case 'getItemAt': {
        const a = this.list()[args[0] as number];
        if (!a) throw new ServerError('ItemNotFound', 404);
        return this.node(a);
      }
      case 'getCount':
        return this.list().length;
      case 'add': {
        const { sheet, cell } = cellOf(this.ctx, args[0]);
        checkWritable(sheet);
        const at = (x: Annotation) => x.sheet === sheet.name && x.address === cell;
        // A cell holds a note or a threaded comment, never both.
        if (this.list().some(at)) throw new ServerError('InvalidArgument');
        if (data[OTHER_KIND[this.kind]].some(at)) throw new ServerError('InvalidOperation');
        const a: Annotation = { ...(this.kind === 'comments' ? { id: data.id('c') } : {}), sheet: sheet.name, address: cell, content: String(args[1]) };
        this.list().push(a);
        return this.node(a);
      }
      default: return super.method(name, args);
    }
  }
}

class AnnotationNode extends Node {
  readonly type: string;
  constructor(readonly ctx: Ctx, readonly kind: AnnotationKind, readonly a: Annotation) {
    super();
    this.type = TYPES[kind][1];
  }
  override id() {
    return this.a.id;
  }
  override scalars() {
    return this.kind === 'comments' ? ['id', 'content', 'authorName'] : ['content', 'authorName'];
  }
  override scalar(name: string): Json {
    if (name === 'id' && this.kind === 'comments') return this.a.id;
    if (name === 'content') return this.a.content;
    if (name === 'authorName') return 'Utente';
    return super.scalar(name);
  }
  override set(name: string, value: unknown) {
    if (name !== 'content') return super.set(name, value);
    this.a.content = String(value);
  }
  override method(name: string, args: unknown[]) {
    if (name === 'delete') {
      const list: Annotation[] = this.ctx.data[this.kind];
      const i = list.indexOf(this.a);
      if (i < 0) throw new ServerError('ItemNotFound', 404);
      checkWritable(this.ctx.data.sheet(this.a.sheet)!);
      list.splice(i, 1);
      return undefined;
    }
    if (name === 'getLocation') return locationNode(this.ctx, this.a.sheet, this.a.address);
    return super.method(name, args);
  }
}

class SettingNode extends Node {
  readonly type = 'Setting';
  constructor(readonly ctx: Ctx, readonly k: string) {
    super();
  }
  override id() {
    return this.k;
  }
  override scalars() {
    return ['key', 'value'];
  }
  override scalar(name: string): Json {
    if (name === 'key') return this.k;
    if (name === 'value') return this.ctx.data.settings.get(this.k) ?? null;
    return super.scalar(name);
  }
  override set(name: string, value: unknown) {
    if (name !== 'value') return super.set(name, value);
    this.ctx.data.settings.set(this.k, JSON.parse(JSON.stringify(value)));
  }
  override method(name: string, args: unknown[]) {
    if (name === 'delete') {
      this.ctx.data.settings.delete(this.k);
      return undefined;
    }
    return super.method(name, args);
  }
}

class SettingCollectionNode extends Node {
  readonly type = 'SettingCollection';
  override isCollection = true;
  constructor(readonly ctx: Ctx) {
    super();
  }
  override items(): Node[] {
    return [...this.ctx.data.settings.keys()].map((k) => new SettingNode(this.ctx, k));
  }
  override indexer(args: unknown[]): Node {
    const k = String(args[0]);
    if (!this.ctx.data.settings.has(k)) throw new ServerError('ItemNotFound', 404);
    return new SettingNode(this.ctx, k);
  }
  override method(name: string, args: unknown[]): unknown {
    const k = String(args[0]);
    if (name === 'getItemOrNullObject') return this.ctx.data.settings.has(k) ? new SettingNode(this.ctx, k) : null;
    if (name === 'add') {
      // Stored as JSON in the file: what goes in is what comes out.
      this.ctx.data.settings.set(k, JSON.parse(JSON.stringify(args[1] ?? null)));
      return new SettingNode(this.ctx, k);
    }
    if (name === 'getCount') return this.ctx.data.settings.size;
    return super.method(name, args);
  }
}

class NamedItemCollectionNode extends Node {
  readonly type = 'NamedItemCollection';
  override isCollection = true;
  constructor(readonly ctx: Ctx) {
    super();
  }
  override items(): Node[] {
    return this.ctx.data.names.map((n) =>
      scalarNode('NamedItem', { name: () => n.name, formula: () => n.formula, type: () => 'Range', visible: () => true }),
    );
  }
}

class WorkbookNode extends Node {
  readonly type = 'Workbook';
  constructor(readonly ctx: Ctx) {
    super();
  }
  override nav(name: string): Node | null {
    const data = this.ctx.data;
    switch (name) {
      case 'worksheets': return new WorksheetCollectionNode(this.ctx);
      case 'tables': return new TableCollectionNode(this.ctx, null);
      case 'protection': return scalarNode('WorkbookProtection', { protected: () => data.structureProtected });
      case 'application': return methodNode('Application', { suspendApiCalculationUntilNextSync: () => undefined });
      case 'settings': return new SettingCollectionNode(this.ctx);
      case 'notes': return new AnnotationCollectionNode(this.ctx, 'notes');
      case 'names': return new NamedItemCollectionNode(this.ctx);
      case 'comments': return new AnnotationCollectionNode(this.ctx, 'comments');
      default: return super.nav(name);
    }
  }
}

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: (number | null)[] };
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: (number | null)[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

/** A fault a test plants: the request fails with `code` at the first action that `when` matches. */
export interface Fault {
  when: (action: { type: string; name: string; target: string }) => boolean;
  code: string;
}

export class ExcelServer {
  readonly log: RequestRecord[] = [];
  /** The user is typing in a cell. */
  editMode = false;
  /** Requests sent and not yet answered. */
  inflight = 0;
  faults: Fault[] = [];
  /** What was asked of Excel, as "Type.member" strings, for tests that check what was (not) read. */
  readonly queries: string[] = [];
  /**
   * Objects Office.js keeps across syncs inside an Excel.run: it asks with `_KeepReference`, Excel
   * answers the instantiation with a `_ReferenceId`, and later requests address the object by it.
   */
  private readonly references = new Map<string, Node>();
  private nextReference = 1;

  constructor(readonly data: WorkbookData, readonly options: ServerOptions, readonly sets: MemberSets) {}

  private message(code: string): string {
    const m = MESSAGES[code] ?? MESSAGES.GeneralException!;
    return this.options.locale === 'en-US' ? m.en : m.it;
  }

  private requireApi(type: string, member: string, setting = false): void {
    const needed = memberMinor(this.sets, type, member, setting);
    if (needed !== undefined && needed > this.options.excelApi) throw new ServerError('ApiNotFound', 404, `${type}.${member} (ExcelApi 1.${needed})`);
  }

  /** Executes one RichApi request (the body Office.js serialized) and returns the answer body. */
  handle(bodyText: string, flags: number): { ok: true; body: string } | { ok: false; code: number; message: string } {
    const bytes = byteLength(bodyText);
    const record: RequestRecord = { bytes, responseBytes: 0, actions: 0 };
    this.log.push(record);
    if (bytes > (this.options.requestLimit ?? 5_000_000)) {
      record.failed = 'RequestPayloadSizeLimitExceeded';
      return { ok: false, code: 5103, message: 'The request payload size has exceeded the limit.' };
    }
    if (this.editMode) {
      // delayForCellEdit sets flag 64: the batch waits until the user leaves the cell.
      if (!(flags & 64)) {
        record.failed = 'InvalidOperationInCellEditMode';
        return { ok: false, code: 5004, message: 'Cell edit mode.' };
      }
      this.editMode = false;
      record.delayed = true;
    }
    const body = JSON.parse(bodyText) as { Actions: ActionInfo[]; ObjectPaths: Record<string, ObjectPathInfo> };
    record.actions = body.Actions.length;
    const ctx: Ctx = { server: this, data: this.data };
    const resolved = new Map<number, Node | null>();
    const results: { ActionId: number; Value: Json }[] = [];

    const args = (info: ObjectPathInfo['ArgumentInfo']): unknown[] =>
      (info?.Arguments ?? []).map((a, i) => {
        const ref = info?.ReferencedObjectPathIds?.[i];
        return ref ? resolve(ref) : a;
      });
    const resolve = (id: number): Node | null => {
      if (resolved.has(id)) return resolved.get(id)!;
      const p = body.ObjectPaths[String(id)];
      if (!p) throw new ServerError('InvalidArgument');
      let out: Node | null;
      if (p.ObjectPathType === 1) out = new WorkbookNode(ctx);
      else if (p.ObjectPathType === 7) out = null;
      else if (p.ObjectPathType === 6) {
        const ref = this.references.get(p.Name);
        if (!ref) throw new ServerError('InvalidArgument');
        out = ref;
      }
      else {
        const parent = resolve(p.ParentObjectPathId!);
        if (parent === null) out = null;
        else if (p.ObjectPathType === 4) {
          this.requireApi(parent.type, camel(p.Name));
          out = parent.nav(camel(p.Name));
        } else if (p.ObjectPathType === 5) {
          this.requireApi(parent.type, 'getItem');
          out = parent.indexer(args(p.ArgumentInfo));
        } else if (p.ObjectPathType === 3) {
          this.requireApi(parent.type, camel(p.Name));
          const r = parent.method(camel(p.Name), args(p.ArgumentInfo));
          out = r instanceof Node ? r : null;
        } else throw new ServerError('InvalidArgument');
      }
      resolved.set(id, out);
      return out;
    };

    const query = (node: Node | null, select: string[] | undefined, expand: string[] | undefined): Json => {
      if (node === null) return null;
      const one = (n: Node): Record<string, Json> => {
        const out: Record<string, Json> = {};
        const id = n.id();
        if (id !== undefined) out._Id = id;
        const paths = select && select.length ? select : n.scalars();
        const navs = new Map<string, string[]>();
        for (const path of paths) {
          const [head, ...rest] = path.split('/');
          if (rest.length) navs.set(head!, [...(navs.get(head!) ?? []), rest.join('/')]);
          else {
            this.requireApi(n.type, head!);
            this.queries.push(`${n.type}.${head}`);
            out[pascal(head!)] = n.scalar(head!);
          }
        }
        for (const e of expand ?? []) if (!navs.has(e)) navs.set(e, []);
        for (const [head, sub] of navs) {
          this.requireApi(n.type, head);
          out[pascal(head)] = query(n.nav(head), sub, undefined);
        }
        return out;
      };
      if (node.isCollection) {
        this.queries.push(`${node.type}.items`);
        return { _Items: node.items().map(one) };
      }
      return one(node);
    };

    const kept = new Set<number>();
    const faultFor = (a: ActionInfo, type: string) =>
      this.faults.find((f) => f.when({ type: ['', 'Instantiate', 'Query', 'Method', 'SetProperty'][a.ActionType] ?? String(a.ActionType), name: a.Name, target: type }));

    for (const [index, a] of body.Actions.entries()) {
      try {
        if (a.ActionType === 1) {
          const node = resolve(a.ObjectPathId);
          const fault = faultFor(a, node?.type ?? '');
          if (fault) throw new ServerError(fault.code);
          // Null objects answer null; kept objects their reference; objects with an id answer it, so
          // that Office.js can address them again in a later request.
          if (node === null) results.push({ ActionId: a.Id, Value: null });
          else if (kept.has(a.ObjectPathId)) {
            const ref = `${this.nextReference++}`;
            this.references.set(ref, node);
            results.push({ ActionId: a.Id, Value: { _ReferenceId: ref } });
          } else if (node.id() !== undefined) results.push({ ActionId: a.Id, Value: { _Id: node.id() } });
        } else if (a.ActionType === 2) {
          const node = resolve(a.ObjectPathId);
          results.push({ ActionId: a.Id, Value: query(node, a.QueryInfo?.Select, a.QueryInfo?.Expand) });
        } else if (a.ActionType === 3) {
          const node = resolve(a.ObjectPathId);
          if (node === null) continue; // methods on a null object do nothing
          if (a.Name === '_KeepReference') {
            kept.add(a.ObjectPathId);
            continue;
          }
          if (a.Name === '_RemoveReference') {
            this.references.delete(String(a.ArgumentInfo?.Arguments?.[0]));
            continue;
          }
          // Other bookkeeping of Office.js's own (array size checks): nothing for the fake to do.
          if (a.Name.startsWith('_')) continue;
          const fault = faultFor(a, node.type);
          if (fault) throw new ServerError(fault.code);
          this.requireApi(node.type, camel(a.Name));
          const r = node.method(camel(a.Name), args(a.ArgumentInfo));
          if (r !== undefined && !(r instanceof Node)) results.push({ ActionId: a.Id, Value: r });
        } else if (a.ActionType === 4) {
          const node = resolve(a.ObjectPathId);
          if (node === null) continue;
          const fault = faultFor(a, node.type);
          if (fault) throw new ServerError(fault.code);
          this.requireApi(node.type, camel(a.Name), true);
          node.set(camel(a.Name), args(a.ArgumentInfo)[0]);
        }
      } catch (err) {
        if (!(err instanceof ServerError)) throw err;
        // A batch is not a transaction: what ran before the failing action stays.
        record.failed = err.code;
        const out = JSON.stringify({ Results: results, Error: { Code: err.code, Message: this.message(err.code), ActionIndex: index, HttpStatusCode: err.httpStatus, Location: err.detail } });
        record.responseBytes = byteLength(out);
        return { ok: true, body: out };
      }
    }
    const out = JSON.stringify({ Results: results });
    record.responseBytes = byteLength(out);
    if (record.responseBytes > (this.options.responseLimit ?? Infinity)) {
      if (this.options.tooLargeAnswer === 'RangeExceedsLimit') {
        record.failed = 'RangeExceedsLimit';
        const refused = JSON.stringify({ Results: [], Error: { Code: 'RangeExceedsLimit', Message: this.message('GeneralException'), ActionIndex: 0, HttpStatusCode: 400 } });
        return { ok: true, body: refused };
      }
      record.failed = 'ResponsePayloadSizeLimitExceeded';
      return { ok: false, code: 5104, message: 'The response payload size has exceeded the limit.' };
    }
    return { ok: true, body: out };
  }
}
