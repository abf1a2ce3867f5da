/**
 * The page's side of the file worker: starts a check of one file, passes on what the worker says,
 * and cancels by terminating it (the file on disk was never touched, so there is nothing to undo).
 */
import { UserFacingError, type CheckOutcome, type Progress } from '../taskpane/service';
import type { FromWorker, ToWorker, WorkerMarks } from './worker-protocol';
import type { YearSummary } from '../core/previous/year';

export interface FileCheckHandlers {
  progress(p: Progress): void;
  outcome(o: CheckOutcome): void;
  copy(o: CheckOutcome, copy: Blob, fileName: string): void;
  error(e: Error): void;
}

export interface RunningCheck {
  cancel(): void;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The worker's marks on the page's timeline: «piano:worker-script», «piano:worker-read», … */
function markAll(marks: WorkerMarks): void {
  for (const [name, t] of Object.entries(marks)) {
    if (t !== undefined) performance.mark(`piano:worker-${name}`, { startTime: t - performance.timeOrigin });
  }
}

/** The worker's error message as the error the page shows: a UserFacingError unless unexpected. */
const errorOf = (m: Extract<FromWorker, { type: 'error' }>): Error => (m.unexpected ? new Error(m.message) : new UserFacingError(m.message, m.action, m.code));

const newWorker = () => new Worker(new URL('./file-worker.ts', import.meta.url), { name: 'piano-offerta-file' });

/** A worker started ahead, idle until a file is chosen. */
let ready: Worker | null = null;

/**
 * Starts the worker ahead (when the page opens on its file screen), so that choosing a file does not
 * wait for it: its scripts fetched, compiled and run, ~0.1 s on a 2-core machine. Idle until used.
 */
export function prepareFileWorker(): void {
  ready ??= newWorker();
}

export function startFileCheck(file: File, on: FileCheckHandlers, previous: File[] = []): RunningCheck {
  performance.mark('piano:start');
  const worker = ready ?? newWorker();
  ready = null;
  const send = (m: ToWorker) => worker.postMessage(m);
  const stop = () => worker.terminate();
  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    const m = e.data;
    if (m.type === 'progress') on.progress(m.progress);
    else if (m.type === 'outcome') {
      performance.mark('piano:outcome');
      markAll(m.marks);
      // The copy once the verdict is drawn (the frame after this one), or within half a second where
      // no frame comes (a page in a background tab).
      let asked = false;
      const copy = () => {
        if (!asked) send({ type: 'copy' });
        asked = true;
      };
      requestAnimationFrame(() => setTimeout(copy, 0));
      setTimeout(copy, 500);
      on.outcome(m.outcome);
    } else if (m.type === 'copy') {
      stop();
      on.copy(m.outcome, new Blob([m.copy], { type: XLSX_TYPE }), m.fileName);
    } else if (m.type === 'error') {
      stop();
      on.error(errorOf(m));
    }
  };
  worker.onerror = (e) => {
    stop();
    on.error(new Error(e.message || 'worker'));
  };
  send({ type: 'check', file, ...(previous.length ? { previous } : {}) });
  return { cancel: stop };
}

/** Last year's plan files read in the file worker (the same reading as the page's and the command line's). */
export function readPreviousFiles(files: File[]): Promise<YearSummary[]> {
  return new Promise((resolve, reject) => {
    const worker = newWorker();
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'previous') {
        worker.terminate();
        resolve(m.summaries);
      } else if (m.type === 'error') {
        worker.terminate();
        reject(errorOf(m));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'il worker dei file non è partito'));
    };
    worker.postMessage({ type: 'previous', files } satisfies ToWorker);
  });
}
