/**
 * The corners a review found: what happens after "Rimuovi risultati", on sheets the engine no longer
 * reads, with headers in another case, notes and comments that merely mention Piano Offerta,
 * defined names, many notes, a workbook last written by version 0.1, and "Crea fogli standard" when
 * Excel says no.
 */
import { fakeHost } from '../support/fake-excel/host';
import { WorkbookData, dump, key } from '../support/fake-excel/model';
import { EXCEL_VERSIONS } from '../support/fake-excel/office-js';
import { checkedOnce, noProgress, planWorkbook } from './support';

const column = (data: WorkbookData, sheet: string, header: string) => [...data.sheet(sheet)!.cells.entries()].find(([, c]) => c.value === header)![0] % 16384;

test('a number the user typed under «g calcolato» survives "Rimuovi risultati" and the next run', async () => {
  const { data, host } = await checkedOnce();
  const enti = data.sheet('Enti')!;
  const g = column(data, 'Enti', 'g calcolato');
  enti.cells.set(key(2, g), { value: 777 });
  await host.service.removeResults();
  expect(enti.cells.get(key(2, g))).toEqual({ value: 777 });
  expect(enti.cells.get(key(0, g))?.value).toBe('g calcolato');
  await host.service.checkAndApply(noProgress);
  expect(enti.cells.get(key(2, g))).toEqual({ value: 777 });
  expect(enti.cells.get(key(1, g))?.value).toEqual(expect.any(Number));
});

test('a computed column the engine no longer plans (Unita emptied) is removed, by "Rimuovi risultati" and by the next run', async () => {
  for (const action of ['remove', 'check'] as const) {
    const { data, host } = await checkedOnce();
    const unita = data.sheet('Unita')!;
    const esito = column(data, 'Unita', 'Esito controllo');
    // The user clears the data rows and the headers of the table, not the add-in's column.
    for (const k of [...unita.cells.keys()]) if (k % 16384 < esito) unita.cells.delete(k);
    if (action === 'remove') await host.service.removeResults();
    else await host.service.checkAndApply(noProgress);
    expect([action, [...unita.cells.entries()].filter(([k]) => k % 16384 === esito)]).toEqual([action, []]);
  }
});

test('a header retyped in capitals («ESITO CONTROLLO») is still the add-in\'s column: no false notice, and removed', async () => {
  const { data, host } = await checkedOnce();
  const unita = data.sheet('Unita')!;
  const esito = column(data, 'Unita', 'Esito controllo');
  unita.cells.set(key(0, esito), { value: 'ESITO CONTROLLO' });
  const second = await host.service.checkAndApply(noProgress);
  expect(second.notices.filter((n) => /non si trova più/.test(n.message))).toEqual([]);
  await host.service.removeResults();
  expect([...unita.cells.keys()].filter((k) => k % 16384 === esito)).toEqual([]);
});

test('a note and a comment of the user\'s that begin with «Piano Offerta» are theirs', async () => {
  const data = planWorkbook();
  data.notes.push({ sheet: 'Unita', address: 'F2', content: 'Piano Offerta 2026: chiedere ad ALER' });
  data.comments.push({ id: 'u1', sheet: 'Unita', address: 'F7', content: 'Piano Offerta: ricontrollare a gennaio' });
  data.sheet('Unita')!.conditionalFormats.push({ id: 'u-cf', type: 'Custom', areas: [{ r0: 1, c0: 5, r1: 6, c1: 5 }], formula: '=ISNUMBER(SEARCH("Piano Offerta",F2))', fill: '#E2EFDA' });
  const host = fakeHost(data);
  await host.service.checkAndApply(noProgress);
  await host.service.removeResults();
  expect(data.notes).toEqual([{ sheet: 'Unita', address: 'F2', content: 'Piano Offerta 2026: chiedere ad ALER' }]);
  expect(data.comments.map((c) => c.id)).toEqual(['u1']);
  expect(data.sheet('Unita')!.conditionalFormats.map((c) => c.id)).toEqual(['u-cf']);
});

