/**
 * "Controlla e calcola" on an .xlsx file, in the browser: the same reader, engine and annotated copy
 * as the command line (fflate inflating and deflating where Node has zlib). It runs in a Web Worker
 * (file-worker.ts), so the page never freezes: these functions are synchronous and report progress.
 * Nothing leaves the page: the file is read from disk by the browser and the copy is downloaded.
 */
import { buildPlanDocument } from '../core/document';
import { PREVIOUS_YEAR_ACTION } from '../core/previous/wording';
import { check } from '../core/engine';
import { PreviousYearError, YearSummary } from '../core/previous/year';
import { readXlsx } from '../adapters/xlsx/reader';
import { NotAPlanError } from '../core/scope';
import { WorkbookSnapshot } from '../core/snapshot';
import { readPreviousFile } from '../adapters/xlsx/previous';
import { UnreadableWorkbookError } from '../adapters/xlsx/workbook';
import { asUnreadable, readSnapshotFromArchive, SheetLayouts } from '../adapters/xlsx/reader';
import { ForeignOutputSheetError, annotatedCopy } from '../adapters/xlsx/annotate';
import { num } from '../core/italian';
import { WritePlan } from '../core/output/write-plan';
import { ZipArchive, type Inflater } from '../adapters/xlsx/zip';
import { CheckOutcome, Progress, UserFacingError } from '../taskpane/service';

export interface FileCheck {
  outcome: CheckOutcome;
  /** The annotated copy, ready to download; the chosen file is never changed. */
  annotated: Blob;
  fileName: string;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function annotatedName(name: string): string {
  return `${name.replace(/\.xlsx$/i, '')}-annotato.xlsx`;
}

export function notAnXlsx(name: string): UserFacingError | null {
  if (/\.xlsx$/i.test(name)) return null;
  return new UserFacingError(
    `«${name}» non è una cartella di lavoro .xlsx.`,
    'Aprire il file in Excel e salvarlo come «Cartella di lavoro di Excel (.xlsx)», poi sceglierlo di nuovo.',
    'unreadable',
  );
}

/** What the check leaves for the copy: made after the verdict is on screen. */
export interface Checked {
  outcome: CheckOutcome;
  plan: WritePlan;
  snapshot: WorkbookSnapshot;
  /** The archive as read, its parts' text kept: the copy edits the same text, inflated once. */
  archive: ZipArchive;
  /** Where the reading found each sheet's rows: the copy re-writes them from there. */
  layouts: SheetLayouts;
}

/** Reading and checking, with progress through real stages and counts. */

/** Last year's plan, from its workbook (read as this year's) or its JSON report. */
export function previousYear(bytes: Uint8Array, name: string): YearSummary {
  try {
    return readPreviousFile({
      name,
      json: () => JSON.parse(new TextDecoder().decode(bytes)),
      workbook: () => readXlsx(bytes, name),
      notJson: `«${name}» non è un file JSON leggibile: scegliere il report JSON dell'anno precedente o la sua cartella .xlsx.`,
    });
  } catch (err) {
    if (err instanceof PreviousYearError) throw new UserFacingError(err.message, PREVIOUS_YEAR_ACTION, 'unreadable');
    throw err;
  }
}

export function checkBytes(bytes: Uint8Array, name: string, onProgress: (p: Progress) => void, inflate?: Inflater, onRead?: () => void, previous: YearSummary[] = []): Checked {
  onProgress({ stage: 'lettura', label: 'Lettura del file…', fraction: 0.02 });
  let snapshot: WorkbookSnapshot;
  let archive: ZipArchive;
  // The copy, made later from this reading, follows its row layout.
  const layouts: SheetLayouts = new Map();
  try {
    try {
      archive = new ZipArchive(bytes, { ...(inflate ? { inflate } : {}), keepText: true });
      snapshot = readSnapshotFromArchive(archive, (p) => onProgress({
        stage: 'lettura', label: 'Lettura del file…', fraction: 0.02 + 0.6 * p.fraction,
        detail: `Foglio «${p.sheet}»: ${num(p.rows)} righe lette`,
      }), layouts);
    } catch (err) {
      throw asUnreadable(err, bytes, name);
    }
  } catch (err) {
    if (err instanceof UnreadableWorkbookError) throw new UserFacingError(err.message, 'Scegliere un altro file o salvarlo di nuovo da Excel.', 'unreadable');
    throw err;
  }
  onRead?.();
  const rows = snapshot.sheets.reduce((n, s) => n + s.values.length, 0);
  onProgress({ stage: 'controllo', label: 'Controllo delle righe e calcolo della sezione g…', fraction: 0.65, detail: `${num(rows)} righe in ${num(snapshot.sheets.length)} fogli` });
  let result;
  try {
    result = check(snapshot, { previous });
  } catch (err) {
    if (err instanceof PreviousYearError) throw new UserFacingError(err.message, PREVIOUS_YEAR_ACTION, 'unreadable');
    if (err instanceof NotAPlanError) throw new UserFacingError(err.message, "Scegliere il file del piano (o dell'elenco delle unità di un ente).", 'not-a-plan');
    throw err;
  }
  const outcome: CheckOutcome = {
    report: result.report,
    readiness: result.readiness,
    sheets: result.writePlan.sheets.map((s) => s.name),
    highlightedCells: result.writePlan.annotations.length,
    highlightCapped: false,
    notedCells: result.writePlan.annotations.length,
    notices: [],
    // The chapter's content travels with the verdict (small); the .docx is made only when asked.
    document: buildPlanDocument(result),
    ...(result.compared.length ? { compared: result.compared } : {}),
    ...(result.comparison ? { comparison: result.comparison } : {}),
  };
  return { outcome, plan: result.writePlan, snapshot, archive, layouts };
}

/** The annotated copy of a checked file, and what to tell about its notes. */
export async function copyOf(bytes: Uint8Array, name: string, checked: Checked): Promise<{ copy: Uint8Array; outcome: CheckOutcome }> {
  try {
    const made = await annotatedCopy(checked, checked.plan, { firstCell: (n) => checked.snapshot.sheets.find((x) => x.name === n)?.values[0]?.[0] ?? null });
    const { highlightedCells, notedCells } = made.applied;
    const notices = notedCells < highlightedCells
      ? [{ message: `Nella copia le note spiegano le prime ${num(notedCells)} celle evidenziate (prima gli errori); tutte sono elencate nel foglio Anomalie.` }]
      : [];
    return { copy: made.bytes, outcome: { ...checked.outcome, highlightedCells, notedCells, notices } };
  } catch (err) {
    if (err instanceof ForeignOutputSheetError) throw new UserFacingError(err.message, 'Rinominare il foglio nel file, salvarlo e sceglierlo di nuovo.', 'unknown');
    const unreadable = asUnreadable(err, bytes, name);
    if (unreadable instanceof UnreadableWorkbookError) throw new UserFacingError(unreadable.message, 'Scegliere un altro file o salvarlo di nuovo da Excel.', 'unreadable');
    throw err;
  }
}
