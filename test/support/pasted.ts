/**
 * The four plans' own section tables (test/fixtures/pasted/<plan>.tsv, transcribed from the seeds)
 * pasted into Excel as staff do: stacked on one sheet, or one sheet per printed table, beside the
 * standard Ambito sheet. Values typed as Italian Excel takes a paste: "1.006" and "12" are numbers,
 * "10%" a percent, anything else text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { PlanName, planSnapshot } from './workbooks';

export const PASTED_DIR = join(__dirname, '..', 'fixtures', 'pasted');

export interface PastedCell {
  value: CellValue;
  format: string | null;
}

export function pastedValue(text: string): PastedCell {
  const t = text.trim();
  if (t === '') return { value: null, format: null };
  if (/^\d+$/.test(t) && t.length < 16) return { value: Number(t), format: null };
  if (/^\d{1,3}(\.\d{3})+$/.test(t)) return { value: Number(t.replace(/\./g, '')), format: '#,##0' };
  if (/^\d+\.\d+$/.test(t)) return { value: Number(t), format: null };
  const pct = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(t);
  if (pct) return { value: Number(pct[1]!.replace(',', '.')) / 100, format: '0%' };
  return { value: text, format: null };
}

/** The rows as the seed prints them ("#" lines are the file's provenance, not pasted). */
export function pastedRows(plan: PlanName): string[][] {
  return readFileSync(join(PASTED_DIR, `${plan}.tsv`), 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .map((l) => (l === '' ? [] : l.split('\t')));
}

function sheetOf(name: string, rows: string[][]): SheetSnapshot {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const cells = rows.map((r) => Array.from({ length: width }, (_, c) => pastedValue(r[c] ?? '')));
  return { name, originRow: 0, originCol: 0, values: cells.map((r) => r.map((x) => x.value)), formats: cells.map((r) => r.map((x) => x.format)) };
}

/** Where a person starts a new sheet in the one-sheet-per-table layout: at each printed table's heading. */
const NEW_TABLE = /^([a-k]\)|[a-k] bis\)|- [A-Z]|consistenza|all\.? ?[ab]\b|quadro riepilogativo)/i;

/** Stacked: every table on one sheet «Piano incollato»; per section: one sheet per printed table. */
export function pastedSheets(plan: PlanName, layout: 'stacked' | 'per-section'): SheetSnapshot[] {
  const rows = pastedRows(plan);
  if (layout === 'stacked') return [sheetOf('Piano incollato', rows)];
  const sheets: string[][][] = [];
  for (const row of rows) {
    if (sheets.length === 0 || (row.length === 1 && NEW_TABLE.test(row[0]!.replace(/^\s+/, '')))) sheets.push([]);
    sheets[sheets.length - 1]!.push(row);
  }
  return sheets.map((s, i) => sheetOf(`Tabella ${i + 1}`, s));
}

/** The standard Ambito sheet of the plan beside the pasted tables (the tables do not say ambito and year). */
export function pastedPlanSnapshot(plan: PlanName, layout: 'stacked' | 'per-section'): WorkbookSnapshot {
  const ambito = planSnapshot(plan).sheets.find((s) => s.name === 'Ambito')!;
  return { sheets: [ambito, ...pastedSheets(plan, layout)] };
}

/** The pasted plan as an .xlsx file (ExcelJS, an outside writer): the standard Ambito sheet and the paste. */
export async function pastedXlsx(plan: PlanName, layout: 'stacked' | 'per-section'): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  for (const s of pastedPlanSnapshot(plan, layout).sheets) {
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v;
        const f = s.formats?.[r]?.[c];
        if (f) cell.numFmt = f;
      }),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
