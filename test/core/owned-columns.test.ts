/** The computed columns: which cells are still ours is decided by what they hold, never by where we wrote. */
import { besideTables } from '../../src/core/output/write-plan';
import { reconcileColumn, removalOf, valueKey } from '../../src/core/output/owned-columns';
import { SheetSnapshot } from '../../src/core/snapshot';

const column = { sheet: 'Unita', header: 'Esito controllo', col: 3, headerRow: 0, cells: [{ row: 1, value: 'Sezione e: 1 unità' }, { row: 2, value: 'Sezione b: 1 unità', severity: 'warning' as const }] };

function sheet(rows: (string | number | null)[][], tables?: SheetSnapshot['tables']): SheetSnapshot {
  return { name: 'Unita', originRow: 0, originCol: 0, values: rows, ...(tables ? { tables } : {}) };
}

test('a first run writes the header and every value', () => {
  const c = reconcileColumn(column, sheet([['ID', 'Ente', 'Stato'], [1, 'A', 'Libero'], [2, 'A', 'Carenza manutentiva']]), null);
  expect(c.values).toEqual(['Esito controllo', 'Sezione e: 1 unità', 'Sezione b: 1 unità']);
  expect(c.cells).toEqual([{ row: 1 }, { row: 2, severity: 'warning' }]);
  expect(c.written).toEqual({ [valueKey('Sezione e: 1 unità')]: 1, [valueKey('Sezione b: 1 unità')]: 1 });
});

test('a second run on an unchanged column sends nothing, and still owns every value', () => {
  const s = sheet([['ID', 'Ente', 'Stato', 'Esito controllo'], [1, 'A', 'Libero', 'Sezione e: 1 unità'], [2, 'A', 'Carenza', 'Sezione b: 1 unità']]);
  const first = reconcileColumn(column, sheet([['ID', 'Ente', 'Stato'], [1, 'A', 'Libero'], [2, 'A', 'Carenza']]), null);
  const c = reconcileColumn(column, s, first.written);
  expect(c.values.every((v) => v === null)).toBe(true);
  expect(c.written).toEqual(first.written);
  expect(c.kept).toEqual([]);
});

test('rows sorted by the user: our values moved with them are still ours and are rewritten in place', () => {
  const written = { [valueKey('Sezione e: 1 unità')]: 1, [valueKey('Sezione b: 1 unità')]: 1 };
  const s = sheet([['ID', 'Ente', 'Stato', 'Esito controllo'], [1, 'A', 'Libero', 'Sezione b: 1 unità'], [2, 'A', 'Carenza', 'Sezione e: 1 unità']]);
  const c = reconcileColumn(column, s, written);
  expect(c.values).toEqual([null, 'Sezione e: 1 unità', 'Sezione b: 1 unità']);
  expect(c.kept).toEqual([]);
});

test('a value the user typed into our column is theirs: left alone, and said', () => {
  const written = { [valueKey('Sezione e: 1 unità')]: 1, [valueKey('Sezione b: 1 unità')]: 1 };
  const s = sheet([['ID', 'Ente', 'Stato', 'Esito controllo'], [1, 'A', 'Libero', 'visto da Anna'], [2, 'A', 'Carenza', 'Sezione b: 1 unità']]);
  const c = reconcileColumn(column, s, written);
  expect(c.values.every((v) => v === null)).toBe(true);
  expect(c.kept).toEqual([{ cell: 'D2', value: 'visto da Anna' }]);
  expect(c.cells).toEqual([{ row: 2, severity: 'warning' }]);
});

test('one value we wrote claims one cell: the same number typed twice by the user is theirs the second time', () => {
  const g = { sheet: 'Enti', header: 'g calcolato', col: 2, headerRow: 0, cells: [{ row: 1, value: 5 }] };
  const s = sheet([['Ente', 'SAP', 'g calcolato'], ['A', 10, 5], ['B', 3, 5]]);
  const c = reconcileColumn(g, s, { [valueKey(5)]: 1 });
  expect(c.kept).toEqual([{ cell: 'C3', value: 5 }]);
});

test('rows gone: our values left below the table are cleared', () => {
  const written = { [valueKey('Sezione e: 1 unità')]: 2 };
  const s = sheet([['ID', 'Ente', 'Stato', 'Esito controllo'], [1, 'A', 'Libero', 'Sezione e: 1 unità'], [null, null, null, 'Sezione e: 1 unità']]);
  const c = reconcileColumn({ ...column, cells: [{ row: 1, value: 'Sezione e: 1 unità' }] }, s, written);
  expect(c.values).toEqual([null, null, '']);
});

test('without a record (a copy written elsewhere): our own phrasing is ours, anything else the user\'s', () => {
  const s = sheet([['ID', 'Ente', 'Stato', 'Esito controllo'], [1, 'A', 'Libero', 'Esclusa da g: SAS'], [2, 'A', 'Carenza', 'ok!']]);
  const c = reconcileColumn(column, s, null);
  expect(c.values).toEqual([null, 'Sezione e: 1 unità']);
  expect(c.kept).toEqual([{ cell: 'D3', value: 'ok!' }]);
});

test('without a record: the current wording and the earlier «Esclusa da g» are both ours', () => {
  const s = sheet([['ID', 'Ente', 'Stato', 'Esito controllo'], [1, 'A', 'Assegnato', 'Esclusa dalla sezione g: non assegnabile'], [2, 'A', 'Libero', 'Esclusa da g: SAS'], [3, 'A', 'Libero', 'Esclusa: da vedere']]);
  const c = reconcileColumn(column, s, null);
  expect(c.values).toEqual([null, 'Sezione e: 1 unità', 'Sezione b: 1 unità']);
  expect(c.kept).toEqual([{ cell: 'D4', value: 'Esclusa: da vedere' }]);
});

test('removal clears ours and the header, and keeps the header over the user\'s values', () => {
  const written = { [valueKey('Sezione e: 1 unità')]: 1 };
  const clean = sheet([['ID', 'Ente', 'Stato', 'Esito controllo'], [1, 'A', 'Libero', 'Sezione e: 1 unità']]);
  expect(removalOf(column, clean, written).values).toEqual(['', '']);
  const mixed = sheet([['ID', 'Ente', 'Stato', 'Esito controllo'], [1, 'A', 'Libero', 'Sezione e: 1 unità'], [2, 'A', 'Libero', 'mio']]);
  expect(removalOf(column, mixed, written).values).toEqual([null, '']);
});

test('a computed column never goes inside or right beside an Excel table', () => {
  const s = sheet([['ID', 'Ente', 'Stato']], [{ name: 'TabUnita', r0: 0, c0: 0, r1: 10, c1: 2 }]);
  expect(besideTables(s, 3, 0, 10)).toBe(4);
  expect(besideTables(s, 3, 20, 30)).toBe(3);
  expect(besideTables(sheet([['a']]), 3, 0, 10)).toBe(3);
});
