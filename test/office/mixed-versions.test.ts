/**
 * One workbook, several Excels: run on Microsoft 365 (notes), then on Office 2021 (no notes API),
 * then back. No "Piano Offerta" note or comment is ever left behind once a run can see it, and a cell
 * never gets a note beside a threaded comment.
 */
import { fakeHost } from '../support/fake-excel/host';
import { EXCEL_VERSIONS } from '../support/fake-excel/office-js';
import { noProgress, planWorkbook } from './support';

const ours = (s: string) => s.startsWith('Piano Offerta');

test('Microsoft 365 → Office 2021 → Microsoft 365: no orphan note or comment, and the middle run says what it could not update', async () => {
  const data = planWorkbook();
  const m365 = fakeHost(data, { excelApi: EXCEL_VERSIONS.microsoft365 });
  const first = await m365.service.checkAndApply(noProgress);
  expect(data.notes.filter((n) => ours(n.content)).length).toBe(first.notedCells);
  expect(first.notedCells).toBeGreaterThan(0);

  // The user fixes one anomaly, then a colleague runs the check on Office 2021.
  data.sheet('Unita')!.cells.get(2 * 16384 + 2)!.value = 'Vaiano Cremasco';
  const office2021 = fakeHost(data, { excelApi: EXCEL_VERSIONS.office2021 });
  const middle = await office2021.service.checkAndApply(noProgress);
  expect(data.comments).toEqual([]);
  expect(middle.notices.map((n) => n.message).join(' ')).toMatch(/note.*Microsoft 365|Excel sul web/i);

  const last = await m365.service.checkAndApply(noProgress);
  const noted = data.notes.filter((n) => ours(n.content));
  expect(noted.length).toBe(last.notedCells);
  // The fixed cell's note is gone; every remaining note belongs to an anomaly of this run.
  expect(noted.find((n) => n.address === 'C3')).toBeUndefined();
  const cells = new Set(last.report.anomalies.filter((a) => a.sheet === 'Unita').map((a) => a.cell));
  for (const n of noted.filter((x) => x.sheet === 'Unita')) expect(cells).toContain(n.address);
  expect(data.comments).toEqual([]);
});

test('threaded comments left by an earlier version are removed by content; a colleague\'s comment stays and gets no note beside it', async () => {
  const data = planWorkbook();
  data.comments.push({ id: 'old1', sheet: 'Unita', address: 'E4', content: 'Piano Offerta\nErrore VALUE_NOT_NUMBER: …' });
  data.comments.push({ id: 'user1', sheet: 'Unita', address: 'C3', content: 'Vaiano: verificare con il Comune' });
  const host = fakeHost(data, { excelApi: EXCEL_VERSIONS.microsoft365 });
  await host.service.checkAndApply(noProgress);
  expect(data.comments).toEqual([{ id: 'user1', sheet: 'Unita', address: 'C3', content: 'Vaiano: verificare con il Comune' }]);
  expect(data.notes.find((n) => n.sheet === 'Unita' && n.address === 'C3')).toBeUndefined();
  expect(data.notes.find((n) => n.sheet === 'Unita' && n.address === 'E4')?.content).toMatch(/^Piano Offerta/);
  await host.service.removeResults();
  expect(data.notes).toEqual([]);
  expect(data.comments.map((c) => c.id)).toEqual(['user1']);
});

test('"Rimuovi risultati" on Office 2021 after a Microsoft 365 run: removes what it can and names the notes it cannot', async () => {
  const data = planWorkbook();
  await fakeHost(data, { excelApi: EXCEL_VERSIONS.microsoft365 }).service.checkAndApply(noProgress);
  const removed = await fakeHost(data, { excelApi: EXCEL_VERSIONS.office2021 }).service.removeResults();
  expect(data.sheets.map((s) => s.name)).toEqual(['Ambito', 'Comuni', 'Enti', 'Unita', 'Assegnazioni']);
  expect(removed.notices.map((n) => n.message).join(' ')).toMatch(/note/i);
  await fakeHost(data, { excelApi: EXCEL_VERSIONS.microsoft365 }).service.removeResults();
  expect(data.notes).toEqual([]);
});
