/**
 * «Annulla» in Excel: before the first write it stops the check, rejects with the cancellation and
 * leaves the workbook exactly as it was, whether it comes before the check, during the reading or
 * while the engine works (in-process, or in its worker, which is terminated); once the writing has
 * begun (the progress says so: `cancellable: false`) the check goes on to the end.
 */
import { MessageChannel as NodeChannel } from 'node:worker_threads';
import { EngineRunner, inProcessEngine } from '../../src/office/engine-job';
import { EnginePort, EngineScope, FromEngine, ToEngine, serveEngine, workerEngine } from '../../src/office/engine-protocol';
import { officeService } from '../../src/office/service';
import type { Progress } from '../../src/taskpane/service';
import { bigPlan } from '../support/fake-excel/big';
import { fakeHost } from '../support/fake-excel/host';
import { WorkbookData, dump } from '../support/fake-excel/model';
import { requirementsOf } from '../support/fake-excel/office-js';
import { planWorkbook } from './support';

const CANCELLED = { name: 'UserFacingError', code: 'cancelled', message: 'Controllo annullato: la cartella non è stata modificata.' };

function serviceOn(data: WorkbookData, runEngine: EngineRunner = inProcessEngine) {
  const host = fakeHost(data);
  const service = officeService({ excel: host.excel, isSetSupported: requirementsOf(20), platform: 'desktop', runEngine });
  /** Every request Office.js sent has been answered: nothing of the aborted check is still on its way. */
  const idle = async () => {
    for (let i = 0; i < 200 && (host.server.inflight > 0 || i < 5); i++) await new Promise((r) => setTimeout(r, 5));
  };
  return { host, service, idle };
}

/** Aborts when the progress first satisfies `when`. */
function abortWhen(controller: AbortController, when: (p: Progress) => boolean, seen: Progress[] = []) {
  return (p: Progress) => {
    seen.push(p);
    if (when(p) && !controller.signal.aborted) controller.abort();
  };
}

/** A worker over a MessageChannel (as in engine-worker.test.ts), counting terminations. */
function channelWorker() {
  const state = { terminated: 0 };
  const spawn = (): EnginePort => {
    const { port1, port2 } = new NodeChannel();
    const scope = { postMessage: (m: FromEngine) => port2.postMessage(m), onmessage: null } as EngineScope;
    Object.defineProperty(scope, 'onmessage', { set: (f: EngineScope['onmessage']) => port2.on('message', (data: ToEngine) => f?.({ data })) });
    serveEngine(scope);
    const port = { postMessage: (m: ToEngine) => port1.postMessage(m), onerror: null, terminate: () => { state.terminated++; port1.close(); port2.close(); } } as unknown as EnginePort;
    Object.defineProperty(port, 'onmessage', { set: (f: EnginePort['onmessage']) => port1.on('message', (data: FromEngine) => f?.({ data })) });
    return port;
  };
  return { spawn, state };
}

test('aborted before the check: rejected at once, nothing read, nothing written', async () => {
  const data = planWorkbook();
  const before = dump(data);
  const { host, service } = serviceOn(data);
  const controller = new AbortController();
  controller.abort();
  await expect(service.checkAndApply(() => undefined, controller.signal)).rejects.toMatchObject(CANCELLED);
  expect(host.server.log).toHaveLength(0);
  expect(dump(data)).toEqual(before);
});

test('aborted while the workbook is read: rejected at once, and the reading ends without a write', async () => {
  const data = planWorkbook();
  const before = dump(data);
  const { host, service, idle } = serviceOn(data);
  const controller = new AbortController();
  const run = service.checkAndApply(abortWhen(controller, (p) => p.stage === 'lettura'), controller.signal);
  await expect(run).rejects.toMatchObject(CANCELLED);
  await idle();
  expect(dump(data)).toEqual(before);
  // The reading's three syncs, and Office.js releasing its objects after the run: nothing more was sent.
  expect(host.server.log.length).toBeLessThanOrEqual(4);
});

test.each([
  ['in-process', () => ({ runner: inProcessEngine, terminated: () => 0 })],
  ['in a worker', () => {
    const w = channelWorker();
    return { runner: workerEngine(w.spawn, { rowCells: 100 }), terminated: () => w.state.terminated };
  }],
])('aborted while the engine works (%s): rejected, the workbook exactly as it was', async (_name, make) => {
  const data = bigPlan(1_000);
  const before = dump(data);
  const { runner, terminated } = make();
  const { service, idle } = serviceOn(data, runner);
  const controller = new AbortController();
  const seen: Progress[] = [];
  const run = service.checkAndApply(abortWhen(controller, (p) => /Foglio «Unita»/.test(p.detail ?? ''), seen), controller.signal);
  await expect(run).rejects.toMatchObject(CANCELLED);
  await idle();
  expect(dump(data)).toEqual(before);
  expect(seen.some((p) => p.stage === 'scrittura')).toBe(false);
  if (runner !== inProcessEngine) expect(terminated()).toBe(1);
});

test('aborted once the writing has begun: the check goes on to the end, the results are written', async () => {
  const data = planWorkbook();
  const { service } = serviceOn(data);
  const controller = new AbortController();
  const seen: Progress[] = [];
  const outcome = await service.checkAndApply(abortWhen(controller, (p) => p.cancellable === false, seen), controller.signal);
  expect(controller.signal.aborted).toBe(true);
  expect(outcome.sheets).toEqual(['Sezione g', 'Anomalie', 'Riepilogo']);
  expect(data.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Sezione g', 'Anomalie', 'Riepilogo']));
  // The first progress that cannot be cancelled is the writing's, and says so.
  const first = seen.find((p) => p.cancellable === false)!;
  expect(first).toMatchObject({ stage: 'scrittura', label: expect.stringMatching(/non si può più annullare/) });
  // Everything before it could be.
  expect(seen.slice(0, seen.indexOf(first)).every((p) => p.cancellable !== false)).toBe(true);
});

test('the progress says what was read and what the engine found, with counts', async () => {
  const seen: Progress[] = [];
  const { service } = serviceOn(bigPlan(1_000));
  await service.checkAndApply((p) => seen.push(p));
  const details = seen.map((p) => `${p.stage}: ${p.detail ?? p.label}`);
  expect(details).toEqual(expect.arrayContaining([
    'lettura: Foglio «Unita»: 1.001 righe lette',
    'controllo: 1.207 righe in 4 fogli',
    expect.stringMatching(/^controllo: \d+ anomali[ae] trovat[ae]: preparazione dei risultati$/),
  ]));
  // The bar only moves forward.
  seen.forEach((p, i) => i && expect(p.fraction).toBeGreaterThanOrEqual(seen[i - 1]!.fraction));
});
