/**
 * Test workbooks: the fixture plans built into real .xlsx files (as a person would type them into
 * Excel: numbers as numbers, codes as text, dd/mm/yyyy as dates), and minimal snapshots for rule tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { parseCsv } from './csv';
import { dateToSerial } from './exceljs';

export const PLANS_DIR = join(__dirname, '..', 'fixtures', 'plans');
export const PLANS = ['crema-2019', 'crema-2021', 'cremona-2023', 'ogliopo-2021'] as const;
export type PlanName = (typeof PLANS)[number];

export const SHEET_ORDER = ['Ambito', 'Comuni', 'Enti', 'Unita', 'SAT', 'Assegnazioni'];
const CODE_COLUMNS = new Set(['Codice ISTAT', 'Codice ente']);

export interface ExpectedPlan {
  sectionG: { ente: string; comune: string | null; b: number; c: number; d: number; e: number; f: number; g: number }[];
  totals: { b: number; c: number; d: number; e: number; f: number; g: number };
  mustReport: { rule: string; sheet: string; why: string }[];
  mustNotReport: string[];
}

export function expectedOf(plan: PlanName): ExpectedPlan {
  return JSON.parse(readFileSync(join(PLANS_DIR, plan, 'expected.json'), 'utf8')) as ExpectedPlan;
}

/** The plan's sheets as rows of text, exactly as in the CSVs. */
export function planCsv(plan: PlanName): Record<string, string[][]> {
  const out: Record<string, string[][]> = {};
  const files = readdirSync(join(PLANS_DIR, plan)).filter((f) => f.endsWith('.csv'));
  for (const name of SHEET_ORDER) {
    if (files.includes(`${name}.csv`)) out[name] = parseCsv(readFileSync(join(PLANS_DIR, plan, `${name}.csv`), 'utf8'));
  }
  return out;
}

/** What Excel makes of a typed entry: a number, a date, or text (a leading apostrophe forces text). */
export function typed(text: string, column: string): { value: ExcelJS.CellValue; numFmt?: string } {
  if (text === '') return { value: null };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (CODE_COLUMNS.has(column)) return { value: text };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { value: Number(text) };
  const d = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (d) return { value: new Date(Date.UTC(Number(d[3]), Number(d[2]) - 1, Number(d[1]))), numFmt: 'dd/mm/yyyy' };
  return { value: text };
}

export function workbookFromRows(sheets: Record<string, string[][]>): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    const header = rows[0] ?? [];
    rows.forEach((row, r) => {
      row.forEach((text, c) => {
        const cell = ws.getCell(r + 1, c + 1);
        const t = r === 0 ? { value: text } : typed(text, header[c] ?? '');
        if (t.value === null) return;
        cell.value = t.value;
        if (t.numFmt) cell.numFmt = t.numFmt;
      });
    });
  }
  return wb;
}

export async function planXlsx(plan: PlanName): Promise<Buffer> {
  return Buffer.from(await workbookFromRows(planCsv(plan)).xlsx.writeBuffer());
}

/**
 * A minimal snapshot for rule tests: each sheet as rows of values (header first), at A1.
 * `formats` may give number formats by "row,col".
 */
export function snapshot(sheets: Record<string, CellValue[][]>, formats: Record<string, Record<string, string>> = {}): WorkbookSnapshot {
  return {
    sheets: Object.entries(sheets).map(([name, values]): SheetSnapshot => {
      const width = values.reduce((w, r) => Math.max(w, r.length), 0);
      const rect = values.map((r) => Array.from({ length: width }, (_, c) => (r[c] === undefined ? null : r[c]!)));
      const f = formats[name];
      return {
        name,
        originRow: 0,
        originCol: 0,
        values: rect,
        ...(f ? { formats: rect.map((r, ri) => r.map((_, ci) => f[`${ri},${ci}`] ?? null)) } : {}),
      };
    }),
  };
}

/** The fixture plans as snapshots directly (the engine's input), typed as Excel would. */
export function planSnapshot(plan: PlanName): WorkbookSnapshot {
  const csv = planCsv(plan);
  return snapshot(
    Object.fromEntries(
      Object.entries(csv).map(([name, rows]) => [
        name,
        rows.map((row, r) =>
          row.map((text, c): CellValue => {
            if (r === 0) return text;
            const t = typed(text, rows[0]![c] ?? '');
            if (t.value instanceof Date) return dateToSerial(t.value);
            return t.value as CellValue;
          }),
        ),
      ]),
    ),
  );
}
