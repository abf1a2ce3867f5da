/**
 * A strict in-memory fake of the part of the Excel JavaScript API the add-in uses. Like Office.js:
 * commands queue up and run only at `context.sync()`; reading a property that was not loaded, or
 * loaded but not yet synced, throws; a string beginning with "=" written to `values` becomes a
 * formula unless the cell is formatted as text; requests over the payload limit are refused. It
 * counts syncs and measures every request (and response) in bytes, as JSON.
 * (office-addin-mock returns sentinel strings instead of throwing and models no payload limit.)
 */
import { a1, parseA1 } from '../../../src/core/address';
import { CellData, ChartData, CommentData, SheetData, TableData, WorkbookData, key, usedBox, Scalar } from './model';

export class FakeOfficeError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

interface Op {
  /** What travels over the wire, for the request size. */
  wire: unknown;
  run(): void;
}

interface Box {
  sheet: SheetData;
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

export interface FakeHostOptions {
  /** Highest ExcelApi minor version the host supports: 9 for ExcelApi 1.9 (Excel 2019), 18 for 1.18 (Microsoft 365). */
  excelApi?: number;
  requestLimitBytes?: number;
  responseLimitBytes?: number;
}

export class FakeContext {
  readonly workbook: FakeWorkbook;
  syncs = 0;
  readonly requestBytes: number[] = [];
  readonly responseBytes: number[] = [];
  /** Answers refused for their size (the batch failed). */
  refusedResponses = 0;
  /** The user is typing in a cell: every batch fails, as in Excel. */
  editMode = false;
  readonly excelApi: number;
  private readonly requestLimit: number;
  private readonly responseLimit: number;
  private ops: Op[] = [];
  private staged: (() => void)[] = [];
  private responseSize = 0;

  constructor(readonly data: WorkbookData, options: FakeHostOptions = {}) {
    this.excelApi = options.excelApi ?? 18;
    this.requestLimit = options.requestLimitBytes ?? 5 * 1024 * 1024;
    this.responseLimit = options.responseLimitBytes ?? Infinity;
    this.workbook = new FakeWorkbook(this);
  }

  /** Versions are "major.minor" with an integer minor: 1.10 comes after 1.9. */
  isSetSupported(name: string, version = '1.1'): boolean {
    const [major, minor] = version.split('.').map(Number);
    return name === 'ExcelApi' && major === 1 && (minor ?? 0) <= this.excelApi;
  }

  /** Requires an API set (its minor version), as the real host refuses a method it does not have. */
  requireApi(minor: number, what: string): void {
    if (this.excelApi < minor) throw new FakeOfficeError('ApiNotFound', `${what} requires ExcelApi 1.${minor}`);
  }

  enqueue(wire: unknown, run: () => void): void {
    this.ops.push({ wire, run });
  }

