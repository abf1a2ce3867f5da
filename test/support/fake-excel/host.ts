/**
 * A fake Excel host for the add-in's service, in Node: Microsoft's Office.js (a vm context per host)
 * talking to the fake server over the workbook. Each Excel.run is recorded with its requests as
 * Office.js serialized them.
 */
import { readFileSync } from 'node:fs';
import { Script, createContext } from 'node:vm';
import { officeService } from '../../../src/office/service';
import { WorkbookSnapshot } from '../../../src/core/snapshot';
import { AddinService } from '../../../src/taskpane/service';
import { excelMemberSets } from './api-sets';
import { WorkbookData, key } from './model';
import { connect, requirementsOf } from './office-js';
import { ExcelServer, RequestRecord, ServerOptions } from './server';

export interface FakeHostOptions extends Partial<ServerOptions> {
  /** What Office.context reports: Excel on the web, or a desktop Excel (Windows, Mac). */
  platform?: 'web' | 'desktop';
}

export interface RunRecord {
  requests: RequestRecord[];
  /** Requests sent in this Excel.run (each context.sync() with something queued is one). */
  readonly syncs: number;
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
  readonly refusedResponses: number;
}

export interface FakeHost {
  data: WorkbookData;
  server: ExcelServer;
  service: AddinService;
  /** One record per Excel.run, in order. */
  runs: RunRecord[];
  /** Office.js's `Excel` namespace of this host, for tests that drive it directly. */
  excel: typeof Excel;
  /** Set before a run: the user is typing in a cell. */
  editMode: boolean;
}

let script: Script | null = null;
/** Office.js as Excel on the web loads it (the production build, not the debug one). */
export function officeJsSource(): string {
  return readFileSync(require.resolve('@microsoft/office-js/dist/excel-web-16.00.js'), 'utf8');
}

function loadOfficeJs(): Record<string, unknown> {
  script ??= new Script(officeJsSource(), { filename: 'excel-web-16.00.js' });
  const g: Record<string, unknown> = {
    console: { log() {}, warn() {}, error: console.error, info() {}, debug() {} },
    setTimeout, clearTimeout, setInterval, clearInterval,
    navigator: { userAgent: 'Node' },
    location: { href: 'https://localhost/taskpane.html', search: '', hash: '', protocol: 'https:', host: 'localhost', hostname: 'localhost' },
    document: { getElementsByTagName: () => [], createElement: () => ({ setAttribute() {}, style: {} }), addEventListener() {}, readyState: 'complete', cookie: '' },
    addEventListener() {},
    removeEventListener() {},
  };
  g.window = g;
  g.self = g;
  createContext(g);
  script.runInContext(g);
  return g;
}

function runRecord(requests: RequestRecord[]): RunRecord {
  return {
    requests,
    get syncs() {
      return requests.length;
    },
    get maxRequestBytes() {
      return Math.max(0, ...requests.map((r) => r.bytes));
    },
    get maxResponseBytes() {
      return Math.max(0, ...requests.map((r) => r.responseBytes));
    },
    get refusedResponses() {
      return requests.filter((r) => r.failed === 'ResponsePayloadSizeLimitExceeded' || r.failed === 'RangeExceedsLimit').length;
    },
  };
}

export function fakeHost(data: WorkbookData, options: FakeHostOptions = {}): FakeHost {
  const server = new ExcelServer(data, { excelApi: options.excelApi ?? 20, ...options }, excelMemberSets());
  const g = loadOfficeJs();
  connect(g, server);
  const excel = g.Excel as typeof Excel;
  const runs: RunRecord[] = [];
  const recorded: typeof Excel = Object.create(excel);
  // Every Excel.run the service makes is recorded with the requests it sent.
  (recorded as { run: unknown }).run = async (...args: unknown[]) => {
    const from = server.log.length;
    const record = runRecord([]);
    runs.push(record);
    try {
      return await (excel.run as (...a: unknown[]) => Promise<unknown>)(...args);
    } finally {
      // Office.js releases the objects it kept after the run has resolved, in one more request.
      do await new Promise((r) => setTimeout(r, 0));
      while (server.inflight > 0);
      record.requests.push(...server.log.slice(from));
    }
  };
  const host: FakeHost = {
    data,
    server,
    runs,
    excel,
    get editMode() {
      return server.editMode;
    },
    set editMode(v: boolean) {
      server.editMode = v;
    },
    // A fixed clock: the kept check is dated, and two runs must leave equal workbooks.
    service: officeService({ excel: recorded, isSetSupported: requirementsOf(server.options.excelApi), platform: options.platform ?? 'desktop', now: () => new Date('2026-12-06T18:00:00Z') }),
  };
  return host;
}

/** A workbook in the fake from a snapshot (values and number formats), as if typed in Excel. */
export function workbookFromSnapshot(snapshot: WorkbookSnapshot): WorkbookData {
  const wb = new WorkbookData();
  for (const s of snapshot.sheets) {
    const sheet = wb.addSheet(s.name);
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const format = s.formats?.[r]?.[c] ?? undefined;
        if (v === null && !format) return;
        sheet.cells.set(key(s.originRow + r, s.originCol + c), { value: v, ...(format ? { numberFormat: format } : {}) });
      }),
    );
  }
  return wb;
}

/** Values of a sheet as rows (trailing empties trimmed), for comparisons. */
export function sheetValues(data: WorkbookData, name: string): (string | number | boolean | null)[][] {
  const s = data.sheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  const rows: (string | number | boolean | null)[][] = [];
  for (const [k, cell] of s.cells) {
    if (cell.value === null || cell.value === '') continue;
    const r = Math.floor(k / 16384), c = k % 16384;
    while (rows.length <= r) rows.push([]);
    const row = rows[r]!;
    while (row.length <= c) row.push(null);
    row[c] = cell.value;
  }
  return rows;
}
