/**
 * The add-in's service in Excel: the task pane's actions over Office.js. Each action is one
 * Excel.run with a fixed number of syncs (reading: three; writing: one, more only for very large
 * writes), waits for a cell being edited instead of failing, decides everything before the first
 * write, and takes back what it wrote if Excel refuses a write half-way. Failures reach the pane as
 * Italian messages.
 */
import { countOf, num } from '../core/italian';
import { NotAPlanError } from '../core/scope';
import { ComuneUfficiale } from '../core/reference/comuni';
import { PreviousYearError } from '../core/previous/year';
import { PREVIOUS_YEAR_ACTION } from '../core/previous/wording';
import { AddinService, CheckOptions, CheckOutcome, Progress, RemoveOutcome, UserFacingError, WriteNotice } from '../taskpane/service';
import { RequestBudget } from './budget';
import { Capabilities, MINIMUM_SET, capabilitiesOf } from './capabilities';
import { EngineEvent, EngineRunner, attach, detach, inProcessEngine, outcomeOf } from './engine-job';
import { toUserFacingError } from './errors';
import { PacedBudget } from './pacing';
import { Platform, WorkbookRead, readWorkbook } from './read';
import { FilledRows, KnownWorkbook, createStandardSheets } from './standard-sheets';
import { locateSheets } from '../core/reading/table';
import { readPlan } from '../core/reading/plan';
import { standardRowsFromPaste } from '../core/reading/sections/standard';
import { LAST_CHECK_KEY, inspectWorkbook } from './status';
import { WriteDecision, planRemoval, queueWrite } from './write';

export interface OfficeServiceOptions {
  excel: Pick<typeof Excel, 'run'>;
  isSetSupported: (name: string, version: string) => boolean;
  /** Excel on the web answers at most 5 MB a request: reads go in smaller blocks there. */
  platform: Platform;
  /**
   * Runs the engine and decides the write, the seconds of pure work of a large check: in the pane a
   * Web Worker (createOfficeService), by default on the calling thread (the Node tests).
   */
  runEngine?: EngineRunner;
  /** The clock the kept check is dated by (fixed in tests, where two runs must leave equal workbooks). */
  now?: () => Date;
  /** False where the pane's web view cannot save files (Excel for Mac, iPad). */
  canDownload?: boolean;
}

/** What «Annulla» before the first write leads to: the workbook was not touched. */
export function cancelledError(): UserFacingError {
  return new UserFacingError('Controllo annullato: la cartella non è stata modificata.', '', 'cancelled');
}

/** Where a check is, for the pane's «Annulla»: stoppable until the first write. */
interface Gate {
  signal?: AbortSignal;
  /** Throws the cancellation once «Annulla» was pressed (before the writing). */
  check(): void;
  /** The writing begins: from here «Annulla» no longer stops anything. Throws if it came first. */
  writing(): void;
}

/**
 * Runs `work` so that aborting `signal` before `gate.writing()` rejects at once with the cancellation
 * (the work itself stops at its next `gate.check()`, or when the engine's worker is terminated,
 * without writing); aborting afterwards changes nothing.
 */
function cancellable<T>(signal: AbortSignal | undefined, work: (gate: Gate) => Promise<T>): Promise<T> {
  if (!signal) return work({ check() {}, writing() {} });
  if (signal.aborted) return Promise.reject(cancelledError());
  return new Promise<T>((resolve, reject) => {
    let writing = false;
    const stop = () => {
      if (!writing) reject(cancelledError());
    };
    signal.addEventListener('abort', stop);
    const gate: Gate = {
      signal,
      check() {
        if (signal.aborted && !writing) throw cancelledError();
      },
      writing() {
        gate.check();
        writing = true;
      },
    };
    work(gate)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', stop));
  });
}

/** Performance marks at the stages of a check (the browser test reads them); nothing where the platform has none. */
const MARKS = ['inizio', 'letto', 'deciso', 'fine'] as const;
function mark(name: (typeof MARKS)[number]): void {
  const perf = typeof performance === 'undefined' ? undefined : performance;
  if (!perf?.mark) return;
  if (name === 'inizio') for (const m of MARKS) perf.clearMarks?.(`piano-offerta:${m}`);
  perf.mark(`piano-offerta:${name}`);
}

const CHECKING = 'Controllo delle righe e calcolo della sezione g…';

/** The engine's events as the bar shows them: each sheet's rows read, all of them being checked, what the engine found. */
function progressOf(e: EngineEvent): Progress {
  if (e.step === 'sheet') return { stage: 'lettura', label: 'Lettura dei fogli…', fraction: 0.25 + 0.15 * (e.done / Math.max(1, e.total)), detail: `Foglio «${e.sheet}»: ${num(e.rows)} righe lette` };
  if (e.step === 'checking') return { stage: 'controllo', label: CHECKING, fraction: 0.45, detail: `${num(e.rows)} righe in ${countOf(e.sheets, 'foglio', 'fogli')}` };
  return { stage: 'controllo', label: CHECKING, fraction: 0.6, detail: `${countOf(e.anomalies, 'anomalia trovata', 'anomalie trovate')}: preparazione dei risultati` };
}

