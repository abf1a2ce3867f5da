/**
 * The part of the .xlsx adapter that runs anywhere (Node and the browser): an exceljs workbook into a
 * snapshot, and read failures as Italian messages. exceljs itself is passed in, so the browser can
 * load it lazily.
 */
import type ExcelJS from 'exceljs';
import { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { toSnapshotValue } from './cells';

export class UnreadableWorkbookError extends Error {
  constructor(message: string, readonly reason: 'not-found' | 'not-xlsx' | 'encrypted' | 'corrupt' | 'too-large' | 'empty') {
    super(message);
  }
}

export interface Grid {
  values: CellValue[][];
  formats: (string | null)[][];
  width: number;
}

export function emptyGrid(): Grid {
  return { values: [], formats: [], width: 0 };
}

export function put(grid: Grid, r: number, c: number, v: CellValue, fmt: string | null): void {
  while (grid.values.length <= r) {
    grid.values.push([]);
    grid.formats.push([]);
  }
  grid.values[r]![c] = v;
  if (fmt && fmt !== 'General') grid.formats[r]![c] = fmt;
  if (c + 1 > grid.width) grid.width = c + 1;
}

/** Rectangular, dense rows like Office's used range (holes filled with null). */
export function toSheet(name: string, grid: Grid): SheetSnapshot {
  const values = grid.values.map((row) => {
    const out = new Array<CellValue>(grid.width);
    for (let c = 0; c < grid.width; c++) out[c] = row[c] ?? null;
    return out;
  });
  const formats = grid.formats.map((row) => {
    const out = new Array<string | null>(grid.width);
    for (let c = 0; c < grid.width; c++) out[c] = row[c] ?? null;
    return out;
  });
  return { name, originRow: 0, originCol: 0, values, formats };
}

export function snapshotOfWorkbook(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => {
    const grid = emptyGrid();
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        put(grid, rowNumber - 1, colNumber - 1, toSnapshotValue(cell.value), cell.numFmt ?? null);
      });
    });
    sheets.push(toSheet(ws.name, grid));
  });
  return { sheets };
}

export function explain(err: unknown, path: string): UnreadableWorkbookError {
  const msg = err instanceof Error ? err.message : String(err);
  if (/ENOENT|File not found/.test(msg)) return new UnreadableWorkbookError(`Il file «${path}» non esiste.`, 'not-found');
  if (/EISDIR/.test(msg)) return new UnreadableWorkbookError(`«${path}» è una cartella, non un file .xlsx.`, 'not-found');
  if (/EACCES|EPERM/.test(msg)) return new UnreadableWorkbookError(`Il file «${path}» non si può aprire: mancano i permessi di lettura.`, 'not-found');
  if (/encrypt|CDFV2|password/i.test(msg)) {
    return new UnreadableWorkbookError(`Il file «${path}» è protetto da password: salvarlo senza password e riprovare.`, 'encrypted');
  }
  if (/zip|central directory|signature|invalid|end of data/i.test(msg)) {
    return new UnreadableWorkbookError(
      `Il file «${path}» non è una cartella di lavoro .xlsx leggibile (forse .xls, .ods, .csv o un file danneggiato): aprirlo in Excel e salvarlo come «Cartella di lavoro di Excel (.xlsx)».`,
      'not-xlsx',
    );
  }
  return new UnreadableWorkbookError(`Il file «${path}» non si può leggere: ${msg}`, 'corrupt');
}

/** The whole workbook from bytes (a file chosen in the browser, a buffer in a test). */
export async function loadWorkbookBytes(Workbook: typeof ExcelJS.Workbook, bytes: ArrayBuffer | Uint8Array, label: string): Promise<ExcelJS.Workbook> {
  const wb = new Workbook();
  try {
    await wb.xlsx.load(bytes as ArrayBuffer);
  } catch (err) {
    throw explain(err, label);
  }
  return wb;
}