test('a comment of version 0.1 on a sheet now protected: nothing fails, the sheet is named', async () => {
  const data = planWorkbook();
  data.comments.push({ id: 'old', sheet: 'Unita', address: 'E4', content: 'Piano Offerta\nErrore VALUE_NOT_NUMBER: …' });
  data.sheet('Unita')!.protected = true;
  const host = fakeHost(data);
  const outcome = await host.service.checkAndApply(noProgress);
  expect(host.server.log.filter((r) => r.failed)).toEqual([]);
  expect(outcome.notices.map((n) => n.message).join(' ')).toMatch(/«Unita» è protetto/);
  expect(data.comments.map((c) => c.id)).toEqual(['old']);
  expect(outcome.sheets).toEqual(['Sezione g', 'Anomalie', 'Riepilogo']);
});

test('a defined name «Anomalie» (Formule › Gestione nomi): the output table takes a free name', async () => {
  const data = planWorkbook();
  data.names.push({ name: 'Anomalie', formula: '=Unita!$A$1:$A$7' });
  const host = fakeHost(data);
  const outcome = await host.service.checkAndApply(noProgress);
  expect(outcome.notices.filter((n) => n.intent === 'error')).toEqual([]);
  expect(data.tables.find((t) => t.sheet === 'Anomalie')?.name).toBe('Anomalie_2');
});

test('15,000 notes of the user\'s on Excel on the web: every request still under 4.5 MB', async () => {
  const data = planWorkbook();
  const notes = data.addSheet('Appunti');
  for (let i = 0; i < 15_000; i++) {
    notes.cells.set(key(i, 0), { value: i });
    data.notes.push({ sheet: 'Appunti', address: `A${i + 1}`, content: `Appunto ${i}: telefonare all'ufficio tecnico` });
  }
  const host = fakeHost(data, { platform: 'web', requestLimit: 5_000_000, responseLimit: 5_000_000 });
  await host.service.checkAndApply(noProgress);
  await host.service.removeResults();
  expect(host.server.log.filter((r) => r.failed)).toEqual([]);
  expect(Math.max(...host.server.log.map((r) => r.bytes))).toBeLessThan(4_500_000);
  expect(data.notes).toHaveLength(15_000);
}, 120_000);

describe('a workbook last written by version 0.1', () => {
  /** As version 0.1 left it: fills painted on the user's cells, its state in a very hidden sheet, a note, a comment, its column. */
  function legacyWorkbook(): WorkbookData {
    const data = planWorkbook();
    const unita = data.sheet('Unita')!;
    unita.cells.get(key(2, 2))!.fill = '#FFEB9C'; // C3, was without fill
    unita.cells.get(key(3, 4))!.fill = '#FFC7CE'; // E4, was green
    unita.cells.get(key(5, 3))!.fill = '#123456'; // D6: recoloured by the user since
    unita.cells.set(key(0, 6), { value: 'Esito controllo', font: { bold: true, color: '#2F5496' } });
    for (let r = 1; r <= 6; r++) unita.cells.set(key(r, 6), { value: 'Sezione e: 1 unità', font: { italic: true }, fill: '#FFEB9C' });
    data.notes.push({ sheet: 'Unita', address: 'C3', content: 'Piano Offerta\nAvviso COMUNE_NAME_VARIANT: Vaiano' });
    data.comments.push({ id: 'old', sheet: 'Unita', address: 'E4', content: 'Piano Offerta\nErrore VALUE_NOT_NUMBER: …' });
    const legacy = data.addSheet('PianoOfferta_stato');
    legacy.visibility = 'VeryHidden';
    const state = {
      version: 1,
      sheets: [],
      columns: [{ sheet: 'Unita', col: 6, firstRow: 0, lastRow: 6 }],
      cells: [
        { sheet: 'Unita', cell: 'C3', fill: null, note: true },
        { sheet: 'Unita', cell: 'E4', fill: '#00B050', commentId: 'old' },
        { sheet: 'Unita', cell: 'D6', fill: null },
      ],
    };
    legacy.cells.set(key(0, 0), { value: JSON.stringify(state), numberFormat: '@' });
    return data;
  }

  test('its fills are put back (a colour the user changed since stays), its sheet, note and comment go: as a fresh run', async () => {
    const data = legacyWorkbook();
    const host = fakeHost(data);
    await host.service.checkAndApply(noProgress);
    const unita = data.sheet('Unita')!;
    expect(data.sheet('PianoOfferta_stato')).toBeUndefined();
    expect(unita.cells.get(key(2, 2))!.fill).toBeUndefined();
    expect(unita.cells.get(key(3, 4))!.fill).toBe('#00B050');
    expect(unita.cells.get(key(5, 3))!.fill).toBe('#123456');
    expect(data.comments).toEqual([]);

    // The same workbook as the user would have it without version 0.1, checked once.
    const fresh = planWorkbook();
    fresh.sheet('Unita')!.cells.get(key(3, 4))!.fill = '#00B050';
    fresh.sheet('Unita')!.cells.get(key(5, 3))!.fill = '#123456';
    await fakeHost(fresh).service.checkAndApply(noProgress);
    expect(dump(data)).toEqual(dump(fresh));
  });
});

