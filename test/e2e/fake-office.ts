/**
 * The strict fake of Excel, built for the browser: injected before the pane's scripts (playwright's
 * addInitScript), it plays office.js — `Office.onReady`, requirement sets, the theme — and `Excel.run`
 * over an in-memory workbook that the test can read back through `window.__pianoFake`.
 */
import { FakeContext, FakeHostOptions } from '../support/fake-excel/client';
import { WorkbookData, dump } from '../support/fake-excel/model';

interface InstallOptions extends FakeHostOptions {
  /** Milliseconds each sync takes, to see the progress bar. */
  syncDelayMs?: number;
  protectedSheets?: string[];
}

declare global {
  interface Window {
    __pianoFake: { install(sheets: Record<string, (string | number | null)[][]>, options?: InstallOptions): void; dump(): unknown; data(): WorkbookData; syncs: number[] };
  }
}

let data = new WorkbookData();
const syncs: number[] = [];

window.__pianoFake = {
  install(sheets, options = {}) {
    data = WorkbookData.fromRows(sheets);
    for (const name of options.protectedSheets ?? []) data.sheet(name)!.protected = true;
    const probe = new FakeContext(data, options);
    const w = window as unknown as Record<string, unknown>;
    w.Office = {
      HostType: { Excel: 'Excel' },
      onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
      context: {
        host: 'Excel',
        requirements: { isSetSupported: (name: string, version: string) => probe.isSetSupported(name, version) },
        officeTheme: { bodyBackgroundColor: '#FFFFFF' },
      },
    };
    w.Excel = {
      run: async <T>(batch: (ctx: FakeContext) => Promise<T>): Promise<T> => {
        const ctx = new FakeContext(data, options);
        if (options.syncDelayMs) {
          const sync = ctx.sync.bind(ctx);
          ctx.sync = async () => {
            await new Promise((r) => setTimeout(r, options.syncDelayMs));
            return sync();
          };
        }
        try {
          return await batch(ctx);
        } finally {
          syncs.push(ctx.syncs);
        }
      },
    };
  },
  dump: () => JSON.parse(JSON.stringify(dump(data))),
  data: () => data,
  syncs,
};
