/**
 * The page's side of the file worker: starts a check of one file, passes on what the worker says,
 * and cancels by terminating it (the file on disk was never touched, so there is nothing to undo).
 */
import { UserFacingError, type CheckOutcome, type Progress } from '../taskpane/service';
import type { FromWorker } from './worker-protocol';

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

export function startFileCheck(file: File, on: FileCheckHandlers): RunningCheck {
  const worker = new Worker(new URL('./file-worker.ts', import.meta.url), { name: 'piano-offerta-file' });
  const stop = () => worker.terminate();
  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    const m = e.data;
    if (m.type === 'progress') on.progress(m.progress);
    else if (m.type === 'outcome') on.outcome(m.outcome);
    else if (m.type === 'copy') {
      stop();
      on.copy(m.outcome, new Blob([m.copy], { type: XLSX_TYPE }), m.fileName);
    } else {
      stop();
      on.error(m.unexpected ? new Error(m.message) : new UserFacingError(m.message, m.action, m.code));
    }
  };
  worker.onerror = (e) => {
    stop();
    on.error(new Error(e.message || 'worker'));
  };
  worker.postMessage({ file });
  return { cancel: stop };
}
