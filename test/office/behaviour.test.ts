/**
 * The add-in in Excel, as a user meets it: text stays text, protected sheets and cell-editing mode
 * give Italian messages and change nothing, older Excel gets fills without notes, a constant number
 * of syncs whatever the size, and "Crea fogli standard" never touches an existing sheet.
 */
import { UserFacingError } from '../../src/taskpane/service';
import { bigPlan } from '../support/fake-excel/big';
import { WorkbookData, dump, key } from '../support/fake-excel/model';
import { fakeHost, workbookFromSnapshot } from '../support/fake-excel/host';
import { planSnapshot } from '../support/workbooks';

const noProgress = () => undefined;

function smallPlan(extra: Record<string, (string | number | null)[][]> = {}): WorkbookData {
  return WorkbookData.fromRows({
    Comuni: [['Comune'], ['Crema'], ['Vaiano Cremasco']],
    Enti: [['Ente proprietario', 'Tipo ente', 'Unità SAP'], ['Comune di Crema', 'Comune', 10]],
    Unita: [
      ['ID unità', 'Ente proprietario', 'Comune', 'Stato', 'Numero unità'],
      [1001, 'Comune di Crema', 'Crema', 'Libero', null],
      [1002, 'Comune di Crema', 'Vaiano', 'Libero', null],
      [null, 'Comune di Crema', 'Crema', 'Turnover', '2 + 1 da turn over'],
    ],
    ...extra,
  });
}

test('a user\'s text that looks like a formula is written back as text, never as a formula', async () => {
  const data = smallPlan();
  const unita = data.sheet('Unita')!;
  unita.cells.set(key(3, 4), { value: '=HYPERLINK("http://esempio.it")', numberFormat: '@' });
  unita.cells.set(key(2, 2), { value: '+39 0373 1234', numberFormat: '@' });
  const host = fakeHost(data);
  const outcome = await host.service.checkAndApply(noProgress);
  const values = outcome.report.anomalies.map((a) => a.value);
  expect(values).toContain('=HYPERLINK("http://esempio.it")');
  const anomalie = data.sheet('Anomalie')!;
  const cells = [...anomalie.cells.values()];
  expect(cells.some((c) => c.value === '=HYPERLINK("http://esempio.it")')).toBe(true);
  expect(cells.filter((c) => c.formula)).toEqual([]);
  for (const s of data.sheets) expect([s.name, [...s.cells.values()].filter((c) => c.formula)]).toEqual([s.name, []]);
});

test('anomalous cells are highlighted with a note (ExcelApi 1.18), and the note says why', async () => {
  const data = smallPlan();
  await fakeHost(data).service.checkAndApply(noProgress);
  const c3 = data.sheet('Unita')!.cells.get(key(2, 2))!; // "Vaiano" → Vaiano Cremasco
  expect(c3.fill).toBe('#FFEB9C');
  expect(data.notes.find((n) => n.sheet === 'Unita' && n.address === 'C3')?.content).toMatch(/Vaiano Cremasco/);
  expect(data.comments).toEqual([]);
});

test('Excel 2019 (ExcelApi 1.9): threaded comments instead of notes; removed exactly', async () => {
  const data = smallPlan();
  data.comments.push({ id: 'user1', sheet: 'Unita', address: 'C3', content: 'commento di una collega' });
  const before = JSON.stringify(dump(data));
  const host = fakeHost(data, { excelApi: 10 });
  await host.service.checkAndApply(noProgress);
  expect(data.notes).toEqual([]);
  // The user's comment stays alone on C3; the other anomalous cell gets ours.
  expect(data.comments.filter((c) => c.address === 'C3')).toHaveLength(1);
  expect(data.comments.some((c) => c.content.startsWith('Piano Offerta'))).toBe(true);
  await host.service.checkAndApply(noProgress);
  expect(data.comments.filter((c) => c.content.startsWith('Piano Offerta'))).toHaveLength(data.comments.length - 1);
  await host.service.removeResults();
  expect(JSON.stringify(dump(data))).toBe(before);
});

test('Excel with ExcelApi 1.7 only: fill alone, no notes or comments', async () => {
  const data = smallPlan();
  await fakeHost(data, { excelApi: 7 }).service.checkAndApply(noProgress);
  expect(data.sheet('Unita')!.cells.get(key(2, 2))!.fill).toBe('#FFEB9C');
  expect(data.notes).toEqual([]);
  expect(data.comments).toEqual([]);
});

test('an Excel older than ExcelApi 1.7 is told so in Italian, and nothing is read or written', async () => {
  const data = smallPlan();
  const before = JSON.stringify(dump(data));
  const host = fakeHost(data, { excelApi: 6 });
  await expect(host.service.checkAndApply(noProgress)).rejects.toMatchObject({ code: 'unsupported', message: expect.stringMatching(/Excel/) });
  expect(host.runs).toHaveLength(0);
  expect(JSON.stringify(dump(data))).toBe(before);
});

test('a protected input sheet: an Italian message that says what to do, and the workbook unchanged', async () => {
  const data = smallPlan();
  data.sheet('Unita')!.protected = true;
  const before = JSON.stringify(dump(data));
  const err = await fakeHost(data).service.checkAndApply(noProgress).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(UserFacingError);
  expect(err).toMatchObject({ code: 'protected', message: expect.stringMatching(/«Unita» è protetto/), action: expect.stringMatching(/Rimuovi protezione/) });
  expect(JSON.stringify(dump(data))).toBe(before);
});

