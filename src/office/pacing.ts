/**
 * Giving the pane's main thread back to the page during long work that must stay on it (Office.js
 * only runs there): a few milliseconds of work, then a new task of the event loop, so that no task
 * of the page lasts long enough to freeze it (clicks, «Annulla», the progress bar).
 */
import { RequestBudget } from './budget';

export const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** A new task of the event loop (a message to oneself: no 4 ms clamping of nested timers). */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(0);
  });
}

/**
 * A RequestBudget that also lets the page run every `sliceMs` of queueing: the commands of a large
 * write (tens of thousands, megabytes of values) are queued in short tasks instead of one long one.
 * The requests, and so the syncs, are the same: queued commands wait in the context until its sync.
 */
export class PacedBudget extends RequestBudget {
  private since = now();

  constructor(context: Excel.RequestContext, afterSync: () => void, private readonly sliceMs = 10) {
    super(context, undefined, afterSync);
  }

  /** The pause comes first: a sync (Office.js serializing megabytes) then starts in a task of its own. */
  override async before(bytes: number): Promise<void> {
    if (now() - this.since > this.sliceMs) {
      await nextTask();
      this.since = now();
    }
    await super.before(bytes);
  }
}
