/**
 * The add-in's service in Excel: the task pane's three actions over Office.js. Each action runs in
 * one Excel.run with a fixed number of syncs, and any failure reaches the pane as an Italian message.
 */
import { check } from '../core/engine';
import { ComuneUfficiale } from '../core/reference/comuni';
import { AddinService, CheckOutcome, Progress, UserFacingError } from '../taskpane/service';
import { Capabilities, RequestBudget, capabilitiesOf, plainAddress, queueHighlightReads, queueStateProbe, queueStateUpdate, queueUndo, writePlan } from './apply';
import { WritePlan } from '../core/output/write-plan';
import { toUserFacingError } from './errors';
import { WorkbookRead, loadState, oursOf, outputNamed, queueFirstCells, readWorkbook } from './read';
import { EMPTY_STATE, decodeState } from './state';
import { createStandardSheets } from './standard-sheets';

export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeServiceOptions {
  run: ExcelRunner;
  isSetSupported: (name: string, version: string) => boolean;
}

const UNSUPPORTED = new UserFacingError(
  'Questa versione di Excel è troppo vecchia per Piano Offerta.',
  'Serve Excel 2019 o successivo, Excel per Microsoft 365 o Excel sul web (ExcelApi 1.7).',
  'unsupported',
);

const STRUCTURE_PROTECTED = new UserFacingError(
  'La struttura della cartella di lavoro è protetta: Piano Offerta non può aggiungere né togliere i suoi fogli.',
  'Togliere la protezione della struttura (Revisione › Proteggi cartella di lavoro) e riprovare.',
  'protected',
);

/** Nothing is written until we know it can be: protected sheets or structure, foreign output sheets. */
function refuseIfCannotWrite(read: WorkbookRead, plan: WritePlan): void {
  if (read.structureProtected) throw STRUCTURE_PROTECTED;
  const touched = new Set([...plan.annotations.map((a) => a.sheet), ...plan.columns.map((c) => c.sheet)]);
  const locked = [...touched].filter((s) => read.protectedSheets.has(s));
  if (locked.length) {
    throw new UserFacingError(
      `Il foglio ${locked.map((s) => `«${s}»`).join(', ')} è protetto: Piano Offerta non può evidenziare le celle né scrivere la colonna dei risultati.`,
      'Togliere la protezione (Revisione › Rimuovi protezione foglio) e riprovare. I valori inseriti non vengono mai modificati.',
      'protected',
    );
  }
  const foreign = [...read.outputSheets].filter(([, ours]) => !ours).map(([name]) => name);
  if (foreign.length) {
    throw new UserFacingError(
      `Esiste già un foglio ${foreign.map((s) => `«${s}»`).join(', ')} che non è stato creato da Piano Offerta.`,
      'Rinominarlo (ad esempio aggiungendo «vecchio») e riprovare: Piano Offerta non sovrascrive i fogli degli utenti.',
      'unknown',
    );
  }
}

export function officeService({ run, isSetSupported }: OfficeServiceOptions): AddinService {
  const caps: Capabilities = capabilitiesOf(isSetSupported);
  const guarded = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (!isSetSupported('ExcelApi', '1.7')) throw UNSUPPORTED;
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
          const read = await readWorkbook(context, caps);
          onProgress({ stage: 'controllo', label: 'Controllo delle righe e calcolo della sezione g…', fraction: 0.4 });
          const result = check(read.snapshot);
          const plan = result.writePlan;
          refuseIfCannotWrite(read, plan);

          onProgress({ stage: 'scrittura', label: 'Scrittura dei risultati…', fraction: 0.6 });
          // Sync 3: undo the previous run, and read what the new highlights will cover (and, for
          // threaded comments, where the user's comments are: never a second one on a cell).
          const ours = [...read.outputSheets].filter(([, mine]) => mine).map(([name]) => name);
          const previousIds = new Set((read.state?.cells ?? []).flatMap((c) => (c.commentId ? [c.commentId] : [])));
          const locations = read.comments
            ? read.comments.items.filter((c) => !previousIds.has(c.id)).map((c) => {
                const loc = c.getLocation();
                loc.load('address');
                return loc;
              })
            : [];
          queueUndo(context, read.state ?? EMPTY_STATE, read.probe, read.names, ours);
          const highlights = queueHighlightReads(context, plan, caps);
          await context.sync();

          // Sync 4: everything written at once (more only for very large plans); sync 5 only to record comment ids.
          const commentCells = new Set(locations.map((l) => plainAddress(l.address)));
          const budget = new RequestBudget(context);
          const written = await writePlan(context, plan, highlights, caps, commentCells, budget);
          await context.sync();
          if (written.comments.length) {
            for (const { cell, comment } of written.comments) cell.commentId = comment.id;
            queueStateUpdate(context, written.state);
            await context.sync();
          }
          onProgress({ stage: 'fatto', label: 'Fatto.', fraction: 1 });
          return {
            report: result.report,
            sheets: plan.sheets.map((s) => s.name),
            highlightedCells: highlights.cells.length,
            highlightCapped: highlights.capped,
          };
        }),
      ),

    removeResults: () =>
      guarded(() =>
        run(async (context) => {
          const read = await readWorkbookState(context);
          const outputs = outputNamed(read.names);
          if (read.structureProtected && (read.state || outputs.length)) throw STRUCTURE_PROTECTED;
          const state = read.state ?? EMPTY_STATE;
          // Same batch: which output-named sheets are ours, and what is still ours of the last run.
          const firstCells = queueFirstCells(context, outputs);
          const probe = queueStateProbe(context, state, caps, read.names);
          await context.sync();
          const ours = [...oursOf(firstCells, read.state)].filter(([, mine]) => mine).map(([name]) => name);
          queueUndo(context, state, probe, read.names, ours);
          await context.sync();
          const removedSheets = [...new Set([...state.sheets, ...ours])].filter((n) => read.names.includes(n));
          return { removedSheets, restoredCells: state.cells.length };
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

/** For "Rimuovi risultati": the sheet names, the state and whether the workbook structure is protected (1 sync). */
async function readWorkbookState(context: Excel.RequestContext) {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const stateRange = loadState(context);
  const protection = context.workbook.protection;
  protection.load('protected');
  await context.sync();
  const names = sheets.items.map((s) => s.name);
  const state = stateRange.isNullObject ? null : decodeState(stateRange.values);
  return { names, state, structureProtected: protection.protected };
}

/** The service inside Excel (office.js loaded from Microsoft's CDN, Office.onReady done). */
export function createOfficeService(): AddinService {
  return officeService({
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  });
}
