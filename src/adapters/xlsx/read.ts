/**
 * Reading an .xlsx file into a workbook snapshot. The check streams the file (exceljs's streaming
 * reader takes about half the time of a full load); writing an annotated copy needs the full model.
 */
import { accessSync, constants, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { toSnapshotValue } from './cells';

export class UnreadableWorkbookError extends Error {
  constructor(message: string, readonly reason: 'not-found' | 'not-xlsx' | 'encrypted' | 'corrupt') {
    super(message);
  }
}

interface Grid {
  values: CellValue[][];
  formats: (string | null)[][];
  width: number;
}

function emptyGrid(): Grid {
  return { values: [], formats: [], width: 0 };
}

function put(grid: Grid, r: number, c: number, v: CellValue, fmt: string | null): void {
  while (grid.values.length <= r) {
    grid.values.push([]);
    grid.formats.push([]);
  }
  grid.values[r]![c] = v;
  if (fmt && fmt !== 'General') grid.formats[r]![c] = fmt;
  if (c + 1 > grid.width) grid.width = c + 1;
}

/** Rectangular, dense rows like Office's used range (holes filled with null). */
function toSheet(name: string, grid: Grid): SheetSnapshot {
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

function explain(err: unknown, path: string): UnreadableWorkbookError {
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

/** The whole workbook, for writing an annotated copy. */
export async function loadWorkbook(input: string | Buffer | ArrayBuffer, label = 'file'): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    if (typeof input === 'string') await wb.xlsx.readFile(input);
    else await wb.xlsx.load(input as ArrayBuffer);
  } catch (err) {
    throw explain(err, typeof input === 'string' ? input : label);
  }
  return wb;
}

/** Streams the file into a snapshot: values and number formats, sheet by sheet. */
export async function readSnapshotStreaming(path: string): Promise<WorkbookSnapshot> {
  // The streaming reader reports a missing file on a stream nobody listens to: ask first.
  try {
    if (statSync(path).isDirectory()) throw new Error('EISDIR');
    accessSync(path, constants.R_OK);
  } catch (err) {
    throw explain(err, path);
  }
  const grids = new Map<string, Grid>();
  let reader: ExcelJS.stream.xlsx.WorkbookReader;
  try {
    reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    for await (const ws of reader) {
      const grid = emptyGrid();
      const id = String((ws as unknown as { id: string | number }).id);
      grids.set(id, grid);
      for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
        row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
          put(grid, row.number - 1, colNumber - 1, toSnapshotValue(cell.value), cell.numFmt ?? null);
        });
      }
    }
  } catch (err) {
    // exceljs's streaming reader cannot read a package whose workbook.xml comes after the sheets
    // (as exceljs itself writes them): the full reader can. A file that is not an .xlsx fails there too.
    if (err instanceof Error && /reading 'sheets'|reading 'model'/.test(err.message)) return snapshotOfWorkbook(await loadWorkbook(path));
    throw explain(err, path);
  }
  // Sheet names and order come from workbook.xml and its relationships (sheetN.xml → name).
  const internals = reader as unknown as {
    model?: { sheets?: { name: string; id: number; rId: string; state?: string }[] };
    workbookRels?: { Id: string; Target: string }[];
  };
  const sheets: SheetSnapshot[] = [];
  const rels = new Map((internals.workbookRels ?? []).map((r) => [r.Id, r.Target]));
  for (const s of internals.model?.sheets ?? []) {
    const m = /sheet(\d+)\.xml$/.exec(rels.get(s.rId) ?? '');
    const grid = m ? grids.get(m[1]!) : undefined;
    sheets.push(toSheet(s.name, grid ?? emptyGrid()));
  }
  if (sheets.length === 0 && grids.size > 0) {
    // No workbook.xml names (unusual writer): fall back to the full reader.
    return snapshotOfWorkbook(await loadWorkbook(path));
  }
  if (sheets.length === 0) throw new UnreadableWorkbookError(`Il file «${path}» non contiene fogli di lavoro.`, 'corrupt');
  return { sheets };
}
