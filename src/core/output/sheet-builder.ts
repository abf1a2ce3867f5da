/** A small builder for the output sheets: rows of cells with a style, tables and a chart, as data. */
import { a1 } from '../address';
import { Severity } from '../rules/rule';
import { BOLD_WIDTHS, METRIC_CHARS, REGULAR_WIDTHS } from './font-metrics.generated';

export type CellStyle = 'title' | 'subtitle' | 'header' | 'total' | 'label' | 'ok' | Severity;

export interface OutCell {
  /** Strings are always written as text, never as formulas. */
  v: string | number | null;
  style?: CellStyle;
  /** An internal link that selects a cell. */
  link?: { sheet: string; cell: string };
  /** Number format, e.g. "0.0%". */
  format?: string;
}

/** A range of the sheet to make an Excel table: header row and data rows, zero-based. */
export interface OutTable {
  name: string;
  headerRow: number;
  firstCol: number;
  lastCol: number;
  /** Last data row; equal to headerRow when the table has no rows. */
  lastRow: number;
}

export interface ChartSpec {
  title: string;
  /** A1 ranges on the same sheet. */
  categories: string;
  values: string;
  /** Top-left cell of the chart. */
  anchor: string;
}

/** A column wrapped from row r0 to r1 (zero-based, inclusive). */
export interface WrapArea {
  c: number;
  r0: number;
  r1: number;
}

/** Cells c0..c1 of row r merged into one, its text (in c0) wrapped across them: a paragraph outside any table. */
export interface Merge {
  r: number;
  c0: number;
  c1: number;
}

/** Page margins in inches, as the .xlsx file stores them (Office.js takes points: × 72). */
export interface Margins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

/** How the sheet prints: A4 landscape, as wide as the page, these rows repeated on every page. */
export interface PrintSetup {
  /** Zero-based, inclusive: the title and the table header, as frozen on screen. */
  titleRows: [number, number];
  footer: string;
  margins: Margins;
  /** Zero-based rows that start a new page (manual page breaks), ascending. */
  breaks: number[];
  /** The scale the sheet prints at, one page wide, as LibreOffice computes it (Excel's comes out a little higher). */
  scale: number;
  /** Columns printed, from the first: fewer than the sheet's when detail columns stay off the page (a print area). */
  columns: number;
}

export interface OutSheet {
  name: string;
  rows: (OutCell | null)[][];
  /** Column widths in Excel's units (characters of the default font). */
  widths: number[];
  /** Where long texts wrap (messages, descriptions) instead of running into the next column: a column over some rows. */
  wrapAreas: WrapArea[];
  merges: Merge[];
  /**
   * Row heights in points that fit each row's wrapped text (zero-based rows; absent: Excel's default).
   * The .xlsx file needs them (no reader autofits on open); Excel itself can autofit instead.
   */
  heights: Map<number, number>;
  tables: OutTable[];
  freezeRows: number;
  print: PrintSetup;
  chart?: ChartSpec;
}

export type CellInput = OutCell | string | number | null;

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Errore', warning: 'Avviso', info: 'Informazione' };

/** Highlight of an input cell by severity (Excel's own "bad / neutral" tones, and a light blue). */
export const SEVERITY_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

/** One named font for everything written (an unnamed font is drawn in a serif face by LibreOffice). */
export const FONT = { name: 'Calibri', size: 11 } as const;
/** Whole numbers with the thousands separator: 1.711 in Italian Excel. */
export const COUNT_FORMAT = '#,##0';
/** Footer of every printed page ("Pagina 2 di 5"), in Excel's header/footer codes. */
export const PAGE_FOOTER = '&CPagina &P di &N';

/** A4 landscape, in points; margins of about 1 cm at the sides and 1.5 cm above and below (footer inside). */
export const PAGE = {
  width: 841.89,
  height: 595.28,
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } satisfies Margins,
} as const;
/** Below this the printed text is too small for the Assemblea: every output sheet's widths must allow it. */
export const MIN_PRINT_SCALE = 0.85;

