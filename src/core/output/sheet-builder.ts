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

export interface OutSheet {
  name: string;
  rows: (OutCell | null)[][];
  widths: number[];
  tables: OutTable[];
  freezeRows: number;
  chart?: ChartSpec;
}

export type CellInput = OutCell | string | number | null;

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Errore', warning: 'Avviso', info: 'Informazione' };

/** Highlight of an input cell by severity (Excel's own "bad / neutral" tones, and a light blue). */
export const SEVERITY_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

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

const toCell = (c: CellInput): OutCell | null =>
  c === null ? null : typeof c === 'object' ? c : { v: c };

export class SheetBuilder {
  private readonly rows: (OutCell | null)[][] = [];
  private readonly tables: OutTable[] = [];
  private freezeRows = 0;
  private chart?: ChartSpec;

  constructor(private readonly name: string, private readonly widths: number[]) {}

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
  table(name: string, headers: string[], rows: CellInput[][], opts: { emptyText?: string } = {}): OutTable | null {
    const headerRow = this.row(headers.map((h) => ({ v: h, style: 'header' })));
    for (const r of rows) this.row(r);
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

  /** A bar chart of one column of a table against its first column. */
  barChart(title: string, table: OutTable, valueCol: number, anchorCol: number): void {
    const first = table.headerRow + 1;
    this.chart = {
      title,
      categories: `${a1(first, table.firstCol)}:${a1(table.lastRow, table.firstCol)}`,
      values: `${a1(first, valueCol)}:${a1(table.lastRow, valueCol)}`,
      anchor: a1(table.headerRow, anchorCol),
    };
  }

  build(): OutSheet {
    return {
      name: this.name,
      rows: this.rows,
      widths: this.widths,
      tables: this.tables,
      freezeRows: this.freezeRows,
      ...(this.chart ? { chart: this.chart } : {}),
    };
  }
}