  /** Registers what a load makes readable once the sync succeeds. */
  stage(commit: () => void, responseBytes: number): void {
    this.staged.push(commit);
    this.responseSize += responseBytes;
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    this.staged = [];
    this.responseSize = 0;
    this.syncs++;
    const size = ops.reduce((n, op) => n + JSON.stringify(op.wire).length + 1, 2);
    this.requestBytes.push(size);
    await Promise.resolve();
    if (this.editMode) throw new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    if (size > this.requestLimit) throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size (${size}) has exceeded the limit.`);
    // Like Excel, a batch is not a transaction: commands before a failing one stay applied.
    for (const op of ops) op.run();
    if (this.responseSize > this.responseLimit) {
      this.refusedResponses++;
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    this.responseBytes.push(this.responseSize);
    for (const commit of this.staged) commit();
    this.staged = [];
  }

  /** Convenience for tests: the largest request so far. */
  get maxRequestBytes(): number {
    return Math.max(0, ...this.requestBytes);
  }
}

/** Base of every proxy: loaded properties become readable only after a successful sync. */
class Proxy {
  private loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext, readonly path: string) {}

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(prop) as T;
  }

  /** Queues a load: `compute` runs at sync time; its values become readable after the sync. */
  protected queueLoad(props: string[], compute: () => Record<string, unknown>): void {
    this.ctx.enqueue({ load: this.path, props }, () => {
      const values = compute();
      const bytes = JSON.stringify(values).length;
      this.ctx.stage(() => {
        for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
      }, bytes);
    });
  }

  /** Used by collections: an item's properties, loaded with the collection. */
  setLoaded(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
  }

  protected set(prop: string, value: unknown, apply: () => void): void {
    this.ctx.enqueue({ set: this.path, prop, value }, apply);
  }

  protected call(method: string, args: unknown[], run: () => void): void {
    this.ctx.enqueue({ call: `${this.path}.${method}`, args }, run);
  }
}

function parseProps(props?: string | string[] | { select?: string }): string[] {
  if (props === undefined) return [];
  if (Array.isArray(props)) return props.flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean);
  if (typeof props === 'string') return props.split(',').map((p) => p.trim()).filter(Boolean);
  return parseProps(props.select);
}

function splitAddress(address: string): { sheet: string | null; range: string } {
  const i = address.lastIndexOf('!');
  if (i < 0) return { sheet: null, range: address };
  let sheet = address.slice(0, i);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: address.slice(i + 1) };
}

export function sheetRef(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function boxAddress(b: Box): string {
  const start = a1(b.r0, b.c0);
  const end = a1(b.r0 + b.rows - 1, b.c0 + b.cols - 1);
  return `${sheetRef(b.sheet.name)}!${start === end ? start : `${start}:${end}`}`;
}

function parseRange(range: string): { r0: number; c0: number; rows: number; cols: number } {
  const [s, e] = range.replace(/\$/g, '').split(':');
  const p = parseA1(s!);
  const q = e ? parseA1(e) : p;
  return { r0: Math.min(p.row, q.row), c0: Math.min(p.col, q.col), rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
}

function checkWritable(sheet: SheetData): void {
  if (sheet.protected) throw new FakeOfficeError('AccessDenied', 'The cell or chart you are trying to change is on a protected sheet.');
}

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

/** What Excel stores when a value is written through `range.values`. */
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
    // Excel takes it for a formula: exactly what the add-in must never cause with user text.
    cell.formula = v.startsWith('=') ? v : `=${v}`;
    cell.value = v;
    return;
  }
  cell.value = /^[+-]?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

export class FakeRange extends Proxy {
  readonly format: FakeRangeFormat;
  readonly dataValidation: { rule: unknown };

  constructor(ctx: FakeContext, path: string, readonly resolve: () => Box | null, readonly nullable = false) {
    super(ctx, path);
    this.format = new FakeRangeFormat(ctx, `${path}.format`, () => this.box());
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- object-literal accessors below need the proxy, not themselves
    const self = this;
    this.dataValidation = {
      set rule(rule: unknown) {
        ctx.requireApi(8, 'Range.dataValidation');
        self.set('dataValidation.rule', rule, () => {
          const b = self.box();
          checkWritable(b.sheet);
          const list = (rule as { list?: { source: string } }).list;
          if (list) b.sheet.validations.push({ address: boxAddress(b), source: list.source });
        });
      },
      get rule() {
        return undefined;
      },
    };
  }

  box(): Box {
    const b = this.resolve();
    if (!b) throw new FakeOfficeError('InvalidObjectPath', `The object path '${this.path}' isn't working for what you're trying to do.`);
    return b;
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get values(): Scalar[][] {
    return this.read('values');
  }
  set values(v: Scalar[][]) {
    this.set('values', v, () => this.writeGrid(v, (cell, x) => storeValue(cell, x)));
  }
  get text(): string[][] {
    return this.read('text');
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(v: (string | null)[][]) {
    this.set('numberFormat', v, () => this.writeGrid(v, (cell, x) => {
      if (x === 'General') delete cell.numberFormat;
      else cell.numberFormat = String(x);
    }));
  }
  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  set hyperlink(h: CellData['hyperlink']) {
    this.set('hyperlink', h, () => this.eachCell((cell) => {
      cell.hyperlink = { ...h };
      if (h?.textToDisplay !== undefined) cell.value = h.textToDisplay;
    }));
  }

  /** A 2D array of the range's size, or a single value for every cell; null leaves a cell as it is. */
  private writeGrid<T>(grid: T[][] | T, apply: (cell: CellData, v: Exclude<T, null>) => void): void {
    const b = this.box();
    checkWritable(b.sheet);
    const single = !Array.isArray(grid);
    if (!single) {
      const g = grid as T[][];
      if (g.length !== b.rows || g.some((row) => !Array.isArray(row) || row.length !== b.cols)) {
        throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${b.rows}×${b.cols}).`);
      }
    }
    for (let r = 0; r < b.rows; r++) {
      for (let c = 0; c < b.cols; c++) {
        const v = single ? (grid as T) : (grid as T[][])[r]![c]!;
        if (v === null || v === undefined) continue;
        const k = key(b.r0 + r, b.c0 + c);
        let cell = b.sheet.cells.get(k);
        if (!cell) b.sheet.cells.set(k, (cell = { value: null }));
        apply(cell, v as Exclude<T, null>);
        if (cell.value === '') cell.value = null;
      }
    }
  }

  eachCell(fn: (cell: CellData, r: number, c: number) => void): void {
    const b = this.box();
    checkWritable(b.sheet);
    for (let r = 0; r < b.rows; r++) {
      for (let c = 0; c < b.cols; c++) {
        const k = key(b.r0 + r, b.c0 + c);
        let cell = b.sheet.cells.get(k);
        if (!cell) b.sheet.cells.set(k, (cell = { value: null }));
        fn(cell, b.r0 + r, b.c0 + c);
      }
    }
  }

  load(props?: string | string[] | { select?: string }): this {
    const list = parseProps(props);
    this.queueLoad(list, () => {
      const b = this.resolve();
      if (!b) {
        if (!this.nullable) throw new FakeOfficeError('ItemNotFound', `${this.path} was not found.`);
        return { isNullObject: true };
      }
      const out: Record<string, unknown> = { isNullObject: false };
      const grid = <T>(f: (cell: CellData | undefined) => T): T[][] =>
        Array.from({ length: b.rows }, (_, r) => Array.from({ length: b.cols }, (_, c) => f(b.sheet.cells.get(key(b.r0 + r, b.c0 + c)))));
      for (const p of list) {
        if (p === 'values') out.values = grid((cell) => (cell?.value ?? ''));
        else if (p === 'text') out.text = grid(displayText);
        else if (p === 'numberFormat') out.numberFormat = grid((cell) => cell?.numberFormat ?? 'General');
        else if (p === 'address') out.address = boxAddress(b);
        else if (p === 'rowIndex') out.rowIndex = b.r0;
        else if (p === 'columnIndex') out.columnIndex = b.c0;
        else if (p === 'rowCount') out.rowCount = b.rows;
        else if (p === 'columnCount') out.columnCount = b.cols;
        else throw new FakeOfficeError('InvalidArgument', `Unknown property '${p}' on Range.`);
      }
      return out;
    });
    return this;
  }

  select(): void {
    this.call('select', [], () => {
      const b = this.box();
      this.ctx.data.activeSheet = b.sheet.name;
      this.ctx.data.selection = boxAddress(b);
    });
  }

  clear(applyTo?: string): void {
    this.call('clear', [applyTo], () => {
      const b = this.box();
      checkWritable(b.sheet);
      for (let r = 0; r < b.rows; r++) for (let c = 0; c < b.cols; c++) {
        const k = key(b.r0 + r, b.c0 + c);
        const cell = b.sheet.cells.get(k);
        if (!cell) continue;
        if (!applyTo || applyTo === 'All') b.sheet.cells.delete(k);
        else if (applyTo === 'Contents') cell.value = null;
        else if (applyTo === 'Formats') {
          delete cell.fill; delete cell.font; delete cell.numberFormat; delete cell.wrapText;
        }
      }
    });
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getCell(${row},${column})`, () => {
      const b = this.box();
      return { sheet: b.sheet, r0: b.r0 + row, c0: b.c0 + column, rows: 1, cols: 1 };
    });
  }
}

class FakeRangeFormat extends Proxy {
  readonly fill: FakeFill;
  readonly font: { bold: boolean; italic: boolean; color: string; underline: string };

  constructor(ctx: FakeContext, path: string, box: () => Box) {
    super(ctx, path);
    this.fill = new FakeFill(ctx, `${path}.fill`, box);
    const setFont = (prop: 'bold' | 'italic' | 'color' | 'underline', v: unknown) =>
      this.set(`font.${prop}`, v, () => new FakeRange(ctx, path, box).eachCell((cell) => (cell.font = { ...cell.font, [prop]: v }))); 
    this.font = {
      set bold(v: boolean) { setFont('bold', v); },
      set italic(v: boolean) { setFont('italic', v); },
      set color(v: string) { setFont('color', v); },
      set underline(v: string) { setFont('underline', v); },
      get bold() { throw new FakeOfficeError('PropertyNotLoaded', 'font.bold not loaded'); },
      get italic() { throw new FakeOfficeError('PropertyNotLoaded', 'font.italic not loaded'); },
      get color() { throw new FakeOfficeError('PropertyNotLoaded', 'font.color not loaded'); },
      get underline() { throw new FakeOfficeError('PropertyNotLoaded', 'font.underline not loaded'); },
    };
    this.boxOf = box;
  }
  private boxOf: () => Box;

  set columnWidth(w: number) {
    this.set('columnWidth', w, () => {
      const b = this.boxOf();
      for (let c = 0; c < b.cols; c++) b.sheet.columnWidths.set(b.c0 + c, w);
    });
  }
  set rowHeight(h: number) {
    this.set('rowHeight', h, () => {
      const b = this.boxOf();
      for (let r = 0; r < b.rows; r++) b.sheet.rowHeights.set(b.r0 + r, h);
    });
  }
  set wrapText(w: boolean) {
    this.set('wrapText', w, () => new FakeRange(this.ctx, this.path, this.boxOf).eachCell((cell) => (cell.wrapText = w)));
  }
  autofitColumns(): void {
    this.call('autofitColumns', [], () => undefined);
  }
}

class FakeFill extends Proxy {
  constructor(ctx: FakeContext, path: string, private readonly box: () => Box) {
    super(ctx, path);
  }
  get color(): string {
    return this.read('color');
  }
  set color(c: string) {
    this.set('color', c, () => new FakeRange(this.ctx, this.path, this.box).eachCell((cell) => (cell.fill = c.toUpperCase())));
  }
  clear(): void {
    this.call('clear', [], () => new FakeRange(this.ctx, this.path, this.box).eachCell((cell) => delete cell.fill));
  }
  load(props?: string | string[]): this {
    this.queueLoad(parseProps(props), () => {
      const b = this.box();
      const fills = new Set<string>();
      for (let r = 0; r < b.rows; r++) for (let c = 0; c < b.cols; c++) fills.add(b.sheet.cells.get(key(b.r0 + r, b.c0 + c))?.fill ?? '#FFFFFF');
      // Excel answers white for a cell without fill, and null when the cells differ.
      return { color: fills.size === 1 ? [...fills][0] : null };
    });
    return this;
  }
}

export class FakeWorksheet extends Proxy {
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;
  readonly protection: { load(p: string): void; readonly protected: boolean };
  readonly freezePanes: { freezeRows(n: number): void };

  constructor(ctx: FakeContext, path: string, readonly resolve: () => SheetData | undefined, readonly nullable = false) {
    super(ctx, path);
    this.tables = new FakeTableCollection(ctx, `${path}.tables`, () => this.sheet());
    this.charts = new FakeChartCollection(ctx, `${path}.charts`, () => this.sheet());
    const protection = new (class extends Proxy {
      load(p: string) {
        this.queueLoad(parseProps(p), () => ({ protected: outer.sheet().protected }));
      }
      get protected(): boolean {
        return this.read('protected');
      }
    })(ctx, `${path}.protection`);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- object-literal accessors below need the proxy, not themselves
    const outer = this;
    this.protection = protection;
    this.freezePanes = {
      freezeRows: (n: number) => this.call('freezePanes.freezeRows', [n], () => (this.sheet().freezeRows = n)),
    };
  }

  sheet(): SheetData {
    const s = this.resolve();
    if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (${this.path}).`);
    return s;
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get name(): string {
    return this.read('name');
  }
  set name(n: string) {
    this.set('name', n, () => (this.sheet().name = n));
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(v: string) {
    this.set('visibility', v, () => (this.sheet().visibility = v as SheetData['visibility']));
  }
  get id(): string {
    return this.read('id');
  }
  get position(): number {
    return this.read('position');
  }

  load(props?: string | string[]): this {
    const list = parseProps(props);
    this.queueLoad(list, () => {
      const s = this.resolve();
      if (!s) {
        if (!this.nullable) throw new FakeOfficeError('ItemNotFound', `${this.path} was not found.`);
        return { isNullObject: true };
      }
      const out: Record<string, unknown> = { isNullObject: false };
      for (const p of list) {
        if (p === 'name') out.name = s.name;
        else if (p === 'visibility') out.visibility = s.visibility;
        else if (p === 'id') out.id = s.id;
        else if (p === 'position') out.position = this.ctx.data.sheets.indexOf(s);
        else throw new FakeOfficeError('InvalidArgument', `Unknown property '${p}' on Worksheet.`);
      }
      return out;
    });
    return this;
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getRange(${address ?? ''})`, () => {
      const s = this.resolve();
      if (!s) return null;
      const { r0, c0, rows, cols } = parseRange(splitAddress(address ?? 'A1').range);
      return { sheet: s, r0, c0, rows, cols };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    if (rowCount < 1 || columnCount < 1) throw new FakeOfficeError('InvalidArgument', 'rowCount and columnCount must be positive.');
    return new FakeRange(this.ctx, `${this.path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => {
      const s = this.resolve();
      return s ? { sheet: s, r0: startRow, c0: startColumn, rows: rowCount, cols: columnCount } : null;
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`, () => {
      const s = this.resolve();
      const b = s ? usedBox(s, valuesOnly) : null;
      return s && b ? { sheet: s, r0: b.r0, c0: b.c0, rows: b.r1 - b.r0 + 1, cols: b.c1 - b.c0 + 1 } : null;
    }, true);
  }

  activate(): void {
    this.call('activate', [], () => (this.ctx.data.activeSheet = this.sheet().name));
  }

  delete(): void {
    this.call('delete', [], () => {
      const s = this.sheet();
      const data = this.ctx.data;
      if (s.visibility === 'VeryHidden') throw new FakeOfficeError('InvalidOperation', 'A very hidden worksheet cannot be deleted: change its visibility first.');
      if (data.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
      if (data.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0 && s.visibility === 'Visible') {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      data.sheets = data.sheets.filter((x) => x !== s);
      data.tables = data.tables.filter((t) => t.sheet !== s.name);
      data.charts = data.charts.filter((c) => c.sheet !== s.name);
      data.notes = data.notes.filter((n) => n.sheet !== s.name);
      data.comments = data.comments.filter((c) => c.sheet !== s.name);
      if (data.activeSheet === s.name) data.activeSheet = data.sheets.find((x) => x.visibility === 'Visible')?.name ?? '';
    });
  }
}

export class FakeWorksheetCollection extends Proxy {
  private itemsList: FakeWorksheet[] | null = null;

  get items(): FakeWorksheet[] {
    if (!this.itemsList) this.read('items');
    return this.itemsList!;
  }

  load(props?: string | string[]): this {
    const list = parseProps(props).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueue({ load: this.path, props: list }, () => {
      const sheets = [...this.ctx.data.sheets];
      const items = sheets.map((s) => new FakeWorksheet(this.ctx, `${this.path}.getItem(${s.id})`, () => this.ctx.data.sheets.find((x) => x.id === s.id)));
      const values = sheets.map((s, i) =>
        Object.fromEntries(list.map((p) => [p, p === 'name' ? s.name : p === 'visibility' ? s.visibility : p === 'id' ? s.id : p === 'position' ? i : null])),
      );
      // Readable only after the sync, like every other load.
      this.ctx.stage(() => {
        this.itemsList = items;
        items.forEach((ws, i) => ws.setLoaded({ isNullObject: false, ...values[i]! }));
      }, JSON.stringify(values).length);
    });
    return this;
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `${this.path}.getItem(${name})`, () => this.ctx.data.sheet(name));
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `${this.path}.getItemOrNullObject(${name})`, () => this.ctx.data.sheet(name), true);
  }

  add(name: string): FakeWorksheet {
    let id: string | null = null;
    this.call('add', [name], () => {
      if (this.ctx.data.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
      if (this.ctx.data.sheet(name)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named '${name}' already exists.`);
      if (/[:\\/?*[\]]/.test(name) || name.length > 31) throw new FakeOfficeError('InvalidArgument', `Invalid sheet name '${name}'.`);
      id = this.ctx.data.addSheet(name).id;
    });
    return new FakeWorksheet(this.ctx, `${this.path}.add(${name})`, () => this.ctx.data.sheets.find((s) => s.id === id));
  }
}