const PRINTABLE = {
  width: PAGE.width - 72 * (PAGE.margins.left + PAGE.margins.right),
  height: PAGE.height - 72 * (PAGE.margins.top + PAGE.margins.bottom),
};
/**
 * Points a column of `w` units takes when printed. Excel: 7 px a unit at 96 dpi (the unit is the width
 * of a digit of Calibri 11, and the stored width includes the cell's padding); LibreOffice, measured on
 * its PDFs: 5.58 points a unit (the width of a digit of Carlito 11), a little wider.
 */
const columnPoints = { excel: (w: number) => w * 5.25, libreoffice: (w: number) => w * 5.58 };

/** The scale at which columns of these widths print one A4 landscape page wide (never above 100%). */
export function printScaleOf(widths: number[], renderer: keyof typeof columnPoints = 'libreoffice'): number {
  const points = widths.reduce((n, w) => n + columnPoints[renderer](w), 0);
  return Math.min(1, PRINTABLE.width / points);
}

/** The most column units an output sheet may have (at 85% in LibreOffice, the narrower of the two): for builders choosing widths. */
export const MAX_PAGE_UNITS = Math.floor(PRINTABLE.width / MIN_PRINT_SCALE / 5.58);

export interface StyleSpec {
  bold?: boolean;
  size?: number;
  font?: string;
  fill?: string;
  wrap?: boolean;
  topBorder?: boolean;
}

/** How each style looks, in #RRGGBB: one table for every shell (Office.js, the .xlsx file). */
export const STYLES: Record<CellStyle, StyleSpec> = {
  title: { bold: true, size: 14, font: '#1F3864' },
  subtitle: { bold: true, size: 11, font: '#2F5496' },
  header: { bold: true, font: '#FFFFFF', fill: '#2F5496', wrap: true },
  total: { bold: true, topBorder: true },
  label: { font: '#404040' },
  ok: { bold: true, font: '#006100', fill: '#C6EFCE' },
  error: { bold: true, font: '#9C0006', fill: SEVERITY_FILL.error },
  warning: { font: '#7F6000', fill: SEVERITY_FILL.warning },
  info: { font: '#1F4E79', fill: SEVERITY_FILL.info },
};

/**
 * Counts get the thousands separator unless the caller chose a format (a year is written "0"). Every
 * cell has the same four fields, set or not: one object shape, which keeps the measuring of tens of
 * thousands of them quick.
 */
const toCell = (c: CellInput): OutCell | null => {
  if (c === null) return null;
  const { v, style, link, format } = typeof c === 'object' ? c : { v: c, style: undefined, link: undefined, format: undefined };
  return { v, style, link, format: format === undefined && typeof v === 'number' && Number.isInteger(v) ? COUNT_FORMAT : format };
};

/** Points a line of 11-point text takes in a row Excel sizes (LibreOffice's lines are a little shorter). */
const LINE_POINTS = 15;
/** Heights Excel gives a row it sizes itself: 11-point text, and the 14-point title. */
const NATURAL_POINTS = { line: 15, title: 18.75 };
/** Room left at the foot of each page for what the estimate may miss (a renderer's rounding). */
const PAGE_SLACK = 8;
/** Manual page breaks written at most (Excel allows 1,026 a sheet). */
const MAX_BREAKS = 1_000;

/** Advance widths in thousandths of an em by character code; characters not in the table count as wide as an "M". */
function advances(widths: number[], wide: number): Uint16Array {
  const table = new Uint16Array(65_536).fill(wide);
  [...METRIC_CHARS].forEach((ch, i) => (table[ch.charCodeAt(0)] = widths[i]!));
  return table;
}
// Two plain constants (not fields of one object): V8 keeps the loops below optimized.
const REGULAR_ADVANCE = advances(REGULAR_WIDTHS, 855);
const BOLD_ADVANCE = advances(BOLD_WIDTHS, 874);
/** The widest character: a text this many characters long fits where they would, without measuring it. */
const WIDEST = Math.max(...REGULAR_WIDTHS, ...BOLD_WIDTHS, 874);

/** Width in points of a text on one line, in Calibri (its metrics are Carlito's). */
export function textPoints(text: string, bold = false, size: number = FONT.size): number {
  const table = bold ? BOLD_ADVANCE : REGULAR_ADVANCE;
  let em = 0;
  for (let i = 0; i < text.length; i++) em += table[text.charCodeAt(i)]!;
  return (em * size) / 1000;
}

