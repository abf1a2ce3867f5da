/**
 * The add-in path against the strict fake of Excel: the four real plans give the same section g and
 * anomalies as the command line, the output sheets match its annotated workbook, inputs never change,
 * two runs equal one, and "Rimuovi risultati" restores the workbook exactly.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { reportSchema } from '../../src/core/report';
import { CheckOutcome } from '../../src/taskpane/service';
import { dump, key } from '../support/fake-excel/model';
import { fakeHost, sheetValues, workbookFromSnapshot } from '../support/fake-excel/host';
import { runCli } from '../support/run-cli';
import { PLANS, planSnapshot, planXlsx } from '../support/workbooks';

const dir = mkdtempSync(join(tmpdir(), 'piano-addin-'));

/** Values as exceljs reads them back: links as their shown text. */
function excelJsValues(ws: ExcelJS.Worksheet): (string | number | boolean | null)[][] {
  const rows: (string | number | boolean | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // exceljs answers the first cell's value in every cell of a merged range: the others are empty.
      if (cell.isMerged && cell.master !== cell) return;
      let v = cell.value as unknown;
      // A link is a HYPERLINK formula in both: its shown text is the cached result.
      if (v && typeof v === 'object' && 'result' in (v as object)) v = (v as { result: string }).result;
      if (v === null || v === '') return;
      while (rows.length < r) rows.push([]);
      const out = rows[r - 1]!;
      while (out.length < c) out.push(null);
      out[c - 1] = v as string | number | boolean;
    });
  });
  return rows;
}

describe.each(PLANS)('%s through the add-in', (plan) => {
  let outcome: CheckOutcome;
  const snapshot = planSnapshot(plan);
  const data = workbookFromSnapshot(snapshot);
  const before = JSON.stringify(dump(data));
  const host = fakeHost(data);

  beforeAll(async () => {
    outcome = await host.service.checkAndApply(() => undefined);
  });

  test('same section g and anomalies as the command line', async () => {
    const file = join(dir, `${plan}.xlsx`);
    writeFileSync(file, await planXlsx(plan));
    const json = join(dir, `${plan}.json`);
    await runCli(['check', file, '--json', json, '--quiet']);
    const cli = reportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(outcome.report.sectionG).toEqual(cli.sectionG);
    expect(outcome.report.totals).toEqual(cli.totals);
    expect(outcome.report.anomalies).toEqual(cli.anomalies);
  });

  test('the output sheets hold what the command line writes in its annotated copy', async () => {
    const file = join(dir, `${plan}-in.xlsx`);
    writeFileSync(file, await planXlsx(plan));
    const out = join(dir, `${plan}-out.xlsx`);
    await runCli(['check', file, '--out', out, '--quiet']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    for (const name of ['Sezione g', 'Anomalie', 'Riepilogo']) {
      expect([name, sheetValues(data, name)]).toEqual([name, excelJsValues(wb.getWorksheet(name)!)]);
    }
    // The computed columns too.
    for (const name of ['Enti', 'Unita']) {
      const mine = sheetValues(data, name);
      const theirs = excelJsValues(wb.getWorksheet(name)!);
      expect([name, mine]).toEqual([name, theirs]);
    }
  });

  test('no value the user typed changes', () => {
    for (const s of snapshot.sheets) {
      const sheet = data.sheet(s.name)!;
      s.values.forEach((row, r) => row.forEach((v, c) => {
        if (v === null) return;
        expect([s.name, r, c, sheet.cells.get(key(r, c))?.value]).toEqual([s.name, r, c, v]);
      }));
    }
  });

  test('a second run leaves the workbook exactly as the first', async () => {
    const afterFirst = JSON.stringify(dump(data));
    await host.service.checkAndApply(() => undefined);
    expect(JSON.stringify(dump(data))).toBe(afterFirst);
  });

  test('"Rimuovi risultati" restores the workbook exactly', async () => {
    const removed = await host.service.removeResults();
    expect(removed.removedSheets.sort()).toEqual(['Anomalie', 'Riepilogo', 'Sezione g']);
    expect(JSON.stringify(dump(data))).toBe(before);
  });
});
