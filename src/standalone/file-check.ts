/**
 * "Controlla e calcola" on an .xlsx file, in the browser: the same reader, engine and write plan as
 * the command line. Nothing leaves the page: the file is read from disk by the browser and the
 * annotated copy is offered as a download. exceljs (about 1 MB) writes the copy, loaded only here, as
 * a separate chunk.
 */
import type ExcelJS from 'exceljs';
import { check } from '../core/engine';
import { NotAPlanError } from '../core/scope';
import { loadWorkbookBytes, UnreadableWorkbookError } from '../adapters/xlsx/workbook';
import { readXlsx } from '../adapters/xlsx/reader';
import { AppliedPlan, ForeignOutputSheetError, applyWritePlan } from '../adapters/xlsx/write';
import { num } from '../core/italian';
import { CheckOutcome, Progress, UserFacingError } from '../taskpane/service';

export interface FileCheck {
  outcome: CheckOutcome;
  /** The annotated copy, ready to download; the chosen file is never changed. */
  annotated: Blob;
  fileName: string;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function loadExcelJs(): Promise<typeof ExcelJS> {
  const m = (await import(/* webpackChunkName: "exceljs" */ 'exceljs/dist/exceljs.min.js')) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
  return m.default ?? m;
}

export function annotatedName(name: string): string {
  return `${name.replace(/\.xlsx$/i, '')}-annotato.xlsx`;
}

export async function checkFile(file: File, onProgress: (p: Progress) => void): Promise<FileCheck> {
  if (!/\.xlsx$/i.test(file.name)) {
    throw new UserFacingError(
      `«${file.name}» non è una cartella di lavoro .xlsx.`,
      'Aprire il file in Excel e salvarlo come «Cartella di lavoro di Excel (.xlsx)», poi sceglierlo di nuovo.',
      'unreadable',
    );
  }
  onProgress({ stage: 'lettura', label: 'Lettura del file…', fraction: 0.1 });
  const [ExcelJSModule, bytes] = await Promise.all([loadExcelJs(), file.arrayBuffer()]);
  let snapshot;
  try {
    snapshot = readXlsx(new Uint8Array(bytes), file.name);
  } catch (err) {
    if (err instanceof UnreadableWorkbookError) throw new UserFacingError(err.message, 'Scegliere un altro file o salvarlo di nuovo da Excel.', 'unreadable');
    throw err;
  }
  onProgress({ stage: 'controllo', label: 'Controllo delle righe e calcolo della sezione g…', fraction: 0.4 });
  let result;
  try {
    result = check(snapshot);
  } catch (err) {
    if (err instanceof NotAPlanError) throw new UserFacingError(err.message, "Scegliere il file del piano (o dell'elenco delle unità di un ente).", 'not-a-plan');
    throw err;
  }
  onProgress({ stage: 'scrittura', label: 'Preparazione della cartella annotata…', fraction: 0.7 });
  let applied: AppliedPlan;
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbookBytes(ExcelJSModule.Workbook, bytes, file.name);
  } catch (err) {
    if (err instanceof UnreadableWorkbookError) throw new UserFacingError(err.message, 'Scegliere un altro file o salvarlo di nuovo da Excel.', 'unreadable');
    throw err;
  }
  try {
    applied = applyWritePlan(wb, result.writePlan);
  } catch (err) {
    if (err instanceof ForeignOutputSheetError) throw new UserFacingError(err.message, 'Rinominare il foglio nel file, salvarlo e sceglierlo di nuovo.', 'unknown');
    throw err;
  }
  const buffer = await wb.xlsx.writeBuffer();
  onProgress({ stage: 'fatto', label: 'Fatto.', fraction: 1 });
  return {
    outcome: {
      report: result.report,
      readiness: result.readiness,
      sheets: result.writePlan.sheets.map((s) => s.name),
      highlightedCells: applied.highlightedCells,
      highlightCapped: false,
      notedCells: applied.notedCells,
      notices: applied.notedCells < applied.highlightedCells
        ? [{ message: `Nella copia le note spiegano le prime ${num(applied.notedCells)} celle evidenziate (prima gli errori); tutte sono elencate nel foglio Anomalie.` }]
        : [],
    },
    annotated: new Blob([buffer], { type: XLSX_TYPE }),
    fileName: annotatedName(file.name),
  };
}