/**
 * Points of a column of `w` units where text goes in Excel: its 7 px a unit less about 6 px of margins
 * and grid line. Narrower than LibreOffice's: a text measured against it takes at least as many lines there.
 */
export function textRoom(w: number): number {
  return Math.max(1, (7 * w - 6) * 0.75);
}

/** Lines of the texts measured, per column room and weight: a rule's title on 3,000 rows of Anomalie is measured once. */
const measured = new Map<number, Map<string, number>>();

/** Lines a text takes in a column of `width` units, wrapped at spaces as Excel wraps it. */
export function linesOf(text: string, width: number, bold = false, size: number = FONT.size): number {
  // In thousandths of an em of the text's size (Anomalie measures tens of thousands of cells).
  const room = (textRoom(width) * 1000) / size;
  if (text.length * WIDEST <= room && text.indexOf('\n') < 0) return 1;
  const table = bold ? BOLD_ADVANCE : REGULAR_ADVANCE;
  // A short text is counted faster than it is looked up (most of Anomalie's rows are unique and short).
  if (text.length <= 96) return countLines(text, room, table);
  const key = Math.round(room) * 2 + (bold ? 1 : 0);
  let known = measured.get(key);
  if (!known) measured.set(key, (known = new Map()));
  let lines = known.get(text);
  if (lines === undefined) {
    if (known.size > 20_000) known.clear();
    known.set(text, (lines = countLines(text, room, table)));
  }
  return lines;
}

/** One pass over the text, nothing allocated: words placed on lines as they end. */
function countLines(text: string, room: number, table: Uint16Array): number {
  const space = table[32]!;
  let lines = 1;
  let line = -1; // -1: nothing on the line yet
  let word = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = i < text.length ? text.charCodeAt(i) : 10;
    if (ch !== 32 && ch !== 10) {
      word += table[ch]!;
      continue;
    }
    if (line < 0) line = word;
    else if (line + space + word <= room) line += space + word;
    else {
      lines++;
      line = word;
    }
    // A word wider than the column is cut where it reaches the edge.
    while (line > room) {
      lines++;
      line -= room;
    }
    word = 0;
    if (ch === 10 && i < text.length) {
      lines++;
      line = -1;
    }
  }
  return lines;
}

const isBold = (cell: OutCell) => cell.style === 'header' || STYLES[cell.style ?? 'label']?.bold === true;
const sizeOf = (cell: OutCell) => STYLES[cell.style ?? 'label']?.size ?? FONT.size;
const runsAcross = (cell: OutCell) => cell.style === 'title' || cell.style === 'subtitle';
/** Rows a table keeps with its header at the foot of a page; a table this short is kept whole. */
const KEEP_ROWS = 3;
const SMALL_TABLE = 8;

export interface SheetOptions {
  /**
   * Columns that print, from the first (default: all). Columns after them are for the screen only
   * (a detail such as a rule's code): they stay off the printed page and out of its width.
   */
  printedColumns?: number;
}

export interface TableOptions {
  /** The line written instead of an empty table. */
  emptyText?: string;
  /** Columns whose texts wrap in this table (beyond the sheet's wrap columns; headers always wrap). */
  wrap?: number[];
  /** One-line rows written just after the table (its total, a note) that go on the same page as a short table. */
  trailing?: number;
}

type Row = (OutCell | null)[];

export class SheetBuilder {
  private readonly rows: Row[] = [];
  private readonly tables: OutTable[] = [];
  private freezeRows = 0;
  private chart?: ChartSpec;
  private readonly wrapAreas: WrapArea[] = [];
  /** Cells wrapped because their text is wider than the column and would be cut by the next cell (or the page's edge). */
  private readonly fitted = new Map<number, Set<number>>();
  private readonly merges: Merge[] = [];
  private readonly breaks = new Set<number>();
  private readonly wrapSet: Set<number>;
  /** Each row's height, measured when it is added (its wrapping is known by then). */
  private readonly heights: { points: number; explicit: boolean }[] = [];
  /** The merged paragraph or title of a row, if any (a row has one at most). */
  private readonly mergeOf = new Map<number, Merge>();
  /** Columns on the printed page, from the first. */
  private readonly printed: number;
  /** The last row whose place on its page was decided on (a table kept with its header, a part cut): the pages up to it must be ours. */
  private decided = 0;

