/** What the file worker tells the page. */
import type { CheckOutcome, Progress, UserFacingError } from '../taskpane/service';
import type { YearSummary } from '../core/previous/year';

/**
 * When each stage of the worker ended, in ms since the Unix epoch (timeOrigin + now), so that the page
 * can put them on its own timeline (performance marks «piano:…»; the bench prints them).
 */
export type WorkerMarks = Partial<Record<'script' | 'received' | 'bytes' | 'inflated' | 'read' | 'checked', number>>;

export type FromWorker =
  | { type: 'progress'; progress: Progress }
  | { type: 'outcome'; outcome: CheckOutcome; marks: WorkerMarks }
  | { type: 'copy'; outcome: CheckOutcome; copy: ArrayBuffer; fileName: string }
  | { type: 'previous'; summaries: YearSummary[] }
  | { type: 'error'; message: string; action: string; code: UserFacingError['code']; unexpected?: boolean };

/**
 * What the page tells the file worker: the file to check, then that the verdict is on screen and the
 * copy can be made.
 */
export type ToWorker = { type: 'check'; file: File; previous?: File[] } | { type: 'copy' } | { type: 'previous'; files: File[] };