describe('Crea fogli standard when Excel says no', () => {
  test('the workbook structure is protected: said as such, nothing created', async () => {
    const data = WorkbookData.fromRows({ Foglio1: [['x']] });
    data.structureProtected = true;
    await expect(fakeHost(data).service.createStandardSheets({})).rejects.toMatchObject({ code: 'protected', message: expect.stringMatching(/struttura.*protetta/) });
    expect(data.sheets.map((s) => s.name)).toEqual(['Foglio1']);
  });

  test('a table called TabUnita already exists elsewhere: the new one takes a free name', async () => {
    const data = WorkbookData.fromRows({ Vecchio: [['a', 'b'], [1, 2]] });
    data.tables.push({ id: 'tOld', name: 'TabUnita', sheet: 'Vecchio', r0: 0, c0: 0, r1: 1, c1: 1 });
    const host = fakeHost(data);
    const outcome = await host.service.createStandardSheets({});
    expect(outcome.created).toContain('Unita');
    expect(data.tables.find((t) => t.sheet === 'Unita')?.name).toBe('TabUnita_2');
  });

  test('a write refused half-way: the sheets this run added are taken back', async () => {
    const data = WorkbookData.fromRows({ Foglio1: [['x']] });
    const host = fakeHost(data);
    host.server.faults.push({ when: (a) => a.type === 'SetProperty' && a.target === 'Table' && a.name === 'Name', code: 'GeneralException' });
    await expect(host.service.createStandardSheets({})).rejects.toMatchObject({ code: 'unknown' });
    host.server.faults = [];
    expect(data.sheets.map((s) => s.name)).toEqual(['Foglio1']);
    expect(data.tables).toEqual([]);
  });
});

test('Office 2021 after a Microsoft 365 run, and "Rimuovi risultati" there: nothing of the user\'s is touched, no request fails', async () => {
  const data = planWorkbook();
  data.notes.push({ sheet: 'Unita', address: 'F2', content: 'nota mia' });
  await fakeHost(data, { excelApi: EXCEL_VERSIONS.microsoft365 }).service.checkAndApply(noProgress);
  const host = fakeHost(data, { excelApi: EXCEL_VERSIONS.office2021 });
  await host.service.checkAndApply(noProgress);
  await host.service.removeResults();
  expect(host.server.log.filter((r) => r.failed)).toEqual([]);
  expect(data.notes.find((n) => n.address === 'F2')).toEqual({ sheet: 'Unita', address: 'F2', content: 'nota mia' });
});