  /**
   * `widths`: the columns in Excel's units, the printed ones adding up to at most MAX_PAGE_UNITS (the
   * sheet prints one page wide at 85% or more; see `opts.printedColumns`); `wrapCols`: the columns whose texts wrap on every row (a table may wrap
   * more of its own; table headers always do). Any other text too wide for its column wraps where the
   * next cell would cut it; a title too wide for the page wraps across it.
   */
  constructor(
    private readonly name: string,
    private readonly widths: number[],
    private readonly wrapCols: number[] = [],
    opts: SheetOptions = {},
  ) {
    this.wrapSet = new Set(wrapCols);
    this.printed = Math.min(widths.length, opts.printedColumns ?? widths.length);
  }

  /** The widths of the columns that print. */
  private get printedWidths(): number[] {
    return this.widths.slice(0, this.printed);
  }

  get nextRow(): number {
    return this.rows.length;
  }

  row(cells: CellInput[]): number {
    return this.add(cells.map(toCell));
  }

  title(text: string): void {
    this.heading(text, 'title');
  }

  subtitle(text: string): void {
    this.heading(text, 'subtitle');
  }

  /** A title runs over the empty cells to its right; one wider than the page wraps across it (past the edge it would be cut). */
  private heading(text: string, style: 'title' | 'subtitle'): void {
    const cell = toCell({ v: text, style })!;
    if (this.printed > 1 && textPoints(text, true, sizeOf(cell)) > textRoom(this.printedWidths.reduce((n, w) => n + w, 0))) {
      const merge = { r: this.rows.length, c0: 0, c1: this.printed - 1 };
      this.merges.push(merge);
      this.mergeOf.set(merge.r, merge);
    }
    this.add([cell]);
  }

  blank(): void {
    this.add([]);
  }

  /** A label and its value on one row. */
  pair(label: string, value: CellInput): number {
    return this.row([{ v: label, style: 'label' }, value]);
  }

  /**
   * A text too long for one column, wrapped across the rest of the page: after a label in the first
   * column, or from the first column when there is none. Outside any table (a table cannot merge cells).
   */
  paragraph(label: string | null, text: string, style: CellStyle = 'label'): number {
    const c0 = label === null ? 0 : 1;
    const cells: Row = [...(label === null ? [] : [{ v: label, style: 'label' as const }]), { v: text, style }].map(toCell);
    const merge = { r: this.rows.length, c0, c1: this.printed - 1 };
    // A caption just above goes to the next page with the paragraph, never alone at the foot of one.
    this.keepTogether(this.heightOf(cells, () => false, merge).points);
    this.merges.push(merge);
    this.mergeOf.set(merge.r, merge);
    return this.add(cells);
  }

  totalRow(cells: CellInput[]): number {
    return this.row(cells.map((c) => (c === null ? null : { ...(typeof c === 'object' ? c : { v: c }), style: 'total' as const })));
  }

  /** Starts a new printed page at the next row. */
  pageBreak(): void {
    if (this.rows.length > 0) this.breaks.add(this.rows.length);
  }

  /** Header and rows as an Excel table (no rows: a line saying so, outside any table). */
  table(name: string, headers: string[], rows: CellInput[][], opts: TableOptions = {}): OutTable | null {
    const header = headers.map((h) => toCell({ v: h, style: 'header' })!);
    const cells = rows.map((r) => r.map(toCell));
    const wrap = this.wrapOf(opts);
    // A short table goes on one page with what follows it; a long one keeps its first rows with its header.
    const whole = cells.length <= SMALL_TABLE;
    const heightOf = (cs: Row) => this.measure(cs, wrap, this.fitting(cs, wrap)).points;
    this.keepTogether([header, ...cells.slice(0, whole ? cells.length : KEEP_ROWS)].reduce((n, cs) => n + heightOf(cs), 0) + (whole ? (opts.trailing ?? 0) * NATURAL_POINTS.line : 0));
    const headerRow = this.add(header);
    for (const r of cells) this.add(r, wrap);
    if (rows.length === 0) {
      this.row([{ v: opts.emptyText ?? 'Nessuna riga.', style: 'label' }]);
      return null;
    }
    for (const c of opts.wrap ?? []) this.wrapAreas.push({ c, r0: headerRow + 1, r1: this.rows.length - 1 });
    const t = { name, headerRow, firstCol: 0, lastCol: headers.length - 1, lastRow: this.rows.length - 1 };
    this.tables.push(t);
    return t;
  }

