/**
 * All or nothing that the user can see: every precondition is checked before the first write, a
 * failure half-way takes back what was written, a protected sheet does not hide the verdict, and
 * writing beside a user's Excel table never grows it.
 */
import { fakeHost } from '../support/fake-excel/host';
import { dump, key } from '../support/fake-excel/model';
import { noProgress, planWorkbook } from './support';

test('a user\'s renamed old Anomalie sheet still holding the table "Anomalie": the run works and their sheet stays as it is', async () => {
  const data = planWorkbook({ 'Anomalie 2026': [['Le anomalie dell\'anno scorso'], ['Gravità', 'Messaggio'], ['Errore', 'vecchio']] });
  data.tables.push({ id: 'tOld', name: 'Anomalie', sheet: 'Anomalie 2026', r0: 1, c0: 0, r1: 2, c1: 1 });
  const theirs = JSON.stringify((dump(data) as { sheets: { name: string }[] }).sheets.find((s) => s.name === 'Anomalie 2026'));
  const host = fakeHost(data);
  const outcome = await host.service.checkAndApply(noProgress);
  expect(outcome.sheets).toContain('Anomalie');
  expect(JSON.stringify((dump(data) as { sheets: { name: string }[] }).sheets.find((s) => s.name === 'Anomalie 2026'))).toBe(theirs);
  expect(data.tables.find((t) => t.id === 'tOld')).toMatchObject({ name: 'Anomalie', sheet: 'Anomalie 2026' });
  expect(data.tables.filter((t) => t.sheet === 'Anomalie')).toHaveLength(1);
  expect(host.server.log.filter((r) => r.failed)).toEqual([]);
});

describe('a failure half-way through the writing takes back what was written', () => {
  test.each([
    ['the chart', (a: { type: string; target: string }) => a.type === 'Instantiate' && a.target === 'Chart'],
    ['a conditional format', (a: { type: string; target: string }) => a.type === 'SetProperty' && a.target === 'ConditionalRangeFill'],
    ['a table', (a: { type: string; target: string }) => a.type === 'SetProperty' && a.target === 'Table'],
    ['the first rows of an output sheet, right after it was added', (a: { type: string; target: string }) => a.type === 'SetProperty' && a.target === 'Range'],
  ])('%s refused by Excel: the verdict stays in the pane with an Italian message, and the workbook is as it was', async (_what, when) => {
    const data = planWorkbook();
    const before = JSON.stringify(dump(data));
    const host = fakeHost(data);
    host.server.faults.push({ when: (a) => a.type !== 'Query' && (when as (x: typeof a) => boolean)(a), code: 'GeneralException' });
    const outcome = await host.service.checkAndApply(noProgress);
    expect(outcome.report.totals.g).toBeGreaterThan(0);
    expect(outcome.sheets).toEqual([]);
    expect(outcome.notices).toEqual([expect.objectContaining({ intent: 'error', message: expect.stringMatching(/non sono stati scritti.*ha tolto quanto aveva già scritto.*inatteso/) })]);
    host.server.faults = [];
    expect(JSON.stringify(dump(data))).toBe(before);
    // And the next run works: nothing half-written blocks it.
    const next = await host.service.checkAndApply(noProgress);
    expect(next.sheets).toEqual(['Sezione g', 'Anomalie', 'Riepilogo']);
  });

  test('after a first good run, a failed second run leaves no half of anything', async () => {
    const data = planWorkbook();
    const before = JSON.stringify(dump(data));
    const host = fakeHost(data);
    await host.service.checkAndApply(noProgress);
    host.server.faults.push({ when: (a) => a.type === 'SetProperty' && a.target === 'Table', code: 'GeneralException' });
    const outcome = await host.service.checkAndApply(noProgress);
    expect(outcome.notices[0]).toMatchObject({ intent: 'error' });
    host.server.faults = [];
    expect(JSON.stringify(dump(data))).toBe(before);
  });
});

test('the Unita sheet is an Excel table: the add-in\'s column goes beside it and the table does not grow', async () => {
  const data = planWorkbook();
  data.tables.push({ id: 'tU', name: 'TabUnita', sheet: 'Unita', r0: 0, c0: 0, r1: 6, c1: 5 });
  data.tables.push({ id: 'tE', name: 'TabEnti', sheet: 'Enti', r0: 0, c0: 0, r1: 2, c1: 6 });
  const host = fakeHost(data);
  await host.service.checkAndApply(noProgress);
  expect(data.tables.find((t) => t.id === 'tU')).toMatchObject({ r0: 0, c0: 0, r1: 6, c1: 5 });
  expect(data.tables.find((t) => t.id === 'tE')).toMatchObject({ r0: 0, c0: 0, r1: 2, c1: 6 });
  const esito = [...data.sheet('Unita')!.cells.entries()].find(([, c]) => c.value === 'Esito controllo');
  expect(esito).toBeDefined();
  await host.service.checkAndApply(noProgress);
  await host.service.removeResults();
  expect(data.tables.find((t) => t.id === 'tU')).toMatchObject({ r0: 0, c0: 0, r1: 6, c1: 5 });
});

describe('a protected sheet does not hide the result', () => {
  test('Unita protected: the verdict and g are there, Unita is untouched and named, the rest is written', async () => {
    const data = planWorkbook();
    data.sheet('Unita')!.protected = true;
    const unitaBefore = JSON.stringify([...data.sheet('Unita')!.cells.entries()]);
    const host = fakeHost(data);
    const outcome = await host.service.checkAndApply(noProgress);
    expect(outcome.report.totals.g).toBeGreaterThan(0);
    expect(outcome.report.ready).toBe(false);
    expect(outcome.notices.map((n) => n.message).join(' ')).toMatch(/«Unita» è protetto/);
    expect(JSON.stringify([...data.sheet('Unita')!.cells.entries()])).toBe(unitaBefore);
    expect(data.sheet('Unita')!.conditionalFormats).toEqual([]);
    expect(data.notes.filter((n) => n.sheet === 'Unita')).toEqual([]);
    expect(outcome.sheets).toEqual(['Sezione g', 'Anomalie', 'Riepilogo']);
    expect(host.server.log.filter((r) => r.failed)).toEqual([]);
  });

  test('workbook structure protected: the verdict is there, no sheet is added or removed, the pane says why', async () => {
    const data = planWorkbook();
    data.structureProtected = true;
    const names = data.sheets.map((s) => s.name);
    const host = fakeHost(data);
    const outcome = await host.service.checkAndApply(noProgress);
    expect(outcome.report.totals.g).toBeGreaterThan(0);
    expect(outcome.sheets).toEqual([]);
    expect(data.sheets.map((s) => s.name)).toEqual(names);
    expect(outcome.notices.map((n) => n.message).join(' ')).toMatch(/struttura.*protetta/);
    expect(host.server.log.filter((r) => r.failed)).toEqual([]);
  });

  test('a user\'s own sheet named Riepilogo: the verdict is there, their sheet untouched, the pane says to rename it', async () => {
    const data = planWorkbook({ Riepilogo: [['Le mie note']] });
    const host = fakeHost(data);
    const outcome = await host.service.checkAndApply(noProgress);
    expect(outcome.report.totals.g).toBeGreaterThan(0);
    expect(data.sheet('Riepilogo')!.cells.get(key(0, 0))).toEqual({ value: 'Le mie note' });
    expect(outcome.notices.map((n) => n.message).join(' ')).toMatch(/«Riepilogo».*non è stato creato da Piano Offerta/);
  });
});
