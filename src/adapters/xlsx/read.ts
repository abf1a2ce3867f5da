/**
 * Reading an .xlsx file into a workbook snapshot. The check streams the file (exceljs's streaming
 * reader takes about half the time of a full load); writing an annotated copy needs the full model.
 */
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { toSnapshotValue } from './cells';
import { Grid, UnreadableWorkbookError, emptyGrid, explain, put, snapshotOfWorkbook, toSheet } from './workbook';
import { NotFastReadable, readSnapshotFast } from './fast-read';

export { UnreadableWorkbookError, snapshotOfWorkbook };

let exceljs: typeof ExcelJS | null = null;
/** exceljs takes a quarter of a second to load: only the paths that need it (writing, the fallback) pay. */
export function excelJs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, synchronously
  exceljs ??= require('exceljs') as typeof ExcelJS;
  return exceljs;
}

/** The whole workbook, for writing an annotated copy. */
export async function loadWorkbook(input: string | Buffer | ArrayBuffer, label = 'file'): Promise<ExcelJS.Workbook> {
  const wb = new (excelJs().Workbook)();
  try {
    if (typeof input === 'string') await wb.xlsx.readFile(input);
    else await wb.xlsx.load(input as ArrayBuffer);
  } catch (err) {
    throw explain(err, typeof input === 'string' ? input : label);
  }
  return wb;
}

/** Streams the file into a snapshot: values and number formats, sheet by sheet. */
/**
 * The check's reader: the fast reader first (native inflate, a scanner for the sheet XML), exceljs's
 * streaming reader when the file has something the fast one does not handle.
 */
export async function readSnapshotForCheck(path: string): Promise<WorkbookSnapshot> {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new Error('EISDIR');
    bytes = readFileSync(path);
  } catch (err) {
    throw explain(err, path);
  }
  try {
    return readSnapshotFast(bytes);
  } catch (err) {
    if (!(err instanceof NotFastReadable)) throw err;
    return readSnapshotStreaming(path);
  }
}

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
    reader = new (excelJs().stream.xlsx.WorkbookReader)(path, {
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