  /**
   * A table that may run over several printed pages of a sheet that has other tables (the repeated
   * print rows can only be one band of the sheet): cut where a page ends, each part on a new page under
   * its own header ("… (segue)"), each part an Excel table of its own (`name`, `name2`…), the last part
   * never fewer than three rows, and the total row kept with it.
   */
  pagedTable(name: string, headers: string[], rows: CellInput[][], opts: TableOptions & { total?: CellInput[] } = {}): OutTable[] {
    if (rows.length === 0) {
      this.table(name, headers, rows, opts);
      return [];
    }
    const wrap = this.wrapOf(opts);
    const header = (part: number) => headers.map((h, c) => toCell({ v: part > 1 && c === 0 ? `${h} (segue)` : h, style: 'header' })!);
    const cells = rows.map((r) => r.map(toCell));
    const total = opts.total ? opts.total.map((c) => (c === null ? null : { ...toCell(c)!, style: 'total' as const })) : null;
    const heightOf = (cs: Row) => this.measure(cs, wrap, this.fitting(cs, wrap)).points;
    const headerHeight = Math.max(heightOf(header(1)), heightOf(header(2)));
    const heights = cells.map(heightOf);
    const totalHeight = total ? heightOf(total) : 0;
    const n = cells.length;
    const first = Math.min(n, n <= SMALL_TABLE ? n : KEEP_ROWS);
    let y = this.keepTogether(headerHeight + heights.slice(0, first).reduce((a, b) => a + b, 0) + (first === n ? totalHeight : 0));
    const room = this.pageRoom();
    // Where each part starts: as many rows as the page holds, the last part at least KEEP_ROWS.
    const starts: number[] = [];
    for (let i = 0; i < n; ) {
      if (starts.length) y = 0;
      starts.push(i);
      const start = i;
      y += headerHeight;
      for (; i < n; i++) {
        const need = heights[i]! + (i === n - 1 ? totalHeight : 0);
        if (i > start && y + need > room) break;
        y += heights[i]!;
      }
      if (i < n && n - i < KEEP_ROWS) i = Math.max(start + 1, n - KEEP_ROWS);
    }
    const parts = starts.map((start, k) => {
      if (k > 0) this.breaks.add(this.rows.length);
      const headerRow = this.add(header(k + 1));
      for (const r of cells.slice(start, starts[k + 1] ?? n)) this.add(r, wrap);
      for (const c of opts.wrap ?? []) this.wrapAreas.push({ c, r0: headerRow + 1, r1: this.rows.length - 1 });
      const t = { name: k === 0 ? name : `${name}${k + 1}`, headerRow, firstCol: 0, lastCol: headers.length - 1, lastRow: this.rows.length - 1 };
      this.tables.push(t);
      return t;
    });
    if (total) this.add(total, wrap);
    return parts;
  }

  freeze(rows: number): void {
    this.freezeRows = rows;
  }

  /**
   * A bar chart of one column of a table against its first column, placed under the last row when the
   * sheet is built: beside the tables it would widen the printed page.
   */
  barChart(title: string, table: OutTable, valueCol: number): void {
    const first = table.headerRow + 1;
    this.chart = {
      title,
      categories: `${a1(first, table.firstCol)}:${a1(table.lastRow, table.firstCol)}`,
      values: `${a1(first, valueCol)}:${a1(table.lastRow, valueCol)}`,
      anchor: '',
    };
  }

  /** Adds a row, wrapping what would be cut: a text wider than its column with the next cell taken, a title wider than the page. */
  private add(cells: Row, wrap: Set<number> = this.wrapSet): number {
    const r = this.rows.push(cells) - 1;
    const fit = this.fitting(cells, wrap, this.mergeOf.get(r));
    if (fit) this.fitted.set(r, fit);
    this.heights.push(this.measure(cells, wrap, fit, this.mergeOf.get(r)));
    return r;
  }

