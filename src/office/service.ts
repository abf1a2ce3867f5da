/**
 * The add-in's service in Excel: the task pane's actions over Office.js. Each action is one
 * Excel.run with a fixed number of syncs (reading: three; writing: one, more only for very large
 * writes), waits for a cell being edited instead of failing, decides everything before the first
 * write, and takes back what it wrote if Excel refuses a write half-way. Failures reach the pane as
 * Italian messages.
 */
import { check } from '../core/engine';
import { NotAPlanError } from '../core/scope';
import { ComuneUfficiale } from '../core/reference/comuni';
import { AddinService, CheckOutcome, Progress, RemoveOutcome, UserFacingError, WriteNotice } from '../taskpane/service';
import { RequestBudget } from './budget';
import { Capabilities, MINIMUM_SET, capabilitiesOf } from './capabilities';
import { toUserFacingError } from './errors';
import { Platform, WorkbookRead, readWorkbook } from './read';
import { createStandardSheets } from './standard-sheets';
import { WriteDecision, planRemoval, planWrite, queueWrite } from './write';

export interface OfficeServiceOptions {
  excel: Pick<typeof Excel, 'run'>;
  isSetSupported: (name: string, version: string) => boolean;
  /** Excel on the web answers at most 5 MB a request: reads go in smaller blocks there. */
  platform: Platform;
}

const UNSUPPORTED = new UserFacingError(
  'Questa versione di Excel è troppo vecchia per Piano Offerta.',
  'Serve Excel 2019 o successivo, Excel per Microsoft 365 o Excel sul web (ExcelApi 1.7).',
  'unsupported',
);

/** A cell being edited makes Excel refuse every batch: with this option Excel waits for the user instead. */
const RUN_OPTIONS = { delayForCellEdit: true };

/** Queues a decision and sends it, in as many requests as its size needs. */
async function write(context: Excel.RequestContext, decision: WriteDecision, read: WorkbookRead, caps: Capabilities): Promise<void> {
  const calc = () => context.workbook.application.suspendApiCalculationUntilNextSync();
  calc();
  const budget = new RequestBudget(context, undefined, calc);
  await queueWrite(context, decision, read, caps, budget);
  await context.sync();
}

/** After a refused write: everything of the add-in's is found again by what it holds, and removed. */
async function takeBack(context: Excel.RequestContext, caps: Capabilities, platform: Platform): Promise<boolean> {
  try {
    const read = await readWorkbook(context, caps, platform);
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

export function officeService({ excel, isSetSupported, platform }: OfficeServiceOptions): AddinService {
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

  return {
    createStandardSheets: ({ comuni }: { comuni?: ComuneUfficiale[] }) =>
      guarded(() => run((context) => createStandardSheets(context, caps, comuni ?? []))),

    checkAndApply: (onProgress: (p: Progress) => void) =>
      guarded(() =>
        run(async (context): Promise<CheckOutcome> => {
          onProgress({ stage: 'lettura', label: 'Lettura dei fogli…', fraction: 0.1 });
          const read = await readWorkbook(context, caps, platform);
          onProgress({ stage: 'controllo', label: 'Controllo delle righe e calcolo della sezione g…', fraction: 0.4 });
          let result;
          try {
            result = check(read.snapshot);
          } catch (err) {
            // No unit list: nothing to check, and nothing is written.
            if (err instanceof NotAPlanError) throw new UserFacingError(err.message, "Aprire la cartella del piano, oppure usare «Crea fogli standard» e incollare l'elenco delle unità nel foglio Unita.", 'not-a-plan');
            throw err;
          }
          // Everything is decided, every precondition checked, before the first write.
          const decision = planWrite(result, read, caps);
          onProgress({ stage: 'scrittura', label: 'Scrittura dei risultati…', fraction: 0.6 });
          try {
            await write(context, decision, read, caps);
          } catch (err) {
            const notice = writeFailed(err, await takeBack(context, caps, platform));
            onProgress({ stage: 'fatto', label: 'Fatto.', fraction: 1 });
            return { report: result.report, readiness: result.readiness, sheets: [], highlightedCells: 0, highlightCapped: false, notedCells: 0, notices: [notice] };
          }
          onProgress({ stage: 'fatto', label: 'Fatto.', fraction: 1 });
          return {
            report: result.report,
            readiness: result.readiness,
            sheets: decision.outputs.map((s) => s.name),
            highlightedCells: decision.highlightedCells,
            highlightCapped: decision.highlightCapped,
            notedCells: decision.notes.length,
            notices: decision.notices,
          };
        }),
      ),

    removeResults: () =>
      guarded(() =>
        run(async (context): Promise<RemoveOutcome> => {
          const read = await readWorkbook(context, caps, platform);
          const decision = planRemoval(read, caps);
          await write(context, decision, read, caps);
          const cleared = decision.columns.reduce((n, c) => n + c.values.filter((v) => v === '').length, 0);
          return {
            removedSheets: decision.deleteSheets,
            removedMarks: decision.deleteFormats.length + decision.deleteNotes.length + decision.deleteComments.length + cleared,
            notices: decision.notices,
          };
        }),
      ),

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
export function createOfficeService(): AddinService {
  return officeService({
    excel: Excel,
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    platform: Office.context.platform === Office.PlatformType.OfficeOnline ? 'web' : 'desktop',
  });
}
