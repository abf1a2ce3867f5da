/**
 * The data behind the fake Excel: sheets of sparse cells with values, formulas, number formats,
 * fills and fonts; tables, charts, notes, threaded comments. Plain data, so tests can compare whole
 * workbooks (`dump`) before and after the add-in ran.
 */

export type Scalar = string | number | boolean | null;

export interface CellData {
  value: Scalar;
  /** Set when a string beginning with "=" was written to a cell not formatted as text. */
  formula?: string;
  numberFormat?: string;
  fill?: string;
  font?: { bold?: boolean; italic?: boolean; color?: string; underline?: string };
  wrapText?: boolean;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string };
}

export interface TableData {
  id: string;
  name: string;
  sheet: string;
  address: string; // A1:B2 (no sheet)
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

export const MAX_COLS = 16384;
export const key = (r: number, c: number) => r * MAX_COLS + c;

export class WorkbookData {
  sheets: SheetData[] = [];
  tables: TableData[] = [];
  charts: ChartData[] = [];
  notes: NoteData[] = [];
  comments: CommentData[] = [];
  activeSheet = '';
  /** Review › Protect Workbook: sheets cannot be added or deleted. */
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
      cells: new Map(), columnWidths: new Map(), rowHeights: new Map(), freezeRows: 0, validations: [],
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
}

/** Used range: the bounding box of cells with a value or a format (Excel counts formatted cells). */
export function usedBox(s: SheetData, valuesOnly = false): { r0: number; c0: number; r1: number; c1: number } | null {
  let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
  for (const [k, cell] of s.cells) {
    const hasValue = cell.value !== null && cell.value !== '';
    const hasFormat = !!(cell.fill || cell.font || cell.numberFormat || cell.hyperlink || cell.wrapText);
    if (!hasValue && (valuesOnly || !hasFormat)) continue;
    const r = Math.floor(k / MAX_COLS), c = k % MAX_COLS;
    if (r < r0) r0 = r;
    if (r > r1) r1 = r;
    if (c < c0) c0 = c;
    if (c > c1) c1 = c;
  }
  return r1 < 0 ? null : { r0, c0, r1, c1 };
}

/**
 * A canonical dump of the workbook for equality tests: every sheet's cells and formats, tables,
 * charts, notes and comments, without the ids the fake assigns (they change when things are recreated).
 */
export function dump(wb: WorkbookData): unknown {
  const sortBy = <T>(xs: T[], k: (x: T) => string) => [...xs].sort((a, b) => k(a).localeCompare(k(b)));
  return {
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      protected: s.protected,
      freezeRows: s.freezeRows,
      cells: [...s.cells.entries()].filter(([, c]) => Object.keys(c).some((k) => k !== 'value' || (c.value !== null && c.value !== ''))).sort((a, b) => a[0] - b[0]).map(([k, c]) => [Math.floor(k / MAX_COLS), k % MAX_COLS, c]),
      columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
      rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
      validations: s.validations,
    })),
    tables: sortBy(wb.tables.map(({ id: _id, ...t }) => t), (t) => t.name),
    charts: sortBy(wb.charts.map(({ id: _id, ...c }) => c), (c) => `${c.sheet}${c.source}`),
    notes: sortBy(wb.notes, (n) => `${n.sheet}!${n.address}`),
    comments: sortBy(wb.comments.map(({ id: _id, ...c }) => c), (c) => `${c.sheet}!${c.address}`),
  };
}
