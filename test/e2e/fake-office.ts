/**
 * The fake Excel host, built for the browser and injected before the pane's scripts (playwright's
 * addInitScript), right after Microsoft's Office.js (`excel-web-16.00.js`) and the requirement sets
 * read from @types/office-js. It plays what office.js's loader and Excel provide — `Office.onReady`,
 * requirement sets, the theme, the platform — and answers Office.js's requests from an in-memory
 * workbook that the test reads back through `window.__pianoFake`.
 */
import type { MemberSets } from '../support/fake-excel/member-sets';
import { WorkbookData, dump } from '../support/fake-excel/model';
import { connect } from '../support/fake-excel/office-js';
import { ExcelServer } from '../support/fake-excel/server';

interface InstallOptions {
  excelApi?: number;
  /** Milliseconds each answer takes, to see the progress bar. */
  syncDelayMs?: number;
  protectedSheets?: string[];
  /** The user is typing in a cell when the pane starts. */
  editMode?: boolean;
  /** What Office.context.platform says: Excel on the web by default; 'Mac' for Excel for Mac. */
  platform?: 'OfficeOnline' | 'PC' | 'Mac';
}

declare global {
  interface Window {
    __pianoFake: {
      install(sheets: Record<string, (string | number | null)[][]>, options?: InstallOptions): void;
      /** Called at the end of office.js (served by the test in place of Microsoft's CDN). */
      connect(): void;
      dump(): unknown;
      /** Keeps the workbook for the next load of the pane in this tab: closing and reopening the pane. */
      persist(): void;
      data(): WorkbookData;
      syncs: number[];
    };
    __pianoApiSets: MemberSets;
  }
}

let data = new WorkbookData();
const PERSISTED = 'pianoFake.workbook';

/** The workbook as JSON, its Maps tagged, so that a reloaded pane finds the same workbook open. */
function serialize(wb: WorkbookData): string {
  return JSON.stringify(wb, (_, v: unknown) => (v instanceof Map ? { __map: [...v.entries()] } : v));
}
function revive(text: string): WorkbookData {
  const plain = JSON.parse(text, (_, v: unknown) => (v && typeof v === 'object' && '__map' in v ? new Map((v as { __map: [unknown, unknown][] }).__map) : v)) as object;
  return Object.assign(new WorkbookData(), plain);
}
let installed: InstallOptions = {};
const syncs: number[] = [];

window.__pianoFake = {
  install(sheets, options = {}) {
    const kept = sessionStorage.getItem(PERSISTED);
    data = kept ? revive(kept) : WorkbookData.fromRows(sheets);
    for (const name of options.protectedSheets ?? []) data.sheet(name)!.protected = true;
    installed = options;
  },
  connect() {
    const options = installed;
    const server = new ExcelServer(data, { excelApi: options.excelApi ?? 20, requestLimit: 5_000_000, responseLimit: 5_000_000 }, window.__pianoApiSets);
    server.editMode = options.editMode ?? false;
    const w = window as unknown as Record<string, unknown> & { Office: object; Excel: { run: (...a: unknown[]) => Promise<unknown> } };
    connect(w, server, options.syncDelayMs ?? 0);
    const withRequirements = w.Office as { context: { requirements: unknown } };
    // What office.js's loader and Excel on the web would provide.
    w.Office = Object.create(withRequirements, {
      onReady: { value: () => Promise.resolve({ host: 'Excel', platform: options.platform ?? 'OfficeOnline' }) },
      HostType: { value: { Excel: 'Excel' } },
      PlatformType: { value: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac', iOS: 'iOS' } },
      context: {
        value: { host: 'Excel', platform: options.platform ?? 'OfficeOnline', requirements: withRequirements.context.requirements, officeTheme: { bodyBackgroundColor: '#FFFFFF' } },
      },
    });
    const run = w.Excel.run;
    w.Excel.run = async (...args: unknown[]) => {
      const from = server.log.length;
      try {
        return await run(...args);
      } finally {
        syncs.push(server.log.length - from);
      }
    };
  },
  dump: () => JSON.parse(JSON.stringify(dump(data))),
  persist: () => sessionStorage.setItem(PERSISTED, serialize(data)),
  data: () => data,
  syncs,
};