class FakeTableCollection extends Proxy {
  constructor(ctx: FakeContext, path: string, private readonly sheet: () => SheetData) {
    super(ctx, path);
  }
  add(address: string, hasHeaders: boolean): FakeTable {
    const id = this.ctx.data.id('t');
    this.call('add', [address, hasHeaders], () => {
      const s = this.sheet();
      checkWritable(s);
      const { sheet, range } = splitAddress(address);
      const target = sheet ? this.ctx.data.sheet(sheet)! : s;
      this.ctx.data.tables.push({ id, name: `Tabella${this.ctx.data.tables.length + 1}`, sheet: target.name, address: range });
    });
    return new FakeTable(this.ctx, `${this.path}.add(${address})`, () => this.ctx.data.tables.find((t) => t.id === id));
  }
}

class FakeTable extends Proxy {
  constructor(ctx: FakeContext, path: string, private readonly table: () => TableData | undefined) {
    super(ctx, path);
  }
  private t(): TableData {
    const t = this.table();
    if (!t) throw new FakeOfficeError('ItemNotFound', 'Table not found.');
    return t;
  }
  set name(n: string) {
    this.set('name', n, () => {
      if (this.ctx.data.tables.some((x) => x.name.toLowerCase() === n.toLowerCase() && x !== this.t())) {
        throw new FakeOfficeError('InvalidArgument', `A table named '${n}' already exists.`);
      }
      this.t().name = n;
    });
  }
  set style(s: string) {
    this.set('style', s, () => (this.t().style = s));
  }
}

