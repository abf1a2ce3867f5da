/** A small builder for the output sheets: rows of cells with a style, tables and a chart, as data. */
import { a1 } from '../address';
import { Severity } from '../rules/rule';

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

/** How the sheet prints: A4 landscape, as wide as the page, these rows repeated on every page. */
export interface PrintSetup {
  /** Zero-based, inclusive: the title and the table header, as frozen on screen. */
  titleRows: [number, number];
  footer: string;
}

export interface OutSheet {
  name: string;
  rows: (OutCell | null)[][];
  /** Column widths in Excel's units (characters of the default font). */
  widths: number[];
  /** Where long texts wrap (messages, descriptions) instead of running into the next column: a column over some rows. */
  wrapAreas: WrapArea[];
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

/** Counts get the thousands separator unless the caller chose a format (a year is written "0"). */
const toCell = (c: CellInput): OutCell | null => {
  if (c === null) return null;
  const cell = typeof c === 'object' ? c : { v: c };
  return typeof cell.v === 'number' && cell.format === undefined && Number.isInteger(cell.v) ? { ...cell, format: COUNT_FORMAT } : cell;
};

/** Points per line of 11-point text, and the width a character takes on average, in column units. */
const LINE_POINTS = 15;
// Measured on pages rendered by LibreOffice (Carlito, metric-compatible with Calibri): an Italian text
// line of 11 points fits about 1.2 characters per column unit (a unit is the width of a '0'); bold fewer.
const CHAR_WIDTH = { normal: 0.84, bold: 0.92 };

/** Repeated texts (a rule's title on 3,000 rows) are measured once. */
const measured = new Map<string, number>();

/** Lines a text takes in a column of `width` characters, wrapped at words. */
export function linesOf(text: string, width: number, bold = false): number {
  const room = Math.max(1, Math.floor(width / CHAR_WIDTH[bold ? 'bold' : 'normal']));
  if (text.length <= room && !text.includes('\n')) return 1;
  const key = `${room}|${text}`;
  let lines = measured.get(key);
  if (lines === undefined) {
    lines = countLines(text, room);
    if (measured.size > 5_000) measured.clear();
    measured.set(key, lines);
  }
  return lines;
}

function countLines(text: string, room: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(' ')) {
      const w = word.length;
      if (line === 0) line = w;
      else if (line + 1 + w <= room) line += 1 + w;
      else {
        lines++;
        line = w;
      }
      while (line > room) {
        lines++;
        line -= room;
      }
    }
  }
  return lines;
}

export class SheetBuilder {
  private readonly rows: (OutCell | null)[][] = [];
  private readonly tables: OutTable[] = [];
  private freezeRows = 0;
  private chart?: ChartSpec;

  private readonly wrapAreas: WrapArea[] = [];

  /** `wrapCols`: the columns whose texts wrap on every row; a table may wrap more of its own (table headers always do). */
  constructor(private readonly name: string, private readonly widths: number[], private readonly wrapCols: number[] = []) {}

  get nextRow(): number {
    return this.rows.length;
  }

  row(cells: CellInput[]): number {
    this.rows.push(cells.map(toCell));
    return this.rows.length - 1;
  }

  title(text: string): void {
    this.row([{ v: text, style: 'title' }]);
  }

  subtitle(text: string): void {
    this.row([{ v: text, style: 'subtitle' }]);
  }

  blank(): void {
    this.rows.push([]);
  }

  /** A label and its value on one row. */
  pair(label: string, value: CellInput): number {
    return this.row([{ v: label, style: 'label' }, value]);
  }

  totalRow(cells: (string | number)[]): void {
    this.row(cells.map((v) => ({ v, style: 'total' })));
  }

  /** Header and rows as an Excel table (no rows: a line saying so, outside any table). */
  table(name: string, headers: string[], rows: CellInput[][], opts: { emptyText?: string; wrap?: number[] } = {}): OutTable | null {
    const headerRow = this.row(headers.map((h) => ({ v: h, style: 'header' })));
    for (const r of rows) this.row(r);
    if (rows.length) for (const c of opts.wrap ?? []) this.wrapAreas.push({ c, r0: headerRow + 1, r1: this.rows.length - 1 });
    if (rows.length === 0) {
      this.row([{ v: opts.emptyText ?? 'Nessuna riga.', style: 'label' }]);
      return null;
    }
    const t = { name, headerRow, firstCol: 0, lastCol: headers.length - 1, lastRow: this.rows.length - 1 };
    this.tables.push(t);
    return t;
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

  /** Heights that fit the wrapped texts: table headers and the wrap columns (titles run across). */
  private heights(): Map<number, number> {
    const headers = new Set(this.tables.map((t) => t.headerRow));
    const areas = this.allWrapAreas();
    const byCol = new Map<number, WrapArea[]>();
    for (const a of areas) byCol.set(a.c, [...(byCol.get(a.c) ?? []), a]);
    const wrapped = (r: number, c: number) => byCol.get(c)?.some((a) => r >= a.r0 && r <= a.r1) ?? false;
    const out = new Map<number, number>();
    this.rows.forEach((row, r) => {
      let lines = 1;
      row.forEach((cell, c) => {
        if (!cell || cell.v === null || cell.style === 'title' || cell.style === 'subtitle' || (cell.style !== 'header' && !wrapped(r, c))) return;
        lines = Math.max(lines, linesOf(String(cell.v), this.widths[c] ?? 10, cell.style === 'header' || STYLES[cell.style ?? 'label']?.bold === true));
      });
      if (lines > 1 || headers.has(r)) out.set(r, Math.max(1, lines) * LINE_POINTS + 3);
    });
    return out;
  }

  private allWrapAreas(): WrapArea[] {
    const last = Math.max(0, this.rows.length - 1);
    return [...this.wrapCols.map((c) => ({ c, r0: 0, r1: last })), ...this.wrapAreas];
  }

  build(): OutSheet {
    const last = Math.max(0, this.freezeRows - 1);
    return {
      name: this.name,
      rows: this.rows,
      widths: this.widths,
      wrapAreas: this.allWrapAreas(),
      heights: this.heights(),
      tables: this.tables,
      freezeRows: this.freezeRows,
      // The frozen rows (title and table header) repeat on every printed page; without, the title.
      print: { titleRows: [0, this.freezeRows ? last : 1], footer: PAGE_FOOTER },
      ...(this.chart ? { chart: { ...this.chart, anchor: a1(this.rows.length + 1, 0) } } : {}),
    };
  }
}
