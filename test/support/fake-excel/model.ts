/**
 * The data behind the fake Excel host: sheets of sparse cells with values, formulas, number formats,
 * fills and fonts; tables (which grow when a value is written next to them, as Excel's AutoCorrect
 * does), charts, conditional formats, notes, threaded comments and the add-in's settings. Plain data,
 * so tests can compare whole workbooks (`dump`) before and after the add-in ran, and play the user's
 * own edits between runs (user-edits.ts).
 */
import { a1 } from '../../../src/core/address';

export type Scalar = string | number | boolean | null;

export interface CellData {
  value: Scalar;
  /** Set when a string beginning with "=" was written to a cell not formatted as text. */
  formula?: string;
  numberFormat?: string;
  fill?: string;
  font?: { bold?: boolean; italic?: boolean; color?: string; underline?: string; size?: number; name?: string };
  wrapText?: boolean;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string };
}

/** A rectangle of cells, zero-based and inclusive. */
export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface TableData extends Area {
  id: string;
  name: string;
  sheet: string;
  style?: string;
}

export interface ChartData {
  id: string;
  sheet: string;
  type: string;
  source: string;
  xValues?: string;
  title?: string;
  position?: string;
  name?: string;
}

export interface ConditionalFormatData {
  id: string;
  type: string;
  areas: Area[];
  formula?: string;
  fill?: string;
  font?: { bold?: boolean; italic?: boolean; color?: string; name?: string; size?: number };
}

export interface SheetData {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  cells: Map<number, CellData>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  freezeRows: number;
  validations: { address: string; source: string }[];
  conditionalFormats: ConditionalFormatData[];
  /** Print settings (Worksheet.pageLayout, ExcelApi 1.9), as set. */
  pageLayout: Record<string, unknown>;
  /** Rows Excel was asked to fit to their content (RangeFormat.autofitRows), as "r0:r1". */
  autofitRows: string[];
  /** Merged areas (Range.merge). */
  merges: Area[];
  /** Manual page breaks (Worksheet.horizontalPageBreaks, ExcelApi 1.9): the zero-based rows they come before. */
  pageBreaks: number[];
}

export interface NoteData {
  sheet: string;
  address: string; // A1 of a single cell
  content: string;
}

export interface CommentData {
  id: string;
  sheet: string;
  address: string;
  content: string;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
export const key = (r: number, c: number) => r * MAX_COLS + c;
export const rowOf = (k: number) => Math.floor(k / MAX_COLS);
export const colOf = (k: number) => k % MAX_COLS;

export function areaAddress(a: Area): string {
  const start = a1(a.r0, a.c0);
  const end = a1(a.r1, a.c1);
  return start === end ? start : `${start}:${end}`;
}

export class WorkbookData {
  sheets: SheetData[] = [];
  tables: TableData[] = [];
  charts: ChartData[] = [];
  notes: NoteData[] = [];
  comments: CommentData[] = [];
  /** The add-in's own settings (Workbook.settings): stored in the file, invisible to the user. */
  settings = new Map<string, unknown>();
  /** Defined names (Formulas › Name Manager): they share one namespace with table names. */
  names: { name: string; formula: string }[] = [];
  activeSheet = '';
  /** Review › Protect Workbook: sheets cannot be added, deleted or renamed. */
  structureProtected = false;
  selection = '';
  private nextId = 1;

  id(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  sheet(name: string): SheetData | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): SheetData {
    const s: SheetData = {
      id: this.id('ws'), name, visibility: 'Visible', protected: false,
      cells: new Map(), columnWidths: new Map(), rowHeights: new Map(), freezeRows: 0, validations: [], conditionalFormats: [],
      pageLayout: {}, autofitRows: [], merges: [], pageBreaks: [],
    };
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = name;
    return s;
  }