  /** The cells of a row to wrap so that nothing is cut: a text wider than its column with the next cell taken (or the page's edge next). */
  private fitting(cells: Row, wrap: Set<number>, merge?: Merge): Set<number> | undefined {
    // Past the last printed column the page ends: a text there is cut as by a taken cell.
    const last = this.printed - 1;
    let fit: Set<number> | undefined;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell || typeof cell.v !== 'string' || cell.v === '' || cell.style === 'header' || runsAcross(cell) || wrap.has(c) || merge?.c0 === c) continue;
      const room = textRoom(this.widths[c] ?? 10);
      // Short texts fit whatever their letters (most cells of Anomalie): nothing to measure.
      if (cell.v.length * WIDEST * sizeOf(cell) <= room * 1000) continue;
      const next = cells[c + 1];
      const taken = c === last || c === this.widths.length - 1 || (next !== undefined && next !== null && next.v !== null && next.v !== '');
      if (taken && textPoints(cell.v, isBold(cell), sizeOf(cell)) > room) (fit ??= new Set()).add(c);
    }
    return fit;
  }

  /** A row's height with these cells wrapped. */
  private measure(cells: Row, wrap: Set<number>, fit?: Set<number>, merge?: Merge): { points: number; explicit: boolean } {
    return this.heightOf(cells, (c) => wrap.has(c) || fit?.has(c) === true, merge);
  }

  private wrapOf(opts: TableOptions): Set<number> {
    return new Set([...this.wrapCols, ...(opts.wrap ?? [])]);
  }

  /** Last row repeated at the top of every printed page: the frozen title and header, else title and subtitle. */
  private lastTitleRow(): number {
    return this.freezeRows ? this.freezeRows - 1 : 1;
  }

  /**
   * Lines and points of a row: the wrapped cells (table headers, the wrap columns, merged paragraphs
   * and titles) measured against their width; a title that runs across is one line of its size.
   */
  private heightOf(cells: Row, wrapped: (c: number) => boolean, merge?: Merge): { points: number; explicit: boolean } {
    let natural = NATURAL_POINTS.line;
    let measuredPoints = 0;
    let explicit = false;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      const { v, style } = cell;
      if (v === null) continue;
      const merged = merge?.c0 === c;
      if (!merged && (style === 'title' || style === 'subtitle' || (style !== 'header' && !wrapped(c)))) {
        if (style === 'title') natural = NATURAL_POINTS.title;
        continue;
      }
      const width = merged ? this.widths.slice(merge!.c0, merge!.c1 + 1).reduce((n, w) => n + w, 0) : this.widths[c] ?? 10;
      const spec = STYLES[style ?? 'label'];
      const size = spec.size ?? FONT.size;
      const lines = linesOf(typeof v === 'string' ? v : String(v), width, style === 'header' || spec.bold === true, size);
      explicit ||= style === 'header' || merged || lines > 1;
      measuredPoints = Math.max(measuredPoints, (lines * LINE_POINTS * size) / FONT.size + 3);
    }
    return explicit ? { points: Math.max(measuredPoints, natural), explicit } : { points: natural, explicit };
  }

  private rowHeights(): { points: number; explicit: boolean }[] {
    return this.heights;
  }

  /**
   * Sheet points a printed page holds under the repeated rows, at the largest scale the sheet may
   * print at (Excel's): the estimate errs towards fewer rows per page.
   */
  private pageRoom(heights = this.rowHeights()): number {
    const band = heights.slice(0, this.lastTitleRow() + 1).reduce((n, h) => n + h.points, 0);
    return PRINTABLE.height / printScaleOf(this.printedWidths, 'excel') - band - PAGE_SLACK;
  }

  /**
   * Where each printed page starts below the repeated rows, by this builder's estimate: at the manual
   * breaks, and wherever a page is full. `build` makes them manual breaks up to the last decision taken
   * on them, so that those pages are these and not Excel's or LibreOffice's own (which differ from each
   * other by a few rows a page): a table can then be kept with its header, or cut under a repeated one,
   * knowing where.
   */
  private pageStarts(heights = this.rowHeights()): { starts: number[]; used: number } {
    const room = this.pageRoom(heights);
    const starts: number[] = [];
    let y = 0;
    let start = this.lastTitleRow() + 1;
    const styleAt = (r: number) => this.rows[r]?.[0]?.style;
    for (let r = start; r < heights.length; r++) {
      const h = heights[r]!.points;
      if (this.breaks.has(r)) {
        starts.push((start = r));
        y = 0;
      } else if (y > 0 && y + h > room) {
        // A caption goes over with what it introduces, a total with the row above it.
        const back = r - 1 > start && (styleAt(r - 1) === 'subtitle' || styleAt(r) === 'total') ? 1 : 0;
        starts.push((start = r - back));
        y = back ? heights[r - 1]!.points : 0;
      }
      y += h;
    }
    return { starts, used: y };
  }

  /**
   * Starts a new page before what comes next (`need` points of it) when it does not fit on this one,
   * taking along a caption just above: never a header or a caption alone at the foot of a page. Returns
   * the points used on the page before what comes next.
   */
  private keepTogether(need: number): number {
    this.decided = this.rows.length;
    const heights = this.rowHeights();
    const room = this.pageRoom(heights);
    const y = this.pageStarts(heights).used;
    const last = this.rows.length - 1;
    const captioned = last > this.lastTitleRow() && this.rows[last]?.[0]?.style === 'subtitle';
    const caption = captioned ? heights[last]!.points : 0;
    if (y > caption && y + need > room) {
      this.breaks.add(captioned ? last : this.rows.length);
      return caption;
    }
    return y;
  }

  private allWrapAreas(): WrapArea[] {
    const last = Math.max(0, this.rows.length - 1);
    return [...this.wrapCols.map((c) => ({ c, r0: 0, r1: last })), ...this.wrapAreas];
  }

  /**
   * The cells wrapped to fit, as few areas as possible (each is a request in Office.js): a column from
   * one such cell down to the last, through the cells between that wrapping leaves as they are (empty,
   * numbers, texts that fit), never through a text that runs into an empty neighbour.
   */
  private fittedAreas(): WrapArea[] {
    const byCol = new Map<number, number[]>();
    for (const [r, cols] of this.fitted) {
      for (const c of cols) {
        const rows = byCol.get(c);
        if (rows) rows.push(r);
        else byCol.set(c, [r]);
      }
    }
    const out: WrapArea[] = [];
    for (const [c, rows] of byCol) {
      rows.sort((a, b) => a - b);
      const unchanged = (r: number) => {
        const cell = this.rows[r]?.[c];
        return !cell || typeof cell.v !== 'string' || cell.v === '' || textPoints(cell.v, isBold(cell)) <= textRoom(this.widths[c] ?? 10);
      };
      let area: WrapArea | null = null;
      for (const r of rows) {
        if (area) {
          let k: number = area.r1 + 1;
          while (k < r && unchanged(k)) k++;
          if (k === r) {
            area.r1 = r;
            continue;
          }
        }
        out.push((area = { c, r0: r, r1: r }));
      }
    }
    return out;
  }

  build(): OutSheet {
    const rowHeights = this.rowHeights();
    const heights = new Map<number, number>();
    rowHeights.forEach((h, r) => {
      if (h.explicit) heights.set(r, h.points);
    });
    // The pages up to the last decision are made ours with manual breaks; after it (the rest of the
    // last table) Excel's and LibreOffice's own pagination is as good, and the print titles repeat the
    // header. Excel keeps at most 1,026 manual breaks a sheet.
    const breaks = this.pageStarts(rowHeights).starts.filter((r) => this.breaks.has(r) || r <= this.decided).slice(0, MAX_BREAKS);
    return {
      name: this.name,
      rows: this.rows,
      widths: this.widths,
      wrapAreas: [...this.allWrapAreas(), ...this.fittedAreas()],
      merges: this.merges,
      heights,
      tables: this.tables,
      freezeRows: this.freezeRows,
      // The frozen rows (title and table header) repeat on every printed page; without, title and subtitle.
      print: {
        titleRows: [0, this.lastTitleRow()],
        footer: PAGE_FOOTER,
        margins: PAGE.margins,
        breaks,
        scale: printScaleOf(this.printedWidths),
        columns: this.printed,
      },
      ...(this.chart ? { chart: { ...this.chart, anchor: a1(this.rows.length + 1, 0) } } : {}),
    };
  }
}
