/**
 * "Controlla e calcola" on an .xlsx file, in the browser: the same reader, engine and annotated copy
 * as the command line (fflate inflating and deflating where Node has zlib). Nothing leaves the page:
 * the file is read from disk by the browser and the copy is offered as a download.
 */
import { check } from '../core/engine';
import { NotAPlanError } from '../core/scope';
import { UnreadableWorkbookError } from '../adapters/xlsx/workbook';
import { asUnreadable, readXlsx } from '../adapters/xlsx/reader';
import { AppliedPlan, ForeignOutputSheetError, annotatedCopy } from '../adapters/xlsx/annotate';
import { num } from '../core/italian';
import { CheckOutcome, Progress, UserFacingError } from '../taskpane/service';

export interface FileCheck {
  outcome: CheckOutcome;
  /** The annotated copy, ready to download; the chosen file is never changed. */
  annotated: Blob;
  fileName: string;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
  const bytes = new Uint8Array(await file.arrayBuffer());
  let snapshot;
  try {
    snapshot = readXlsx(bytes, file.name);
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
  let copy: Uint8Array;
  try {
    const made = annotatedCopy(bytes, result.writePlan, { firstCell: (name) => snapshot.sheets.find((x) => x.name === name)?.values[0]?.[0] ?? null });
    applied = made.applied;
    copy = made.bytes;
  } catch (err) {
    if (err instanceof ForeignOutputSheetError) throw new UserFacingError(err.message, 'Rinominare il foglio nel file, salvarlo e sceglierlo di nuovo.', 'unknown');
    const unreadable = asUnreadable(err, bytes, file.name);
    if (unreadable instanceof UnreadableWorkbookError) throw new UserFacingError(unreadable.message, 'Scegliere un altro file o salvarlo di nuovo da Excel.', 'unreadable');
    throw err;
  }
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
    annotated: new Blob([copy as BlobPart], { type: XLSX_TYPE }),
    fileName: annotatedName(file.name),
  };
}
