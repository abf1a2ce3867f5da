/**
 * The file check off the page's main thread: reading, checking and writing the copy take seconds on
 * a large plan, and the page must stay responsive (and "Annulla" must be able to stop them: the page
 * terminates this worker). Messages out: progress, the outcome as soon as it is known, then the copy,
 * begun when the page says the verdict is on screen (so that it does not compete with showing it).
 */
import { UserFacingError } from '../taskpane/service';
import { annotatedName, checkBytes, copyOf, notAnXlsx, previousYear } from './file-check';
import { preinflated } from '../adapters/xlsx/preinflate';
import type { FromWorker, ToWorker, WorkerMarks } from './worker-protocol';
import type { YearSummary } from '../core/previous/year';

const at = () => performance.timeOrigin + performance.now();
/** The script evaluated: how long the worker took to start. */
const started = at();

const post = (m: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

let copyWanted: () => void = () => undefined;

/** A failure, as the page says it: a UserFacingError as it is, anything else as unexpected. */
function postError(err: unknown): void {
  if (err instanceof UserFacingError) post({ type: 'error', message: err.message, action: err.action, code: err.code });
  else post({ type: 'error', message: err instanceof Error ? err.message : String(err), action: '', code: 'unknown', unexpected: true });
}

/** Last year's files read in turn (`onEach` told of each before it is read). */
async function readSummaries(files: File[], onEach?: (file: File) => void): Promise<YearSummary[]> {
  const summaries: YearSummary[] = [];
  for (const f of files) {
    onEach?.(f);
    summaries.push(previousYear(new Uint8Array(await f.arrayBuffer()), f.name));
  }
  return summaries;
}

async function checkFile(file: File, previousFiles: File[]): Promise<void> {
  const marks: WorkerMarks = { script: started, received: at() };
  try {
    const wrong = notAnXlsx(file.name);
    if (wrong) throw wrong;
    const bytes = new Uint8Array(await file.arrayBuffer());
    marks.bytes = at();
    post({ type: 'progress', progress: { stage: 'lettura', label: 'Lettura del file…', fraction: 0.01, detail: 'Decompressione dei fogli' } });
    const inflate = await preinflated(bytes);
    marks.inflated = at();
    const previous = await readSummaries(previousFiles, (p) =>
      post({ type: 'progress', progress: { stage: 'lettura', label: "Lettura dell'anno precedente…", fraction: 0.05, detail: p.name } }),
    );
    const checked = checkBytes(bytes, file.name, (progress) => post({ type: 'progress', progress }), inflate, () => (marks.read = at()), previous);
    marks.checked = at();
    const shown = new Promise<void>((resolve) => (copyWanted = resolve));
    post({ type: 'outcome', outcome: checked.outcome, marks });
    await shown;
    post({ type: 'progress', progress: { stage: 'scrittura', label: 'Preparazione della copia annotata…', fraction: 0.85 } });
    const { copy, outcome } = await copyOf(bytes, file.name, checked);
    post({ type: 'copy', outcome, copy: copy.buffer as ArrayBuffer, fileName: annotatedName(file.name) }, [copy.buffer as ArrayBuffer]);
  } catch (err) {
    postError(err);
  }
}

/** Last year's files only, for the add-in (which reads this year's plan from Excel). */
async function readPrevious(files: File[]): Promise<void> {
  try {
    post({ type: 'previous', summaries: await readSummaries(files) });
  } catch (err) {
    postError(err);
  }
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  if (e.data.type === 'previous') void readPrevious(e.data.files);
  else if (e.data.type === 'check') void checkFile(e.data.file, e.data.previous ?? []);
  else copyWanted();
};
