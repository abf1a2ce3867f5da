/**
 * Highlights that never read or overwrite the user's formatting: conditional formats the add-in
 * owns, found again by what they contain, removed in one step; notes only where they say something
 * the cell does not.
 */
import { parseA1 } from '../../src/core/address';
import { SEVERITY_FILL } from '../../src/core/output/sheet-builder';
import { fakeHost } from '../support/fake-excel/host';
import { WorkbookData, dump, key } from '../support/fake-excel/model';
import { checkedOnce, noProgress, planWorkbook } from './support';

/** The fill a user sees on a cell: the first conditional format that covers it, else the cell's own. */
function seenFill(data: WorkbookData, sheet: string, address: string): string | undefined {
  const s = data.sheet(sheet)!;
  const { row, col } = parseA1(address);
  const cf = s.conditionalFormats.find((f) => f.fill && f.areas.some((a) => row >= a.r0 && row <= a.r1 && col >= a.c0 && col <= a.c1));
  return cf?.fill ?? s.cells.get(key(row, col))?.fill;
}

test('anomalous cells are shown in the severity colour, and the user\'s own fill and font are never read or changed', async () => {
  const data = planWorkbook();
  const unita = data.sheet('Unita')!;
  unita.cells.set(key(2, 2), { value: 'Vaiano', fill: '#00B050', font: { bold: true, color: '#FFFFFF' } });
  const before = structuredClone(unita.cells.get(key(2, 2)));
  const host = fakeHost(data);
  await host.service.checkAndApply(noProgress);
  expect(seenFill(data, 'Unita', 'C3')).toBe(SEVERITY_FILL.warning);
  expect(seenFill(data, 'Unita', 'E4')).toBe(SEVERITY_FILL.error);
  expect(unita.cells.get(key(2, 2))).toEqual(before);
  // Not one read of a fill or a font, anywhere.
  expect(host.server.queries.filter((q) => /RangeFill|RangeFont/.test(q))).toEqual([]);
  await host.service.checkAndApply(noProgress);
  await host.service.removeResults();
  expect(unita.cells.get(key(2, 2))).toEqual(before);
});

test('"Rimuovi risultati" removes every highlight in one step and leaves the user\'s conditional formats', async () => {
  const data = planWorkbook();
  const unita = data.sheet('Unita')!;
  unita.conditionalFormats.push({ id: 'user-cf', type: 'Custom', areas: [{ r0: 1, c0: 0, r1: 6, c1: 0 }], formula: '=A2>3003', fill: '#C6EFCE' });
  const before = JSON.stringify(dump(data));
  const host = fakeHost(data);
  await host.service.checkAndApply(noProgress);
  expect(unita.conditionalFormats.length).toBeGreaterThan(1);
  await host.service.removeResults();
  expect(JSON.stringify(dump(data))).toBe(before);
});

test('a highlighted cell the user recoloured, a highlight the user deleted: the next runs and the removal still work', async () => {
  const { data, host } = await checkedOnce();
  const unita = data.sheet('Unita')!;
  unita.cells.set(key(2, 2), { value: 'Vaiano', fill: '#00B050' });
  unita.conditionalFormats.pop();
  await host.service.checkAndApply(noProgress);
  expect(seenFill(data, 'Unita', 'C3')).toBe(SEVERITY_FILL.warning);
  await host.service.removeResults();
  expect(unita.cells.get(key(2, 2))).toEqual({ value: 'Vaiano', fill: '#00B050' });
  expect(unita.conditionalFormats).toEqual([]);
});

test('notes (Microsoft 365) say why a cell is highlighted; a user\'s note stays as it is, alone', async () => {
  const data = planWorkbook();
  data.notes.push({ sheet: 'Unita', address: 'D6', content: 'Da chiedere al geometra' });
  const outcome = await fakeHost(data).service.checkAndApply(noProgress);
  expect(data.notes.find((n) => n.address === 'C3')?.content).toMatch(/^Piano Offerta[\s\S]*Vaiano Cremasco/);
  expect(data.notes.filter((n) => n.address === 'D6')).toEqual([{ sheet: 'Unita', address: 'D6', content: 'Da chiedere al geometra' }]);
  expect(outcome.notedCells).toBe(data.notes.filter((n) => n.content.startsWith('Piano Offerta')).length);
  expect(data.comments).toEqual([]);
});

test('an Excel without notes (Office 2021): highlights only, and the pane says where the reasons are', async () => {
  const data = planWorkbook();
  const outcome = await fakeHost(data, { excelApi: 14 }).service.checkAndApply(noProgress);
  expect(seenFill(data, 'Unita', 'C3')).toBe(SEVERITY_FILL.warning);
  expect(data.notes).toEqual([]);
  expect(data.comments).toEqual([]);
  expect(outcome.notedCells).toBe(0);
  expect(outcome.notices.map((n) => n.message).join(' ')).toMatch(/note.*Anomalie/i);
});
