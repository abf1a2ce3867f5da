/**
 * The add-in in Excel, as a user meets it: text stays text, the oldest Excel it supports still gets
 * its highlights, the links in Anomalie select their cells, Excel on the web's answer limit is
 * respected, and "Crea fogli standard" never touches an existing sheet.
 */
import { parseA1 } from '../../src/core/address';
import { SEVERITY_FILL } from '../../src/core/output/sheet-builder';
import { bigPlan } from '../support/fake-excel/big';
import { WorkbookData, dump, key } from '../support/fake-excel/model';
import { fakeHost, workbookFromSnapshot } from '../support/fake-excel/host';
import { EXCEL_VERSIONS } from '../support/fake-excel/office-js';
import { planSnapshot } from '../support/workbooks';
import { noProgress, planWorkbook } from './support';

test('a user\'s text that looks like a formula is written back as text, never as a formula', async () => {
  const data = planWorkbook();
  const unita = data.sheet('Unita')!;
  unita.cells.set(key(3, 4), { value: '=HYPERLINK("http://esempio.it")', numberFormat: '@' });
  unita.cells.set(key(2, 2), { value: '+39 0373 1234', numberFormat: '@' });
  const outcome = await fakeHost(data).service.checkAndApply(noProgress);
  expect(outcome.report.anomalies.map((a) => a.value)).toContain('=HYPERLINK("http://esempio.it")');
  const anomalie = [...data.sheet('Anomalie')!.cells.values()];
  expect(anomalie.find((c) => c.value === '=HYPERLINK("http://esempio.it")')).toMatchObject({ numberFormat: '@' });
  // The only formulas anywhere are the add-in's own links to cells of the workbook.
  for (const s of data.sheets) {
    for (const c of s.cells.values()) if (c.formula) expect([s.name, c.formula]).toEqual([s.name, expect.stringMatching(/^=HYPERLINK\("#[^"]+![A-Z]+\d+","[A-Z]+\d+"\)$/)]);
  }
});

test('Excel 2019 (ExcelApi 1.7): highlights without getRanges or notes, removed exactly', async () => {
  const data = planWorkbook();
  const before = JSON.stringify(dump(data));
  const host = fakeHost(data, { excelApi: EXCEL_VERSIONS.office2019 });
  const outcome = await host.service.checkAndApply(noProgress);
  const at = (address: string) => {
    const { row, col } = parseA1(address);
    return data.sheet('Unita')!.conditionalFormats.find((f) => f.fill && f.areas.some((a) => row >= a.r0 && row <= a.r1 && col >= a.c0 && col <= a.c1))?.fill;
  };
  expect(at('C3')).toBe(SEVERITY_FILL.warning);
  expect(at('E4')).toBe(SEVERITY_FILL.error);
  expect(outcome.notedCells).toBe(0);
  expect(data.notes).toEqual([]);
  expect(data.comments).toEqual([]);
  await host.service.checkAndApply(noProgress);
  await host.service.removeResults();
  expect(JSON.stringify(dump(data))).toBe(before);
});

test('an Excel older than ExcelApi 1.7 is told so in Italian, and nothing is read or written', async () => {
  const data = planWorkbook();
  const before = JSON.stringify(dump(data));
  const host = fakeHost(data, { excelApi: 6 });
  await expect(host.service.checkAndApply(noProgress)).rejects.toMatchObject({ code: 'unsupported', message: expect.stringMatching(/Excel/) });
  expect(host.runs).toHaveLength(0);
  expect(JSON.stringify(dump(data))).toBe(before);
});

test('Sezione g has a chart of g by owner (from its per-owner totals), and the anomaly links select their cells', async () => {
  const data = workbookFromSnapshot(planSnapshot('cremona-2023'));
  const host = fakeHost(data);
  await host.service.checkAndApply(noProgress);
  expect(data.charts).toEqual([expect.objectContaining({ sheet: 'Sezione g', type: 'BarClustered', title: 'Unità assegnabili (g) per ente proprietario' })]);
  expect(data.charts[0]!.xValues).toMatch(/^'Sezione g'!A\d+:A\d+$/);
  const perOwner = data.tables.find((t) => t.name === 'SezioneGEnti')!;
  expect(data.charts[0]!.xValues).toBe(`'Sezione g'!A${perOwner.r0 + 2}:A${perOwner.r1 + 1}`);
  const link = [...data.sheet('Anomalie')!.cells.values()].find((c) => c.formula?.includes('Enti!G27'))!;
  expect(link).toMatchObject({ value: 'G27', formula: '=HYPERLINK("#Enti!G27","G27")' });
  expect(data.activeSheet).toBe('Riepilogo');
  await host.service.selectCell('Enti', 'G27');
  expect(data.activeSheet).toBe('Enti');
  expect(data.selection).toBe('Enti!G27');
});

test('Excel on the web answers at most 5 MB: a large plan is read in blocks, with the same result as on the desktop', async () => {
  const web = fakeHost(bigPlan(60_000), { requestLimit: 5_000_000, responseLimit: 5_000_000, platform: 'web' });
  const desktop = fakeHost(bigPlan(60_000), { platform: 'desktop' });
  const [a, b] = [await web.service.checkAndApply(noProgress), await desktop.service.checkAndApply(noProgress)];
  expect(a.report).toEqual(b.report);
  expect(web.runs[0]!.refusedResponses).toBe(0);
  expect(web.runs[0]!.maxResponseBytes).toBeLessThanOrEqual(5_000_000);
  expect(desktop.runs[0]!.maxResponseBytes).toBeGreaterThan(5_000_000);
  expect(JSON.stringify(dump(web.data))).toBe(JSON.stringify(dump(desktop.data)));
}, 120_000);

describe('Crea fogli standard', () => {
  test('creates the six standard sheets with canonical headers as tables, drop-downs and the chosen comuni', async () => {
    const data = new WorkbookData();
    data.addSheet('Foglio1');
    const outcome = await fakeHost(data).service.createStandardSheets({ comuni: [{ istat: '019035', nome: 'Crema', provincia: 'CR' }] });
    expect(outcome.created).toEqual(['Ambito', 'Comuni', 'Enti', 'Unita', 'SAT', 'Assegnazioni']);
    expect(data.sheet('Unita')!.cells.get(key(0, 4))!.value).toBe('Stato');
    expect(data.sheet('Comuni')!.cells.get(key(1, 0))!.value).toBe('Crema');
    expect(data.sheet('Comuni')!.cells.get(key(1, 1))).toMatchObject({ value: '019035', numberFormat: '@' });
    expect(data.tables.map((t) => t.name)).toEqual(['TabAmbito', 'TabComuni', 'TabEnti', 'TabUnita', 'TabSAT', 'TabAssegnazioni']);
    expect(data.sheet('Unita')!.validations.map((v) => v.source)).toContain('SAP,SAS');
    expect(data.sheet('Comuni')!.validations.map((v) => v.source)).toContain('Sì,No');
  });

  test('never touches a sheet that exists, whatever its spelling', async () => {
    const data = WorkbookData.fromRows({ 'Unità abitative': [['ID', 'Ente'], [1, 'ALER']], Enti: [['Ente proprietario']] });
    const before = JSON.stringify((dump(data) as { sheets: unknown[] }).sheets);
    const outcome = await fakeHost(data, { excelApi: 7 }).service.createStandardSheets({});
    expect(outcome.existing).toEqual(['Enti', 'Unità abitative']);
    expect(outcome.created).toEqual(['Ambito', 'Comuni', 'SAT', 'Assegnazioni']);
    const after = (dump(data) as { sheets: { name: string }[] }).sheets.filter((s) => ['Unità abitative', 'Enti'].includes(s.name));
    expect(JSON.stringify(after)).toBe(before);
    // ExcelApi 1.7: no data validation (1.8), the sheets are still created.
    expect(data.sheets.flatMap((s) => s.validations)).toEqual([]);
  });

  test('then "Controlla e calcola" on the standard sheets, made an Excel table each: the tables keep their extent', async () => {
    const data = new WorkbookData();
    data.addSheet('Foglio1');
    const host = fakeHost(data);
    await host.service.createStandardSheets({});
    const extents = JSON.stringify(data.tables);
    await host.service.checkAndApply(noProgress);
    expect(JSON.stringify(data.tables.filter((t) => t.name.startsWith('Tab')))).toBe(extents);
  });
});

test.each(['ResponsePayloadSizeLimitExceeded', 'RangeExceedsLimit'] as const)('an answer Excel on the web refuses for its size (%s): the reads get smaller, same result', async (tooLargeAnswer) => {
  const tight = fakeHost(bigPlan(20_000), { platform: 'web', responseLimit: 400_000, tooLargeAnswer });
  const free = fakeHost(bigPlan(20_000), { platform: 'desktop' });
  const [a, b] = [await tight.service.checkAndApply(noProgress), await free.service.checkAndApply(noProgress)];
  expect(tight.runs[0]!.refusedResponses).toBeGreaterThan(0);
  expect(a.report).toEqual(b.report);
  expect(JSON.stringify(dump(tight.data))).toBe(JSON.stringify(dump(free.data)));
}, 120_000);