class FakeChartCollection extends Proxy {
  constructor(ctx: FakeContext, path: string, private readonly sheet: () => SheetData) {
    super(ctx, path);
  }
  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChart {
    const id = this.ctx.data.id('ch');
    this.call('add', [type, sourceData.path, seriesBy], () => {
      const s = this.sheet();
      checkWritable(s);
      const b = sourceData.box();
      this.ctx.data.charts.push({ id, sheet: s.name, type, source: boxAddress(b) });
    });
    return new FakeChart(this.ctx, `${this.path}.add(${type})`, () => this.ctx.data.charts.find((c) => c.id === id));
  }
}

class FakeChart extends Proxy {
  readonly title: { text: string };
  readonly series: { getItemAt(i: number): { setXAxisValues(r: FakeRange): void } };
  constructor(ctx: FakeContext, path: string, private readonly chart: () => ChartData | undefined) {
    super(ctx, path);
    const c = () => {
      const x = this.chart();
      if (!x) throw new FakeOfficeError('ItemNotFound', 'Chart not found.');
      return x;
    };
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- object-literal accessors below need the proxy, not themselves
    const self = this;
    this.title = {
      set text(t: string) {
        self.set('title.text', t, () => (c().title = t));
      },
      get text(): string {
        throw new FakeOfficeError('PropertyNotLoaded', 'title.text not loaded');
      },
    };
    this.series = {
      getItemAt: (i: number) => ({
        setXAxisValues: (r: FakeRange) => {
          ctx.requireApi(7, 'ChartSeries.setXAxisValues');
          this.call(`series.getItemAt(${i}).setXAxisValues`, [r.path], () => (c().xValues = boxAddress(r.box())));
        },
      }),
    };
    this.chartOf = c;
  }
  private chartOf: () => ChartData;
  set name(n: string) {
    this.set('name', n, () => (this.chartOf().name = n));
  }
  setPosition(start: string, end?: string): void {
    this.call('setPosition', [start, end], () => (this.chartOf().position = end ? `${start}:${end}` : start));
  }
}

