/**
 * The engine off the pane's main thread (src/office/engine-*.ts, chunks.ts): a value sent in pieces
 * comes back as structured clone would give it, each message bounded; the worker's conversation, run
 * here over a MessageChannel (structured clone between two ports, as between the pane and its
 * worker), gives the same answer as the engine in-process; and a check in a fake Excel through the
 * worker writes the same workbook as one in-process.
 */
import { MessageChannel as NodeChannel } from 'node:worker_threads';
import { serialize } from 'node:v8';
import fc from 'fast-check';
import { PackMessage, Unpacker, pack } from '../../src/office/chunks';
import { EngineJob, EngineRunner, detach, inProcessEngine } from '../../src/office/engine-job';
import { EnginePort, EngineScope, FromEngine, ToEngine, serveEngine, workerEngine } from '../../src/office/engine-protocol';
import { capabilitiesOf } from '../../src/office/capabilities';
import { readWorkbook } from '../../src/office/read';
import { officeService } from '../../src/office/service';
import { bigPlan } from '../support/fake-excel/big';
import { fakeHost } from '../support/fake-excel/host';
import { WorkbookData, dump } from '../support/fake-excel/model';
import { requirementsOf } from '../support/fake-excel/office-js';
import { planSnapshot } from '../support/workbooks';
import { workbookFromSnapshot } from '../support/fake-excel/host';
import { noProgress, planWorkbook } from './support';

/**
 * A value in a form `expect` compares across realms: jest runs the tests in a vm context, while
 * structured clone (structuredClone, MessagePort) makes its objects in Node's own.
 */
function plain(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(plain);
  const tag = Object.prototype.toString.call(v).slice(8, -1);
  if (tag === 'Map') return { map: [...(v as Map<unknown, unknown>)].map(([k, x]) => [plain(k), plain(x)]) };
  if (tag === 'Set') return { set: [...(v as Set<unknown>)].map(plain) };
  if (tag === 'Date') return { date: (v as Date).getTime() };
  if (ArrayBuffer.isView(v)) return { [tag]: Array.from(v as unknown as ArrayLike<number | bigint>, String) };
  if (tag !== 'Object') return { [tag]: String(v) };
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
}

function roundTrip(value: unknown, limit: number): { value: unknown; messages: PackMessage[]; bytes: number[] } {
  const messages: PackMessage[] = [];
  const bytes: number[] = [];
  // Each message crosses as it would between threads: cloned (the bytes of its clone measured as it is sent).
  pack(value, (m) => {
    bytes.push(serialize(m).length);
    messages.push(structuredClone(m));
  }, limit);
  const u = new Unpacker();
  for (const m of messages) u.add(m);
  expect(u.done).toBe(true);
  return { value: u.value, messages, bytes };
}

describe('a value in pieces', () => {
  test('any value comes back as structured clone gives it, whatever the limit', () => {
    const anything = fc.anything({ withMap: true, withSet: true, withDate: true, withTypedArray: true, withNullPrototype: false, withSparseArray: false, withBoxedValues: false, maxDepth: 4 });
    fc.assert(
      fc.property(anything, fc.integer({ min: 1, max: 40 }), (v, limit) => {
        expect(plain(roundTrip(v, limit).value)).toStrictEqual(plain(structuredClone(v)));
      }),
      { numRuns: 400 },
    );
  });

  test('large arrays, objects, Maps and Sets nested in each other: every message is small, the value whole', () => {
    const big = {
      rows: Array.from({ length: 5_000 }, (_, i) => [i, `riga ${i}`, i % 3 ? null : { n: i, tags: new Set([i, i + 1]) }]),
      byKey: Object.fromEntries(Array.from({ length: 3_000 }, (_, i) => [`k${i}`, [i, i * 2]])),
      map: new Map(Array.from({ length: 2_000 }, (_, i) => [i, { cells: Array.from({ length: 10 }, (_, j) => `C${j}`) }])),
      set: new Set(Array.from({ length: 2_000 }, (_, i) => `s${i}`)),
      nested: [[[Array.from({ length: 4_000 }, (_, i) => i)]]],
      undef: undefined,
    };
    const { value, messages, bytes } = roundTrip(big, 1_000);
    expect(plain(value)).toStrictEqual(plain(big));
    expect(messages.length).toBeGreaterThan(50);
    const whole = serialize(big).length;
    const largest = Math.max(...bytes);
    // 1,000 values a message: a small part of the whole.
    expect(largest).toBeLessThan(whole / 20);
  });

  test('a value lighter than the limit goes as it is, in one message', () => {
    const small = { a: [1, 2, 3], m: new Map([['x', 1]]) };
    const { messages } = roundTrip(small, 1_000);
    expect(messages).toHaveLength(1);
  });
});

