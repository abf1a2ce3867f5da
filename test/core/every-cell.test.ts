/**
 * An anomaly that stands for several cells reaches every one of them: listed a row each in Anomalie
 * with a link, highlighted and noted on the input sheet; the words a clerk reads carry no rule code.
 */
import { MAX_ANOMALY_ROWS, MAX_ROWS_PER_ANOMALY } from '../../src/core/output/write-plan';
import { RULES } from '../../src/core/rules';
import { comuni, run, unita } from '../support/rules';

const crema = (comune: string, stato = 'Libero') => ({ ente: 'Comune di Crema', comune, stato });
const PLAN = {
  Ambito: [['Ambito territoriale', 'Cremasco'], ['Anno di riferimento', 2024]],
  Comuni: comuni('Crema', 'Vaiano Cremasco'),
  // "Vaiano" on rows 3, 5 and 9; an unknown Stato on rows 4, 6, 7, 8 and 10; "ALER" nowhere.
  Unita: unita(
    { id: 1, ...crema('Crema') }, { id: 2, ...crema('Vaiano') }, { id: 3, ...crema('Crema', 'DA VERIFICARE') },
    { id: 4, ...crema('Vaiano') }, { id: 5, ...crema('Crema', 'DA VERIFICARE') }, { id: 6, ...crema('Crema', 'DA VERIFICARE') },
    { id: 7, ...crema('Crema', 'DA VERIFICARE') }, { id: 8, ...crema('Vaiano') }, { id: 9, ...crema('Crema', 'DA VERIFICARE') },
  ),
};

function anomalieRows(result: ReturnType<typeof run>) {
  const sheet = result.writePlan.sheets.find((s) => s.name === 'Anomalie')!;
  const t = sheet.tables[0]!;
  return sheet.rows.slice(t.headerRow + 1, t.lastRow + 1).map((r) => r.map((c) => c));
}

test('one anomaly for five rows lists all five cells, in sheet order, the first as its cell', () => {
  const result = run(PLAN);
  const stato = result.report.anomalies.find((a) => a.rule === 'UNIT_STATE_UNKNOWN')!;
  expect(stato).toMatchObject({ cell: 'E4', cells: ['E4', 'E6', 'E7', 'E8', 'E10'] });
  expect(stato.message).toContain('(su 5 righe)');
  const vaiano = result.report.anomalies.find((a) => a.rule === 'COMUNE_NAME_VARIANT')!;
  expect(vaiano.cells).toEqual(['D3', 'D5', 'D9']);
  // A single-cell anomaly lists its one cell too: readers never need two cases.
  for (const a of result.report.anomalies) if (a.cell) expect(a.cells?.[0]).toBe(a.cell);
});

test('Anomalie: a row per cell, each linked to its cell and saying which of how many it is', () => {
  const rows = anomalieRows(run(PLAN)).filter((r) => r[1]?.v === "Stato dell'alloggio non riconosciuto");
  expect(rows.map((r) => [r[3]?.v, r[3]?.link?.cell])).toEqual([
    ['E4 · 1 di 5', 'E4'], ['E6 · 2 di 5', 'E6'], ['E7 · 3 di 5', 'E7'], ['E8 · 4 di 5', 'E8'], ['E10 · 5 di 5', 'E10'],
  ]);
  // The first row says what is wrong and what to do; the others, one line each, point back to it.
  expect(String(rows[0]![5]?.v)).toBe('Stato «DA VERIFICARE» (su 5 righe) non riconosciuto: le righe non sono conteggiate.');
  expect(String(rows[0]![6]?.v)).toMatch(/^Scrivere uno degli stati/);
  expect(rows.slice(1).map((r) => [r[4], r[5]?.v, r[6]?.v])).toEqual([
    [{ v: 'DA VERIFICARE' }, 'Stessa anomalia della cella E4 (2 di 5).', ''],
    [{ v: 'DA VERIFICARE' }, 'Stessa anomalia della cella E4 (3 di 5).', ''],
    [{ v: 'DA VERIFICARE' }, 'Stessa anomalia della cella E4 (4 di 5).', ''],
    [{ v: 'DA VERIFICARE' }, 'Stessa anomalia della cella E4 (5 di 5).', ''],
  ]);
});

test('every cell of an error or a warning is highlighted and noted; the note speaks Italian, not codes', () => {
  const { writePlan } = run(PLAN);
  const unitaCells = writePlan.annotations.filter((a) => a.sheet === 'Unita').map((a) => a.cell).sort();
  expect(unitaCells).toEqual(expect.arrayContaining(['E4', 'E6', 'E7', 'E8', 'E10', 'D3', 'D5', 'D9']));
  const e8 = writePlan.annotations.find((a) => a.cell === 'E8')!;
  expect(e8).toMatchObject({ severity: 'error' });
  expect(e8.note).toBe(
    "Piano Offerta\nErrore: Stato «DA VERIFICARE» (su 5 righe) non riconosciuto: le righe non sono conteggiate.\n→ Scrivere uno degli stati: Carenza manutentiva, Ristrutturazione, Nuova edificazione, Libero, Turnover, Libero o turnover, Conferito da privati, Assegnato.",
  );
  const codes = new RegExp(RULES.map((r) => r.code).join('|'));
  for (const a of writePlan.annotations) expect(a.note).not.toMatch(codes);
  for (const row of anomalieRows(run(PLAN))) for (const cell of row) expect(String(cell?.v ?? '')).not.toMatch(codes);
});

test('an information on many rows is said once: its first cell, with the count', () => {
  const units = Array.from({ length: 40 }, (_, i) => ({ id: 100 + i, ente: 'ALER', comune: 'Crema', stato: 'Libero' }));
  const result = run({ ...PLAN, Enti: [['Ente proprietario', 'Tipo ente'], ['ALER Brescia-Cremona-Mantova', 'ALER'], ['Comune di Crema', 'Comune']], Unita: unita(...units) });
  const alias = result.report.anomalies.find((a) => a.rule === 'ENTE_ALIAS')!;
  expect(alias.cells).toHaveLength(40);
  expect(result.writePlan.annotations.filter((a) => a.severity === 'info').map((a) => a.cell)).toEqual(['C2']);
  const rows = anomalieRows(result).filter((r) => r[1]?.v === 'Ente ricavato da «ALER» o «COMUNE»');
  expect(rows.map((r) => r[3]?.v)).toEqual(['C2 e altre 39']);
});

test(`beyond ${MAX_ROWS_PER_ANOMALY.toLocaleString('it-IT')} cells an anomaly's rows end with one line saying where the rest are`, () => {
  const n = MAX_ROWS_PER_ANOMALY + 250;
  const units = Array.from({ length: n }, (_, i) => ({ id: 1000 + i, ...crema('Crema', 'DA VERIFICARE') }));
  const result = run({ ...PLAN, Unita: unita(...units) });
  const a = result.report.anomalies.find((x) => x.rule === 'UNIT_STATE_UNKNOWN')!;
  expect(a.cells).toHaveLength(n);
  const rows = anomalieRows(result).filter((r) => r[1]?.v === "Stato dell'alloggio non riconosciuto");
  expect(rows).toHaveLength(MAX_ROWS_PER_ANOMALY + 1);
  expect(String(rows.at(-1)![5]?.v)).toMatch(/^… e altre 250 celle con la stessa anomalia: sono evidenziate nel foglio «Unita»/);
  expect(anomalieRows(result).length).toBeLessThanOrEqual(MAX_ANOMALY_ROWS + result.report.anomalies.length);
});