class FakeNote extends Proxy {
  constructor(ctx: FakeContext, path: string, private readonly find: () => number, readonly nullable: boolean) {
    super(ctx, path);
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get content(): string {
    return this.read('content');
  }
  load(props?: string | string[]): this {
    const list = parseProps(props);
    this.queueLoad(list, () => {
      const i = this.find();
      if (i < 0) {
        if (!this.nullable) throw new FakeOfficeError('ItemNotFound', 'Note not found.');
        return { isNullObject: true };
      }
      return { isNullObject: false, ...(list.includes('content') ? { content: this.ctx.data.notes[i]!.content } : {}) };
    });
    return this;
  }
  delete(): void {
    this.call('delete', [], () => {
      const i = this.find();
      if (i < 0) throw new FakeOfficeError('ItemNotFound', 'Note not found.');
      this.ctx.data.notes.splice(i, 1);
    });
  }
}

function cellOf(ctx: FakeContext, address: string): { sheet: SheetData; cell: string } {
  const { sheet, range } = splitAddress(address);
  const s = sheet ? ctx.data.sheet(sheet) : ctx.data.sheet(ctx.data.activeSheet);
  if (!s) throw new FakeOfficeError('ItemNotFound', `Sheet of ${address} not found.`);
  const b = parseRange(range);
  if (b.rows !== 1 || b.cols !== 1) throw new FakeOfficeError('InvalidArgument', 'The range must be a single cell.');
  return { sheet: s, cell: a1(b.r0, b.c0) };
}

class FakeNoteCollection extends Proxy {
  add(cellAddress: string, content: string): void {
    this.ctx.requireApi(18, 'NoteCollection.add');
    this.call('add', [cellAddress, content], () => {
      const { sheet, cell } = cellOf(this.ctx, cellAddress);
      checkWritable(sheet);
      if (this.ctx.data.notes.some((n) => n.sheet === sheet.name && n.address === cell)) throw new FakeOfficeError('InvalidArgument', 'The cell already has a note.');
      this.ctx.data.notes.push({ sheet: sheet.name, address: cell, content });
    });
  }
  private finder(cellAddress: string) {
    return () => {
      const { sheet, cell } = cellOf(this.ctx, cellAddress);
      return this.ctx.data.notes.findIndex((n) => n.sheet === sheet.name && n.address === cell);
    };
  }
  getItem(cellAddress: string): FakeNote {
    this.ctx.requireApi(18, 'NoteCollection.getItem');
    return new FakeNote(this.ctx, `${this.path}.getItem(${cellAddress})`, this.finder(cellAddress), false);
  }
  getItemOrNullObject(cellAddress: string): FakeNote {
    this.ctx.requireApi(18, 'NoteCollection.getItemOrNullObject');
    return new FakeNote(this.ctx, `${this.path}.getItemOrNullObject(${cellAddress})`, this.finder(cellAddress), true);
  }
}

class FakeComment extends Proxy {
  constructor(ctx: FakeContext, path: string, private readonly find: () => CommentData | undefined, readonly nullable = false) {
    super(ctx, path);
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get id(): string {
    return this.read('id');
  }
  get content(): string {
    return this.read('content');
  }
  load(props?: string | string[]): this {
    const list = parseProps(props);
    this.queueLoad(list, () => {
      const c = this.find();
      if (!c) {
        if (!this.nullable) throw new FakeOfficeError('ItemNotFound', 'Comment not found.');
        return { isNullObject: true };
      }
      return { isNullObject: false, ...Object.fromEntries(list.map((p) => [p, p === 'id' ? c.id : p === 'content' ? c.content : undefined])) };
    });
    return this;
  }
  delete(): void {
    this.call('delete', [], () => {
      const c = this.find();
      if (!c) throw new FakeOfficeError('ItemNotFound', 'Comment not found.');
      this.ctx.data.comments = this.ctx.data.comments.filter((x) => x !== c);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getLocation()`, () => {
      const c = this.find();
      if (!c) return null;
      const s = this.ctx.data.sheet(c.sheet)!;
      const p = parseA1(c.address);
      return { sheet: s, r0: p.row, c0: p.col, rows: 1, cols: 1 };
    });
  }
}

class FakeCommentCollection extends Proxy {
  private itemsList: FakeComment[] | null = null;
  get items(): FakeComment[] {
    if (!this.itemsList) this.read('items');
    return this.itemsList!;
  }
  load(props?: string | string[]): this {
    this.ctx.requireApi(10, 'CommentCollection.load');
    const list = parseProps(props).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueue({ load: this.path, props: list }, () => {
      const comments = [...this.ctx.data.comments];
      const items = comments.map((c) => new FakeComment(this.ctx, `${this.path}.getItem(${c.id})`, () => this.ctx.data.comments.find((x) => x.id === c.id)));
      const values = comments.map((c) => ({ id: c.id, content: c.content }));
      this.ctx.stage(() => {
        this.itemsList = items;
        items.forEach((item, i) => item.setLoaded(values[i]!));
      }, JSON.stringify(values).length);
    });
    return this;
  }
  add(cellAddress: string, content: string): FakeComment {
    this.ctx.requireApi(10, 'CommentCollection.add');
    const id = this.ctx.data.id('c');
    this.call('add', [cellAddress, content], () => {
      const { sheet, cell } = cellOf(this.ctx, cellAddress);
      checkWritable(sheet);
      if (this.ctx.data.comments.some((c) => c.sheet === sheet.name && c.address === cell)) throw new FakeOfficeError('InvalidArgument', 'The cell already has a comment.');
      this.ctx.data.comments.push({ id, sheet: sheet.name, address: cell, content });
    });
    return new FakeComment(this.ctx, `${this.path}.add(${cellAddress})`, () => this.ctx.data.comments.find((c) => c.id === id));
  }
  getItem(id: string): FakeComment {
    this.ctx.requireApi(10, 'CommentCollection.getItem');
    return new FakeComment(this.ctx, `${this.path}.getItem(${id})`, () => this.ctx.data.comments.find((c) => c.id === id));
  }
  getItemOrNullObject(id: string): FakeComment {
    this.ctx.requireApi(10, 'CommentCollection.getItemOrNullObject');
    return new FakeComment(this.ctx, `${this.path}.getItemOrNullObject(${id})`, () => this.ctx.data.comments.find((c) => c.id === id), true);
  }
}

export class FakeWorkbook extends Proxy {
  readonly protection: { load(p: string): void; readonly protected: boolean };
  readonly worksheets: FakeWorksheetCollection;
  readonly notes: FakeNoteCollection;
  readonly comments: FakeCommentCollection;
  readonly application: { suspendApiCalculationUntilNextSync(): void };

  constructor(ctx: FakeContext) {
    super(ctx, 'workbook');
    this.protection = new (class extends Proxy {
      load(p: string) {
        this.queueLoad(parseProps(p), () => ({ protected: ctx.data.structureProtected }));
      }
      get protected(): boolean {
        return this.read('protected');
      }
    })(ctx, 'workbook.protection');
    this.worksheets = new FakeWorksheetCollection(ctx, 'workbook.worksheets');
    this.notes = new FakeNoteCollection(ctx, 'workbook.notes');
    this.comments = new FakeCommentCollection(ctx, 'workbook.comments');
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        ctx.requireApi(6, 'Application.suspendApiCalculationUntilNextSync');
        ctx.enqueue({ call: 'workbook.application.suspendApiCalculationUntilNextSync' }, () => undefined);
      },
    };
  }
}
