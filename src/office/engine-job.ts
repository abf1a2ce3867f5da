/**
 * The pure part of «Controlla e calcola» in Excel, apart from Office.js: the engine on the snapshot
 * and the decision of what to write (planWrite). On a 100,000-unit plan that is seconds of work, so
 * the pane runs it in a Web Worker (engine-worker.ts); the Node tests run it in-process. Office.js
 * objects cannot leave the main thread: the read goes out "detached" (each object of Excel replaced by
 * a token), and the tokens in the decision are turned back into the objects on return. planWrite only
 * passes those objects along (the conditional formats and comments to delete), never uses them.
 */
import { EngineResult, check } from '../core/engine';
import { reportFingerprint } from '../core/fingerprint';
import { buildPlanDocument } from '../core/document';
import type { PlanDocument } from '../core/document/model';
import type { Report } from '../core/report';
import type { CheckOutcome, SavedCheck } from '../taskpane/service';
import { jsonBytes } from './budget';
import { savedCheck } from './kept-check';
import type { YearSummary } from '../core/previous/year';
import type { Readiness } from '../core/scope';
import type { Capabilities } from './capabilities';
import type { SheetShape, WorkbookRead } from './read';
import { WriteDecision, planWrite } from './write';

/** Stands for an Office.js object left on the main thread. */
export interface OfficeToken {
  office: number;
}

export type DetachedShape = Omit<SheetShape, 'ws' | 'ourFormats'> & { ourFormats: OfficeToken[] };
export type DetachedRead = Omit<WorkbookRead, 'inputs' | 'ourComments'> & {
  inputs: DetachedShape[];
  ourComments: { sheet: string; comment: OfficeToken }[];
};
export type DetachedDecision = Omit<WriteDecision, 'deleteFormats' | 'deleteComments'> & {
  deleteFormats: OfficeToken[];
  deleteComments: OfficeToken[];
};

export interface EngineJob {
  read: DetachedRead;
  caps: Capabilities;
  /** Last year's plan (and the years before), to compare with (none: []); plain data, posted to the worker as it is. */
  previous: readonly YearSummary[];
}

export interface EngineAnswer {
  report: Report;
  readiness: Readiness;
  decision: DetachedDecision;
  /** Of the report (src/core/fingerprint.ts): a later reading is current when it gives the same. */
  fingerprint: string;
  /** The outcome as the workbook keeps it (dated when written), and its size in a request. */
  kept: SavedCheck;
  keptBytes: number;
  /** The plan document's content (small: the tables of the chapter), rendered to .docx only when asked. */
  document: PlanDocument;
}

/** What the engine's side reports while it works, for the progress bar. */
export type EngineEvent =
  /** A sheet's rows, read from Excel, are going to the engine (`rows` of it; `done` of `total` rows of all sheets with it). */
  | { step: 'sheet'; sheet: string; rows: number; done: number; total: number }
  /** Every row is with the engine: `rows` in `sheets` sheets, being checked. */
  | { step: 'checking'; rows: number; sheets: number }
  /** Every row checked: `anomalies` found; the write is being decided. */
  | { step: 'checked'; anomalies: number };

export interface EngineRunOptions {
  signal?: AbortSignal;
  onEvent?: (e: EngineEvent) => void;
}

/**
 * Runs a job: resolves with the answer, rejects with the engine's NotAPlanError when no sheet is a
 * unit list, and, once `signal` is aborted, stops as soon as it can and rejects (with `signal.reason`).
 */
export type EngineRunner = (job: EngineJob, options?: EngineRunOptions) => Promise<EngineAnswer>;

/** The read without Office.js objects, and those objects by token. */
export function detach(read: WorkbookRead): { read: DetachedRead; objects: unknown[] } {
  const objects: unknown[] = [];
  const token = (o: unknown): OfficeToken => ({ office: objects.push(o) - 1 });
  const { inputs, ourComments, ...rest } = read;
  return {
    read: {
      ...rest,
      inputs: inputs.map(({ ws: _ws, ourFormats, ...shape }) => ({ ...shape, ourFormats: ourFormats.map(token) })),
      ourComments: ourComments.map((c) => ({ sheet: c.sheet, comment: token(c.comment) })),
    },
    objects,
  };
}

/** The decision with its tokens turned back into the Office.js objects they stand for. */
export function attach(decision: DetachedDecision, objects: unknown[]): WriteDecision {
  const back = <T>(t: OfficeToken) => objects[t.office] as T;
  return {
    ...decision,
    deleteFormats: decision.deleteFormats.map((t) => back<Excel.ConditionalFormat>(t)),
    deleteComments: decision.deleteComments.map((t) => back<Excel.Comment>(t)),
  };
}

/** The engine and the decision, where it runs (worker or main thread). */
export function decide(job: EngineJob, onChecked: (result: EngineResult) => void = () => undefined): EngineAnswer {
  const result = check(job.read.snapshot, { previous: job.previous });
  onChecked(result);
  // planWrite reads no Office.js object: the tokens stand in for them and come back in the decision.
  const decision = planWrite(result, job.read as unknown as WorkbookRead, job.caps) as unknown as DetachedDecision;
  const fingerprint = reportFingerprint(result.report);
  const kept = savedCheck(outcomeOf(result.report, result.readiness, decision, undefined, result.compared, result.comparison ?? undefined), fingerprint, UNDATED);
  const document = buildPlanDocument(result);
  return { report: result.report, readiness: result.readiness, decision, fingerprint, kept, keptBytes: jsonBytes(JSON.stringify(kept)), document };
}

/** Stands for the date of the write until the main thread puts it (same length: the size holds). */
const UNDATED = '0000-00-00T00:00:00.000Z';

/** What the pane shows of a check that was written. */
export function outcomeOf(
  report: Report,
  readiness: Readiness,
  decision: Pick<DetachedDecision, 'outputs' | 'highlightedCells' | 'highlightCapped' | 'notes' | 'notices'>,
  document?: PlanDocument,
  compared: NonNullable<CheckOutcome['compared']> = [],
  comparison?: CheckOutcome['comparison'],
): CheckOutcome {
  return {
    ...(comparison ? { comparison } : {}),
    ...(document ? { document } : {}),
    ...(compared.length ? { compared } : {}),
    report,
    readiness,
    sheets: decision.outputs.map((s) => s.name),
    highlightedCells: decision.highlightedCells,
    highlightCapped: decision.highlightCapped,
    notedCells: decision.notes.length,
    notices: decision.notices,
  };
}

/** Row counts of a job's sheets, in order, as the sheets go to the engine; then all of them. */
export function sheetEvents(read: DetachedRead): EngineEvent[] {
  const total = read.snapshot.sheets.reduce((n, s) => n + s.values.length, 0);
  let done = 0;
  const events: EngineEvent[] = read.snapshot.sheets.map((s) => {
    done += s.values.length;
    return { step: 'sheet', sheet: s.name, rows: s.values.length, done, total };
  });
  return [...events, { step: 'checking', rows: total, sheets: read.snapshot.sheets.length }];
}

/** On the calling thread: what the Node tests use, and the pane where Web Workers are not available. */
export const inProcessEngine: EngineRunner = async (job, { signal, onEvent } = {}) => {
  stopIfAborted(signal);
  for (const e of sheetEvents(job.read)) onEvent?.(e);
  const answer = decide(job, (r) => onEvent?.({ step: 'checked', anomalies: r.report.anomalies.length }));
  stopIfAborted(signal);
  return answer;
};

/** Throws the signal's reason once aborted (AbortSignal.throwIfAborted is missing in older Safari, Excel for Mac's web view). */
export function stopIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new Error('aborted');
}
