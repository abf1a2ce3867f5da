/**
 * The engine off the pane's main thread: both sides of the conversation with engine-worker.ts.
 *
 * The main thread hands over the read (detached from Office.js) and the snapshot's rows in messages
 * of about 15,000 cells, pausing for the page between them, so that cloning 100,000 rows never holds
 * the main thread for long; the worker runs the engine and decides the write (engine-job.ts), then
 * sends the answer back in pieces (chunks.ts), each rebuilt in its own short task. «Annulla»
 * terminates the worker: nothing of it reaches Excel.
 */
import { PreviousYearError, type YearSummary } from '../core/previous/year';
import { NotAPlanError } from '../core/scope';
import type { SheetSnapshot } from '../core/snapshot';
import type { Capabilities } from './capabilities';
import { DEFAULT_LIMIT, PackMessage, Unpacker, pack } from './chunks';
import { DetachedRead, EngineAnswer, EngineEvent, EngineJob, EngineRunOptions, EngineRunner, decide, sheetEvents } from './engine-job';
import { nextTask, now } from './pacing';

type Grid = 'values' | 'text' | 'formats';
type SheetHead = Omit<SheetSnapshot, Grid> & { grids: Grid[] };

export type ToEngine =
  | { type: 'start'; read: Omit<DetachedRead, 'snapshot'>; sheets: SheetHead[]; caps: Capabilities; limit: number; previous: readonly YearSummary[] }
  | { type: 'rows'; sheet: number; grid: Grid; rows: unknown[][] }
  | { type: 'run' };

export type FromEngine =
  | { type: 'event'; event: EngineEvent }
  | { type: 'answer'; message: PackMessage }
  | { type: 'error'; message: string; kind?: 'not-a-plan' | 'previous-year' };