const UNSUPPORTED = new UserFacingError(
  'Questa versione di Excel è troppo vecchia per Piano Offerta.',
  'Serve Excel 2019 o successivo, Excel per Microsoft 365 o Excel sul web (ExcelApi 1.7).',
  'unsupported',
);

/** A cell being edited makes Excel refuse every batch: with this option Excel waits for the user instead. */
const RUN_OPTIONS = { delayForCellEdit: true };

/** Queues a decision and sends it, in as many requests as its size needs. */
async function write(context: Excel.RequestContext, decision: WriteDecision, read: WorkbookRead, caps: Capabilities, last?: (budget: RequestBudget) => Promise<void>): Promise<void> {
  const calc = () => context.workbook.application.suspendApiCalculationUntilNextSync();
  calc();
  // Queued in short tasks: the pane stays responsive while a large write is prepared.
  const budget = new PacedBudget(context, calc);
  await queueWrite(context, decision, read, caps, budget);
  await last?.(budget);
  await context.sync();
}

/** After a refused write: everything of the add-in's is found again by what it holds, and removed. */
async function takeBack(context: Excel.RequestContext, caps: Capabilities, platform: Platform): Promise<boolean> {
  try {
    const read = await readWorkbook(context, caps, platform);
    // The kept outcome described results that are no longer there.
    context.workbook.settings.getItemOrNullObject(LAST_CHECK_KEY).delete();
    await write(context, planRemoval(read, caps), read, caps);
    return true;
  } catch {
    return false;
  }
}

/** The check itself succeeded: its result stays in the pane, with why nothing was written and what to do. */
function writeFailed(err: unknown, cleaned: boolean): WriteNotice {
  const base = toUserFacingError(err);
  const what = cleaned
    ? 'I risultati non sono stati scritti nella cartella: Excel ha rifiutato una scrittura e Piano Offerta ha tolto quanto aveva già scritto (anche i risultati del controllo precedente).'
    : 'I risultati non sono stati scritti nella cartella e alcuni potrebbero essere rimasti a metà: usare «Rimuovi risultati».';
  return { message: `${what} ${base.message} ${base.action}`, intent: 'error' };
}


/** The engine's refusals as the pane says them: no unit list, or a previous year that does not fit. */
function engineFailure(err: unknown): unknown {
  if (err instanceof NotAPlanError) return new UserFacingError(err.message, "Aprire la cartella del piano, oppure usare «Crea fogli standard» e incollare l'elenco delle unità nel foglio Unita.", 'not-a-plan');
  if (err instanceof PreviousYearError) return new UserFacingError(err.message, PREVIOUS_YEAR_ACTION, 'unreadable');
  return err;
}


