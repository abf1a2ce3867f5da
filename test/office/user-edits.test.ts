/**
 * Between two runs users insert and delete columns and rows, sort, rename sheets and type into the
 * add-in's own column. Nothing of theirs may change, and the second run must leave the workbook as a
 * single run on the edited workbook would: the add-in finds what it owns by what is in it now.
 */
import { WorkbookData, dump, key } from '../support/fake-excel/model';
import { fakeHost } from '../support/fake-excel/host';
import { deleteColumns, deleteRows, insertColumns, insertRows, rename, sortRows, typeInto } from '../support/fake-excel/user-edits';
import { checkedOnce, noProgress, planWorkbook } from './support';

type Edit = (data: WorkbookData) => void;

/** Cells the user typed (not the add-in's), per sheet, with their formats. */
function userCells(data: WorkbookData, ownHeaders = ['Esito controllo', 'g calcolato']) {
  const out: Record<string, unknown[]> = {};
  for (const s of data.sheets) {
    if (['Sezione g', 'Anomalie', 'Riepilogo'].includes(s.name)) continue;
    const owned = new Set<number>();
    for (const [k, c] of s.cells) if (ownHeaders.includes(String(c.value))) owned.add(k % 16384);
    out[s.name] = [...s.cells.entries()].filter(([k]) => !owned.has(k % 16384)).sort((a, b) => a[0] - b[0]);
  }
  return out;
}

async function twoRunsVersusOne(edit: Edit) {
  const { data, host } = await checkedOnce();
  edit(data);
  const theirs = JSON.stringify(userCells(data));
  const second = await host.service.checkAndApply(noProgress);

  const fresh = planWorkbook();
  edit(fresh);
  await fakeHost(fresh).service.checkAndApply(noProgress);
  return { data, fresh, theirs, second };
}

const EDITS: [string, Edit][] = [
  ['inserts a column of their own before Esito', (d) => {
    insertColumns(d, 'Unita', 6);
    typeInto(d, 'Unita', 'G1', 'Verificato');
    typeInto(d, 'Unita', 'G2', 'sì', { fill: '#00B050', font: { bold: true } });
    typeInto(d, 'Unita', 'G5', 'no');
  }],
  ['inserts a column inside the table', (d) => {
    insertColumns(d, 'Unita', 2);
    typeInto(d, 'Unita', 'C1', 'Quartiere');
    typeInto(d, 'Unita', 'C3', 'Ombriano');
  }],
  ['deletes a column of the table', (d) => deleteColumns(d, 'Unita', 5)],
  ['inserts a row with a new unit', (d) => {
    insertRows(d, 'Unita', 3);
    ['3010', 'Comune di Crema', 'Vaiano', 'Libero'].forEach((v, c) => typeInto(d, 'Unita', `${'ABCD'[c]}4`, c === 0 ? Number(v) : v));
  }],
  ['deletes two rows', (d) => deleteRows(d, 'Unita', 2, 2)],
  ['sorts the Unita table by Stato', (d) => sortRows(d, 'Unita', [1, 6], [0, 5], 3)],
  ['sorts whole rows, the add-in column included', (d) => sortRows(d, 'Unita', [1, 6], [0, 16383], 2)],
  ['renames the Unita sheet', (d) => rename(d, 'Unita', 'Unità 2027')],
  ['inserts a column in Enti before g calcolato', (d) => {
    insertColumns(d, 'Enti', 7);
    typeInto(d, 'Enti', 'H1', 'Referente');
    typeInto(d, 'Enti', 'H2', 'Ufficio casa');
  }],
];

describe.each(EDITS)('the user %s between two runs', (_name, edit) => {
  let r: Awaited<ReturnType<typeof twoRunsVersusOne>>;
  beforeAll(async () => {
    r = await twoRunsVersusOne(edit);
  });

  test('nothing the user typed changes (values and formats)', () => {
    expect(JSON.stringify(userCells(r.data))).toBe(r.theirs);
  });

  test('the second run leaves the workbook as one run on the edited workbook', () => {
    expect(dump(r.data)).toEqual(dump(r.fresh));
  });
});

test('a value the user typed into the add-in\'s column stays, and the pane says so', async () => {
  const { data, host } = await checkedOnce();
  const unita = data.sheet('Unita')!;
  const col = [...unita.cells.entries()].find(([, c]) => c.value === 'Esito controllo')![0] % 16384;
  unita.cells.set(key(2, col), { value: 'controllato da Anna', fill: '#FFFF00' });
  const outcome = await host.service.checkAndApply(noProgress);
  expect(unita.cells.get(key(2, col))).toEqual({ value: 'controllato da Anna', fill: '#FFFF00' });
  expect(outcome.notices.map((n) => n.message).join(' ')).toMatch(/Unita.*cella [A-Z]+3.*lasciat/i);
  // Every other row still gets its Esito.
  expect(String(unita.cells.get(key(3, col))?.value)).toMatch(/Sezione|Non conteggiata|Esclusa/);
});

test('a column the add-in wrote whose header the user changed is left alone, and the pane says so', async () => {
  const { data, host } = await checkedOnce();
  const unita = data.sheet('Unita')!;
  const [k] = [...unita.cells.entries()].find(([, c]) => c.value === 'Esito controllo')!;
  unita.cells.set(k, { value: 'Le mie note' });
  const before = [...unita.cells.entries()].filter(([kk]) => kk % 16384 === k % 16384);
  const outcome = await host.service.checkAndApply(noProgress);
  const after = [...unita.cells.entries()].filter(([kk]) => kk % 16384 === k % 16384);
  expect(after).toEqual(before);
  expect(outcome.notices.map((n) => n.message).join(' ')).toMatch(/Esito controllo.*Unita/);
});