/** What the main thread needs of a Worker (a MessagePort in the Node tests). */
export interface EnginePort {
  postMessage(message: ToEngine): void;
  onmessage: ((e: { data: FromEngine }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
  terminate(): void;
}

/** What the worker needs of its global scope. */
export interface EngineScope {
  postMessage(message: FromEngine): void;
  onmessage: ((e: { data: ToEngine }) => void) | null;
}

export interface WorkerEngineOptions {
  /** Cells per message of rows, to the worker. */
  rowCells?: number;
  /** Weight per message of the answer (chunks.ts). */
  limit?: number;
  /** Milliseconds of sending before the main thread lets the page run. */
  sliceMs?: number;
  /** When the worker cannot start (its script did not load): the engine where it can run. */
  fallback?: EngineRunner;
}

/** An EngineRunner on a fresh worker per check (`spawn`), terminated when done or aborted. */
export function workerEngine(spawn: () => EnginePort, options: WorkerEngineOptions = {}): EngineRunner {
  const rowCells = options.rowCells ?? 15_000;
  const sliceMs = options.sliceMs ?? 12;
  return (job: EngineJob, run: EngineRunOptions = {}) =>
    new Promise<EngineAnswer>((resolve, reject) => {
      const { signal, onEvent } = run;
      if (signal?.aborted) {
        reject(signal.reason ?? new Error('aborted'));
        return;
      }
      const worker = spawn();
      let settled = false;
      let heard = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        worker.terminate();
        signal?.removeEventListener('abort', abort);
        fn();
      };
      const abort = () => finish(() => reject(signal!.reason ?? new Error('aborted')));
      signal?.addEventListener('abort', abort);
      const answer = new Unpacker();
      worker.onmessage = (e) => {
        heard = true;
        const m = e.data;
        if (settled) return;
        if (m.type === 'event') onEvent?.(m.event);
        else if (m.type === 'answer') {
          answer.add(m.message);
          if (answer.done) finish(() => resolve(answer.value as EngineAnswer));
        } else finish(() => reject(m.kind === 'not-a-plan' ? new NotAPlanError(m.message) : m.kind === 'previous-year' ? new PreviousYearError(m.message) : new Error(m.message)));
      };
      worker.onerror = (e) => {
        if (!heard && options.fallback && !settled) {
          // The worker's script could not be loaded (an incomplete deployment, say): slower, but the check is done.
          console.warn('Piano Offerta: il motore non è partito in un worker, eseguito nel riquadro', e.message);
          const fallback = options.fallback;
          finish(() => fallback(job, run).then(resolve, reject));
          return;
        }
        finish(() => reject(new Error(`Motore: ${e.message ?? 'worker'}`)));
      };
      void send(worker, job, rowCells, sliceMs, options.limit ?? DEFAULT_LIMIT, () => settled, onEvent).catch((err: unknown) => finish(() => reject(err)));
    });
}

/** The job to the worker, rows in bounded messages, the page given its turn every `sliceMs`. */
async function send(worker: EnginePort, job: EngineJob, rowCells: number, sliceMs: number, limit: number, stopped: () => boolean, onEvent?: (e: EngineEvent) => void): Promise<void> {
  const { snapshot, ...read } = job.read;
  const sheets: SheetHead[] = snapshot.sheets.map(({ values: _v, text, formats, ...head }) => ({
    ...head,
    grids: ['values', ...(text ? ['text' as const] : []), ...(formats ? ['formats' as const] : [])],
  }));
  worker.postMessage({ type: 'start', read, sheets, caps: job.caps, limit, previous: job.previous });
  const events = sheetEvents(job.read);
  let since = now();
  for (const [i, s] of snapshot.sheets.entries()) {
    // Said while the sheet goes: the bar shows the largest sheet for as long as it takes.
    onEvent?.(events[i]!);
    for (const grid of sheets[i]!.grids) {
      const rows = s[grid] as unknown[][];
      let start = 0;
      let cells = 0;
      for (let r = 0; r < rows.length; r++) {
        cells += rows[r]!.length + 1;
        if (cells < rowCells && r < rows.length - 1) continue;
        worker.postMessage({ type: 'rows', sheet: i, grid, rows: rows.slice(start, r + 1) });
        start = r + 1;
        cells = 0;
        if (now() - since > sliceMs) {
          await nextTask();
          if (stopped()) return;
          since = now();
        }
      }
    }
  }
  worker.postMessage({ type: 'run' });
  onEvent?.(events[events.length - 1]!);
}

/** The worker's side: gathers the job, runs it, answers in pieces. */
export function serveEngine(scope: EngineScope): void {
  let job: { read: Omit<DetachedRead, 'snapshot'>; caps: Capabilities; limit: number; sheets: SheetSnapshot[]; previous: readonly YearSummary[] } | null = null;
  scope.onmessage = (e) => {
    const m = e.data;
    if (m.type === 'start') {
      job = {
        read: m.read,
        caps: m.caps,
        limit: m.limit,
        previous: m.previous,
        sheets: m.sheets.map(({ grids, ...head }) => ({ ...head, values: [], ...(grids.includes('text') ? { text: [] } : {}), ...(grids.includes('formats') ? { formats: [] } : {}) })),
      };
      return;
    }
    if (!job) return;
    if (m.type === 'rows') {
      const into = job.sheets[m.sheet]![m.grid] as unknown[][];
      for (const row of m.rows) into.push(row);
      return;
    }
    const { read, caps, limit, sheets, previous } = job;
    job = null;
    try {
      const answer = decide({ read: { ...read, snapshot: { sheets } }, caps, previous }, (r) =>
        scope.postMessage({ type: 'event', event: { step: 'checked', anomalies: r.report.anomalies.length } }),
      );
      pack(answer, (message) => scope.postMessage({ type: 'answer', message }), limit);
    } catch (err) {
      if (err instanceof NotAPlanError) scope.postMessage({ type: 'error', message: err.message, kind: 'not-a-plan' });
      else if (err instanceof PreviousYearError) scope.postMessage({ type: 'error', message: err.message, kind: 'previous-year' });
      else {
        // The stack stays in the worker's console; the pane says an unexpected error happened.
        console.error('Piano Offerta: errore del motore', err);
        scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    }
  };
}
