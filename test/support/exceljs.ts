/**
 * exceljs as an outside reader in the tests (the product reads and writes .xlsx files with its own
 * code): a workbook loaded with exceljs, and its cells as a snapshot, to hold our reader and our
 * copies against a reader no one here wrote.
 */
import ExcelJS from 'exceljs';
import { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';

/** Excel 1900 date system: the serial of a JavaScript date exceljs read from a date-formatted cell. */
export function dateToSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

function toSnapshotValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToSerial(v);
  const o = v as unknown as Record<string, unknown>;
  if ('error' in o && typeof o.error === 'string') return o.error;
  if ('richText' in o && Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
  if ('formula' in o || 'sharedFormula' in o) return toSnapshotValue(o.result as ExcelJS.CellValue | undefined);
  if ('text' in o && typeof o.text === 'string') return o.text;
  if ('text' in o && typeof o.text === 'object') return toSnapshotValue(o.text as ExcelJS.CellValue);
  return null;
}

export async function loadWorkbook(input: string | Buffer | ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof input === 'string') await wb.xlsx.readFile(input);
  else await wb.xlsx.load(input as ArrayBuffer);
  return wb;
}

/** Every sheet's cells as exceljs reads them, in a rectangle (holes null). */
export function snapshotOfWorkbook(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => {
    const values: CellValue[][] = [];
    const formats: (string | null)[][] = [];
    let width = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        while (values.length < r) {
          values.push([]);
          formats.push([]);
        }
        values[r - 1]![c - 1] = toSnapshotValue(cell.value);
        if (cell.numFmt && cell.numFmt !== 'General') formats[r - 1]![c - 1] = cell.numFmt;
        width = Math.max(width, c);
      });
    });
    const rect = <T>(rows: T[][]) => rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
    sheets.push({ name: ws.name, originRow: 0, originCol: 0, values: rect(values), formats: rect(formats) });
  });
  return { sheets };
}
