/**
 * The pane's engine runner: a Web Worker per check (webpack bundles engine-worker.ts as its own file,
 * found through `new URL(..., import.meta.url)`), or the main thread where there are no workers.
 * Loaded only by createOfficeService, in the browser.
 */
import { EngineRunner, inProcessEngine } from './engine-job';
import { EnginePort, workerEngine } from './engine-protocol';

export function paneEngine(): EngineRunner {
  if (typeof Worker === 'undefined') return inProcessEngine;
  const spawn = () => new Worker(new URL('./engine-worker.ts', import.meta.url), { name: 'piano-offerta-engine' }) as unknown as EnginePort;
  return workerEngine(spawn, { fallback: inProcessEngine });
}
