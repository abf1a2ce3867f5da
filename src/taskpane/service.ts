/**
 * What the task pane asks of its host. The React pane depends only on this interface; the Office.js
 * implementation (src/office/) and, later, the standalone file mode implement it.
 */
import type { ComuneUfficiale } from '../core/reference/comuni';
import type { Report } from '../core/report';
import type { Readiness } from '../core/scope';
import type { PlanDocument } from '../core/document/model';
import type { YearSummary } from '../core/previous/year';
import type { PreviousYearTable } from '../core/output/riepilogo-previous';

/** What a check is compared with: last year's plan and the years before (read from their files). */
export interface CheckOptions {
  previous?: YearSummary[];
}

export type StageId = 'lettura' | 'controllo' | 'scrittura' | 'fatto';

export interface Progress {
  stage: StageId;
  /** Italian, names the stage for the user: "Lettura dei fogli…". */
  label: string;
  /** 0..1 */
  fraction: number;
  /** Counts, shown under the bar and not announced: "Foglio «Unita»: 40.000 righe lette". */
  detail?: string;
  /** False once «Annulla» can no longer stop the work (Excel is being written): the pane disables it. */
  cancellable?: boolean;
}

/** Something the user should know about what was (not) written, and what to do. */
export interface WriteNotice {
  /** Italian, complete: what happened, why, what to do. */
  message: string;
  /** An error stopped the writing (the results are in the pane only); otherwise something to know. */
  intent?: 'warning' | 'error';
}

export interface CheckOutcome {
  report: Report;
  /** What was checked (a plan or one owner's list) and, for a plan, what keeps it from the Assemblea. */
  readiness: Readiness;
  /** Output sheets written, e.g. ["Sezione g", "Anomalie", "Riepilogo"]; none when they could not be. */
  sheets: string[];
  /** Input cells highlighted. */
  highlightedCells: number;
  /** True when there were more anomalous cells than the add-in highlights (all are in Anomalie). */
  highlightCapped: boolean;
  /** Cells given a note saying why (Excel with the notes API); 0 elsewhere. */
  notedCells: number;
  /** What could not be written, or is worth knowing about what was: said in the pane. */
  notices: WriteNotice[];
  /** The plan document's content (the Word chapter), built with the check; rendered only when asked. */
  document?: PlanDocument;
  /** The previous years this plan was compared with, most recent first (none: no comparison). */
  compared?: { anno: number | null; label: string; source: 'workbook' | 'report' }[];
  /** The per-owner comparison with last year, as Riepilogo's table (g last year, k, still listed, g now). */
  comparison?: PreviousYearTable;
}

export interface CreateSheetsOutcome {
  created: string[];
  /** Of those created, the sheets filled with what was read from pasted section tables. */
  filled?: string[];
  /** Standard sheets that already existed and were left untouched. */
  existing: string[];
}

export interface RemoveOutcome {
  removedSheets: string[];
  /** Highlights (conditional formats), notes and computed cells taken away. */
  removedMarks: number;
  notices: WriteNotice[];
}

/** The last check, as the add-in keeps it in the workbook: shown again when the pane is reopened. */
export interface SavedCheck {
  version: 1;
  /** When it ran (ISO 8601). */
  at: string;
  /** Of its report: a new reading that gives another report means the workbook changed since. */
  fingerprint: string;
  outcome: CheckOutcome;
  /** Anomalies left out of the kept report (too many for the add-in's settings); all are in «Anomalie». */
  omittedAnomalies: number;
}

/** What the pane knows of the workbook before any check, to offer only the actions that can do something. */
export interface WorkbookStatus {
  /** Standard sheets present, by the name they have in this workbook. */
  standardPresent: string[];
  /** Standard sheets missing («Crea fogli standard» would add them). */
  standardMissing: string[];
  /** No sheet holds anything (output sheets aside): nothing to check yet. */
  empty: boolean;
  /** Piano Offerta's sheets, columns or notes are in the workbook («Rimuovi risultati» has work). */
  hasResults: boolean;
  last: SavedCheck | null;
}

export interface AddinService {
  /** The workbook's sheets and the add-in's results in it, without reading any values. */
  inspect(): Promise<WorkbookStatus>;
  /** Reads and checks again without writing: true when the report would have this fingerprint (src/core/fingerprint.ts). */
  isCurrent(fingerprint: string, options?: CheckOptions): Promise<boolean>;
  /**
   * Creates the missing standard sheets (never touches an existing one); optionally fills Comuni, and,
   * with `fromPaste`, fills them with what the workbook's pasted section tables hold (read again now).
   */
  createStandardSheets(options: { comuni?: ComuneUfficiale[]; fromPaste?: boolean }): Promise<CreateSheetsOutcome>;
  /**
   * Reads the workbook, runs the engine, applies the write plan. Aborting `signal` before the first
   * write stops the check and rejects with a UserFacingError of code 'cancelled' (the workbook
   * untouched); from the progress with `cancellable: false` on, the writing goes on to the end.
   */
  checkAndApply(onProgress: (p: Progress) => void, signal?: AbortSignal, options?: CheckOptions): Promise<CheckOutcome>;
  /** Removes everything the add-in wrote, and nothing else. */
  removeResults(): Promise<RemoveOutcome>;
  /** Reads and checks again, writing nothing: the plan document of the workbook as it is now. */
  planDocument(options?: CheckOptions): Promise<PlanDocument>;
  /**
   * Whether the pane can save a file to the user's disk: Excel for Mac's web view refuses downloads by
   * design; Windows and the web allow them.
   */
  readonly canDownload: boolean;
  /** Selects a cell (and activates its sheet) in the workbook. */
  selectCell(sheet: string, cell: string): Promise<void>;
}

/**
 * A failure the user can act on: an Italian message saying what happened and what to do. Shells
 * translate host errors (protected sheet, cell in edit mode, unsupported Excel…) into this.
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    /** What to do about it, in Italian. */
    readonly action: string,
    readonly code: 'protected' | 'edit-mode' | 'unsupported' | 'too-large' | 'no-workbook' | 'unreadable' | 'not-a-plan' | 'cancelled' | 'unknown' = 'unknown',
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