test('a cell in editing mode: Excel refuses the batch, the user reads how to get out of it', async () => {
  const host = fakeHost(smallPlan());
  host.editMode = true;
  await expect(host.service.checkAndApply(noProgress)).rejects.toMatchObject({ code: 'edit-mode', action: expect.stringMatching(/Invio o Esc/) });
});

test('a sheet called "Riepilogo" that the user made is never overwritten', async () => {
  const data = smallPlan({ Riepilogo: [['Le mie note']] });
  const before = JSON.stringify(dump(data));
  await expect(fakeHost(data).service.checkAndApply(noProgress)).rejects.toMatchObject({ message: expect.stringMatching(/«Riepilogo».*non è stato creato da Piano Offerta/) });
  expect(JSON.stringify(dump(data))).toBe(before);
});

test('the Riepilogo has a chart of g by owner, and the anomaly links select their cells', async () => {
  const data = workbookFromSnapshot(planSnapshot('cremona-2023'));
  const host = fakeHost(data);
  await host.service.checkAndApply(noProgress);
  expect(data.charts).toEqual([expect.objectContaining({ sheet: 'Riepilogo', type: 'BarClustered', title: 'Unità assegnabili (g) per ente proprietario' })]);
  expect(data.charts[0]!.xValues).toMatch(/^Riepilogo!A\d+:A\d+$/);
  const link = [...data.sheet('Anomalie')!.cells.values()].find((c) => c.hyperlink)!;
  expect(link.hyperlink!.documentReference).toMatch(/^(Enti|Unita|Comuni|SAT|Assegnazioni)!\$?[A-Z]+\d+$/);
  expect(data.activeSheet).toBe('Riepilogo');
  await host.service.selectCell('Enti', 'G27');
  expect(data.activeSheet).toBe('Enti');
  expect(data.selection).toBe('Enti!G27');
});

describe('syncs and request size do not grow with the rows', () => {
  const stats: Record<number, { syncs: number; maxRequest: number }> = {};
  beforeAll(async () => {
    for (const units of [100, 100_000]) {
      const host = fakeHost(bigPlan(units));
      await host.service.checkAndApply(noProgress);
      const ctx = host.runs[0]!;
      stats[units] = { syncs: ctx.syncs, maxRequest: ctx.maxRequestBytes };
    }
  }, 120_000);

  test('the same number of syncs for 100 and 100,000 units, at most 8', () => {
    expect(stats[100]!.syncs).toBe(stats[100_000]!.syncs);
    expect(stats[100_000]!.syncs).toBeLessThanOrEqual(8);
  });

  test('the largest request for 100,000 units stays under 4 MB (Excel on the web refuses 5 MB)', () => {
    expect(stats[100_000]!.maxRequest).toBeLessThan(4 * 1024 * 1024);
  });
});

test('Excel on the web refuses answers over 5 MB: a very large sheet is read again in blocks, same result', async () => {
  const limited = fakeHost(bigPlan(60_000), { responseLimitBytes: 5 * 1024 * 1024 });
  const free = fakeHost(bigPlan(60_000));
  const [a, b] = [await limited.service.checkAndApply(noProgress), await free.service.checkAndApply(noProgress)];
  expect(a.report).toEqual(b.report);
  expect(limited.runs[0]!.refusedResponses).toBe(1);
  expect(Math.max(...limited.runs[0]!.responseBytes)).toBeLessThanOrEqual(5 * 1024 * 1024);
  expect(JSON.stringify(dump(limited.data))).toBe(JSON.stringify(dump(free.data)));
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
});

describe('the undo touches only what is still ours', () => {
  test('a note deleted or a highlight recoloured by the user between runs: both runs and "Rimuovi risultati" still work', async () => {
    const data = smallPlan();
    const host = fakeHost(data);
    await host.service.checkAndApply(noProgress);
    data.notes = data.notes.filter((n) => n.address !== 'C3'); // the user deleted our note
    data.sheet('Unita')!.cells.get(key(2, 2))!.fill = '#00B050'; // and coloured the cell green
    await host.service.checkAndApply(noProgress);
    await host.service.removeResults();
    expect(data.sheet('Unita')!.cells.get(key(2, 2))!.fill).toBe('#00B050');
    expect(data.sheets.map((s) => s.name)).toEqual(['Comuni', 'Enti', 'Unita']);
    expect(data.notes).toEqual([]);
  });
});

test('a protected workbook structure: an Italian message, nothing written', async () => {
  const data = smallPlan();
  data.structureProtected = true;
  const before = JSON.stringify(dump(data));
  await expect(fakeHost(data).service.checkAndApply(noProgress)).rejects.toMatchObject({ code: 'protected', action: expect.stringMatching(/Proteggi cartella di lavoro/) });
  expect(JSON.stringify(dump(data))).toBe(before);
});

test('ten thousand anomalies: every request stays under Excel on the web\'s 5 MB (a few more syncs, only then)', async () => {
  const rows: (string | number | null)[][] = [['Ente proprietario', 'Comune', 'Stato', 'Numero unità']];
  for (let i = 0; i < 10_000; i++) rows.push(['Comune di Crema', 'Crema', 'Ristrutturazione', 2]);
  const data = WorkbookData.fromRows({ Comuni: [['Comune'], ['Crema']], Unita: rows });
  const host = fakeHost(data);
  const outcome = await host.service.checkAndApply(noProgress);
  expect(outcome.report.counts.warning).toBeGreaterThanOrEqual(10_000);
  expect(host.runs[0]!.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
  await host.service.removeResults();
  expect(data.sheets.map((s) => s.name)).toEqual(['Comuni', 'Unita']);
}, 60_000);