  /** Fills a sheet from rows of values, as a user typing them would. */
  static fromRows(sheets: Record<string, Scalar[][]>): WorkbookData {
    const wb = new WorkbookData();
    for (const [name, rows] of Object.entries(sheets)) {
      const s = wb.addSheet(name);
      rows.forEach((row, r) => row.forEach((v, c) => {
        if (v !== null && v !== '') s.cells.set(key(r, c), { value: v });
      }));
    }
    return wb;
  }

  /**
   * Excel's AutoCorrect "include new rows and columns in the table": a value written in the column
   * just right of a table (beside its rows) or in the row just below it makes the table grow. It
   * applies to the API's writes too.
   */
  /** A table header emptied by a write: Excel names the column again ("Colonna1"), a header is never blank. */
  headerFor(sheet: SheetData, r: number, c: number): string | null {
    const t = this.tables.find((x) => x.sheet === sheet.name && x.r0 === r && c >= x.c0 && c <= x.c1);
    return t ? `Colonna${c - t.c0 + 1}` : null;
  }

  growTablesFor(sheet: SheetData, r: number, c: number): void {
    for (const t of this.tables) {
      if (t.sheet !== sheet.name) continue;
      if (c === t.c1 + 1 && r >= t.r0 && r <= t.r1) t.c1 = c;
      else if (r === t.r1 + 1 && c >= t.c0 && c <= t.c1) t.r1 = r;
    }
  }
}

export function hasFormat(cell: CellData): boolean {
  return !!(cell.fill || cell.font || cell.numberFormat || cell.hyperlink || cell.wrapText);
}

/** Used range: the bounding box of cells with a value or a format (Excel counts formatted cells). */
export function usedBox(s: SheetData, valuesOnly = false): Area | null {
  let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
  for (const [k, cell] of s.cells) {
    const hasValue = cell.value !== null && cell.value !== '';
    if (!hasValue && (valuesOnly || !hasFormat(cell))) continue;
    const r = rowOf(k), c = colOf(k);
    if (r < r0) r0 = r;
    if (r > r1) r1 = r;
    if (c < c0) c0 = c;
    if (c > c1) c1 = c;
  }
  return r1 < 0 ? null : { r0, c0, r1, c1 };
}

/**
 * A canonical dump of the workbook for equality tests: every sheet's cells and formats, conditional
 * formats, tables, charts, notes, comments and settings, without the ids the fake assigns (they
 * change when things are recreated).
 */
export function dump(wb: WorkbookData): unknown {
  const sortBy = <T>(xs: T[], k: (x: T) => string) => [...xs].sort((a, b) => k(a).localeCompare(k(b)));
  return {
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      protected: s.protected,
      freezeRows: s.freezeRows,
      cells: [...s.cells.entries()].filter(([, c]) => Object.keys(c).some((k) => k !== 'value' || (c.value !== null && c.value !== ''))).sort((a, b) => a[0] - b[0]).map(([k, c]) => [rowOf(k), colOf(k), c]),
      columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
      rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
      pageLayout: s.pageLayout,
      autofitRows: s.autofitRows,
      merges: s.merges.map(areaAddress),
      pageBreaks: s.pageBreaks,
      validations: s.validations,
      conditionalFormats: s.conditionalFormats.map(({ id: _id, areas, ...cf }) => ({ ...cf, areas: areas.map(areaAddress).join(',') })),
    })),
    tables: sortBy(wb.tables.map(({ id: _id, r0, c0, r1, c1, ...t }) => ({ ...t, address: areaAddress({ r0, c0, r1, c1 }) })), (t) => t.name),
    charts: sortBy(wb.charts.map(({ id: _id, ...c }) => c), (c) => `${c.sheet}${c.source}`),
    notes: sortBy(wb.notes, (n) => `${n.sheet}!${n.address}`),
    comments: sortBy(wb.comments.map(({ id: _id, ...c }) => c), (c) => `${c.sheet}!${c.address}`),
    names: wb.names,
    settings: [...wb.settings.entries()].sort((a, b) => a[0].localeCompare(b[0])),
  };
}
