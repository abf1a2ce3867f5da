/** A fake Excel host for the add-in's service: each Excel.run gets a new strict context on the same workbook. */
import { officeService } from '../../../src/office/service';
import { WorkbookSnapshot } from '../../../src/core/snapshot';
import { AddinService } from '../../../src/taskpane/service';
import { FakeContext, FakeHostOptions } from './client';
import { WorkbookData, key } from './model';

export interface FakeHost {
  data: WorkbookData;
  service: AddinService;
  /** One context per Excel.run, in order. */
  runs: FakeContext[];
  /** Set before a run to make it start in cell-editing mode. */
  editMode: boolean;
}

export function fakeHost(data: WorkbookData, options: FakeHostOptions = {}): FakeHost {
  const host: FakeHost = {
    data,
    runs: [],
    editMode: false,
    service: null as unknown as AddinService,
  };
  const probe = new FakeContext(data, options);
  host.service = officeService({
    run: async (batch) => {
      const ctx = new FakeContext(data, options);
      ctx.editMode = host.editMode;
      host.runs.push(ctx);
      return batch(ctx as unknown as Excel.RequestContext);
    },
    isSetSupported: (name, version) => probe.isSetSupported(name, version),
  });
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
