/** What the file worker tells the page. */
import type { CheckOutcome, Progress, UserFacingError } from '../taskpane/service';

export type FromWorker =
  | { type: 'progress'; progress: Progress }
  | { type: 'outcome'; outcome: CheckOutcome }
  | { type: 'copy'; outcome: CheckOutcome; copy: ArrayBuffer; fileName: string }
  | { type: 'error'; message: string; action: string; code: UserFacingError['code']; unexpected?: boolean };