/** A worker over a MessageChannel: the client's port, and the worker's side served by serveEngine. */
function channelWorker(): { spawn: () => EnginePort; spawned: () => number; terminated: () => number } {
  let spawned = 0;
  let terminated = 0;
  return {
    spawned: () => spawned,
    terminated: () => terminated,
    spawn: () => {
      spawned++;
      const { port1, port2 } = new NodeChannel();
      const scope: EngineScope = {
        postMessage: (m: FromEngine) => port2.postMessage(m),
        set onmessage(f: EngineScope['onmessage']) {
          port2.on('message', (data: ToEngine) => f?.({ data }));
        },
        get onmessage() {
          return null;
        },
      };
      serveEngine(scope);
      const port: EnginePort = {
        postMessage: (m) => port1.postMessage(m),
        set onmessage(f: EnginePort['onmessage']) {
          port1.on('message', (data: FromEngine) => f?.({ data }));
        },
        get onmessage() {
          return null;
        },
        onerror: null,
        terminate: () => {
          terminated++;
          port1.close();
          port2.close();
        },
      };
      return port;
    },
  };
}

async function jobOf(data: WorkbookData): Promise<EngineJob> {
  const host = fakeHost(data);
  const caps = capabilitiesOf(requirementsOf(20));
  const read = await host.excel.run((context) => readWorkbook(context, caps, 'desktop'));
  return { read: detach(read).read, caps, previous: [] };
}

describe('the engine in a worker', () => {
  test.each([
    ['the small plan', () => planWorkbook()],
    ['Cremona 2023', () => workbookFromSnapshot(planSnapshot('cremona-2023'))],
    ['2,000 units', () => bigPlan(2_000)],
  ])('%s: the same answer as in-process, through hundreds of small messages', async (_name, make) => {
    const job = await jobOf(make());
    const expected = await inProcessEngine(job);
    const worker = channelWorker();
    const events: unknown[] = [];
    const got = await workerEngine(worker.spawn, { rowCells: 200, limit: 300 })(job, { onEvent: (e) => events.push(e) });
    expect(plain(got)).toStrictEqual(plain(expected));
    expect(worker.terminated()).toBe(1);
    // Each sheet as it goes to the engine, all of them with it, then what it found.
    const sheets = job.read.snapshot.sheets;
    const total = sheets.reduce((n, x) => n + x.values.length, 0);
    expect(events).toEqual([
      ...sheets.map((s, i) => ({ step: 'sheet', sheet: s.name, rows: s.values.length, done: sheets.slice(0, i + 1).reduce((n, x) => n + x.values.length, 0), total })),
      { step: 'checking', rows: total, sheets: sheets.length },
      { step: 'checked', anomalies: expected.report.anomalies.length },
    ]);
  });

  test('no unit list: the engine\'s NotAPlanError, as in-process', async () => {
    const job = await jobOf(WorkbookData.fromRows({ Contatti: [['Nome', 'Telefono'], ['Anna', '0373 1234']] }));
    const inProcess = await inProcessEngine(job).catch((e: unknown) => e);
    const inWorker = await workerEngine(channelWorker().spawn)(job).catch((e: unknown) => e);
    expect(inWorker).toMatchObject({ name: 'NotAPlanError', message: (inProcess as Error).message });
  });

  test('aborted: the worker is terminated and the promise rejects with the reason', async () => {
    const job = await jobOf(bigPlan(2_000));
    const worker = channelWorker();
    const controller = new AbortController();
    const run = workerEngine(worker.spawn, { rowCells: 200 })(job, {
      signal: controller.signal,
      onEvent: (e) => e.step === 'sheet' && controller.abort(new Error('basta')),
    });
    await expect(run).rejects.toThrow('basta');
    expect(worker.terminated()).toBe(1);
    // Already aborted: no worker at all.
    await expect(workerEngine(worker.spawn)(job, { signal: controller.signal })).rejects.toThrow('basta');
    expect(worker.spawned()).toBe(1);
  });

  test('a worker that cannot start: the fallback runs the check', async () => {
    const job = await jobOf(planWorkbook());
    const broken: EnginePort = {
      postMessage() {},
      onmessage: null,
      onerror: null,
      terminate() {},
    };
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const run = workerEngine(() => {
      setTimeout(() => broken.onerror?.({ message: 'script non trovato' }), 0);
      return broken;
    }, { fallback: inProcessEngine })(job);
    expect(plain(await run)).toStrictEqual(plain(await inProcessEngine(job)));
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('«Controlla e calcola» with the engine in a worker', () => {
  function service(data: WorkbookData, runEngine: EngineRunner) {
    const host = fakeHost(data);
    return officeService({ excel: host.excel, isSetSupported: requirementsOf(20), platform: 'desktop', runEngine });
  }

  test.each([
    ['the small plan', () => planWorkbook()],
    ['Cremona 2023', () => workbookFromSnapshot(planSnapshot('cremona-2023'))],
  ])('%s: the same outcome and the same workbook as in-process', async (_name, make) => {
    const a = make();
    const b = make();
    const inProcess = await service(a, inProcessEngine).checkAndApply(noProgress);
    const inWorker = await service(b, workerEngine(channelWorker().spawn, { rowCells: 300, limit: 500 })).checkAndApply(noProgress);
    const { notices: _n1, ...x } = inProcess;
    const { notices: _n2, ...y } = inWorker;
    expect(plain(y)).toStrictEqual(plain(x));
    expect(inWorker.notices).toEqual(inProcess.notices);
    // The settings hold the time of the check: the rest of the workbook is the same.
    const same = (d: WorkbookData) => JSON.stringify(dump(d)).replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T');
    expect(same(b)).toBe(same(a));
  });
});
