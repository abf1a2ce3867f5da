/**
 * exceljs, for writing the annotated copy only: the check reads every file with our own reader
 * (`./reader`), in Node and in the browser alike.
 */
import type ExcelJS from 'exceljs';
import { explain, UnreadableWorkbookError } from './workbook';

export { UnreadableWorkbookError };

let exceljs: typeof ExcelJS | null = null;
/** exceljs takes a quarter of a second to load: only writing pays for it. */
export function excelJs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, synchronously
  exceljs ??= require('exceljs') as typeof ExcelJS;
  return exceljs;
}

/** The whole workbook as exceljs models it, to apply the write plan to. */
export async function loadWorkbook(input: string | Buffer | ArrayBuffer | Uint8Array, label = 'file'): Promise<ExcelJS.Workbook> {
  const wb = new (excelJs().Workbook)();
  try {
    if (typeof input === 'string') await wb.xlsx.readFile(input);
    else await wb.xlsx.load(input as ArrayBuffer);
  } catch (err) {
    throw explain(err, typeof input === 'string' ? input : label);
  }
  return wb;
}