export function officeService({ excel, isSetSupported, platform, runEngine = inProcessEngine, now = () => new Date(), canDownload = true }: OfficeServiceOptions): AddinService {
  const caps = capabilitiesOf(isSetSupported);
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => excel.run(RUN_OPTIONS, batch);
  const guarded = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (!isSetSupported('ExcelApi', MINIMUM_SET)) throw UNSUPPORTED;
    try {
      return await fn();
    } catch (err) {
      throw toUserFacingError(err);
    }
  };

  /** The pasted section tables read again, as the standard sheets' rows (a paste is a few hundred rows: read here), with what the reading knows of the workbook. */
  const pastedRows = async (context: Excel.RequestContext): Promise<{ rows: FilledRows; known: KnownWorkbook }> => {
    const read = await readWorkbook(context, caps, platform);
    return { rows: standardRowsFromPaste(readPlan(locateSheets(read.snapshot))), known: read };
  };

  return {
    createStandardSheets: ({ comuni, fromPaste }: { comuni?: ComuneUfficiale[]; fromPaste?: boolean }) =>
      guarded(() =>
        run(async (context) => {
          if (!fromPaste) return createStandardSheets(context, caps, comuni ?? []);
          const { rows, known } = await pastedRows(context);
          return createStandardSheets(context, caps, comuni ?? [], rows, known);
        }),
      ),

    checkAndApply: (onProgress: (p: Progress) => void, signal?: AbortSignal, options: CheckOptions = {}) =>
      guarded(() => cancellable(signal, (gate) =>
        run(async (context): Promise<CheckOutcome> => {
          mark('inizio');
          onProgress({ stage: 'lettura', label: 'Lettura dei fogli…', fraction: 0.05 });
          const read = await readWorkbook(context, caps, platform);
          gate.check();
          mark('letto');
          // The engine and the decision off the main thread (a Web Worker in the pane), without Office.js's objects.
          const { read: detached, objects } = detach(read);
          let result;
          try {
            result = await runEngine({ read: detached, caps, previous: options.previous ?? [] }, { ...(gate.signal ? { signal: gate.signal } : {}), onEvent: (e) => onProgress(progressOf(e)) });
          } catch (err) {
            gate.check();
            // No unit list: nothing to check, and nothing is written.
            throw engineFailure(err);
          }
          // Everything is decided, every precondition checked, before the first write.
          const decision = attach(result.decision, objects);
          mark('deciso');
          const outcome = outcomeOf(result.report, result.readiness, decision, result.document, result.kept.outcome.compared, result.kept.outcome.comparison);
          // From the first write on, «Annulla» would leave the workbook half-written: it no longer stops anything.
          gate.writing();
          onProgress({ stage: 'scrittura', label: 'Scrittura dei risultati (non si può più annullare)…', fraction: 0.75, cancellable: false });
          try {
            await write(context, decision, read, caps, async (budget) => {
              // Kept with the results, in the same requests: a reopened pane shows this outcome again.
              await budget.before(result.keptBytes);
              context.workbook.settings.add(LAST_CHECK_KEY, { ...result.kept, at: now().toISOString() });
            });
          } catch (err) {
            const notice = writeFailed(err, await takeBack(context, caps, platform));
            onProgress({ stage: 'fatto', label: 'Fatto.', fraction: 1, cancellable: false });
            return { report: result.report, readiness: result.readiness, sheets: [], highlightedCells: 0, highlightCapped: false, notedCells: 0, notices: [notice] };
          }
          mark('fine');
          onProgress({ stage: 'fatto', label: 'Fatto.', fraction: 1, cancellable: false });
          return outcome;
        })),
      ),

    removeResults: () =>
      guarded(() =>
        run(async (context): Promise<RemoveOutcome> => {
          const read = await readWorkbook(context, caps, platform);
          const decision = planRemoval(read, caps);
          context.workbook.settings.getItemOrNullObject(LAST_CHECK_KEY).delete();
          await write(context, decision, read, caps);
          const cleared = decision.columns.reduce((n, c) => n + c.values.filter((v) => v === '').length, 0);
          return {
            removedSheets: decision.deleteSheets,
            removedMarks: decision.deleteFormats.length + decision.deleteNotes.length + decision.deleteComments.length + cleared,
            notices: decision.notices,
          };
        }),
      ),

    inspect: () => guarded(() => run((context) => inspectWorkbook(context))),

    isCurrent: (fingerprint, options = {}) =>
      guarded(() =>
        run(async (context) => {
          const read = await readWorkbook(context, caps, platform);
          try {
            // The same engine, off the main thread in the pane; nothing is written.
            return (await runEngine({ read: detach(read).read, caps, previous: options.previous ?? [] })).fingerprint === fingerprint;
          } catch (err) {
            // The plan's sheets are gone (or last year's no longer fits): the results on screen do not hold.
            if (err instanceof NotAPlanError || err instanceof PreviousYearError) return false;
            throw err;
          }
        }),
      ),

    planDocument: (options = {}) =>
      guarded(() =>
        run(async (context) => {
          const read = await readWorkbook(context, caps, platform);
          try {
            return (await runEngine({ read: detach(read).read, caps, previous: options.previous ?? [] })).document;
          } catch (err) {
            throw engineFailure(err);
          }
        }),
      ),

    canDownload,

    selectCell: (sheet: string, cell: string) =>
      guarded(() =>
        run(async (context) => {
          const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
          ws.load('name');
          await context.sync();
          if (ws.isNullObject) {
            throw new UserFacingError(`Il foglio «${sheet}» non esiste più.`, 'Eseguire di nuovo «Controlla e calcola».', 'unknown');
          }
          ws.activate();
          ws.getRange(cell).select();
          await context.sync();
        }),
      ),
  };
}

/** The service inside Excel (office.js loaded from Microsoft's CDN, Office.onReady done). */
/** Excel for Mac's WKWebView refuses downloads from add-ins by design; on iPad there is no file system to save to. */
export function paneCannotDownload(): boolean {
  const p = Office.context.platform;
  return p === Office.PlatformType.Mac || p === Office.PlatformType.iOS;
}

export function createOfficeService(): AddinService {
  // The engine in a Web Worker (engine-spawn.ts, loaded with the first check).
  let engine: Promise<EngineRunner> | null = null;
  const runEngine: EngineRunner = async (job, options) => {
    engine ??= import(/* webpackChunkName: "engine-client" */ './engine-spawn').then((m) => m.paneEngine());
    return (await engine)(job, options);
  };
  return officeService({
    excel: Excel,
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    platform: Office.context.platform === Office.PlatformType.OfficeOnline ? 'web' : 'desktop',
    runEngine,
    canDownload: !paneCannotDownload(),
  });
}
