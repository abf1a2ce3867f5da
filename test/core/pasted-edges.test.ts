/**
 * Pasted section tables as people really paste them, beyond the four seeds (cases a review found):
 * a standard sheet with a title row stays standard, last year's tables kept for reference are not read,
 * owners alone on their row, titles over two cells, subtotals, owners written once, "-" comuni, and
 * every finding on the row's own cell.
 */
import { check } from '../../src/core/engine';
import { CellValue } from '../../src/core/snapshot';
import { parseA1 } from '../../src/core/address';
import { pastedSheets } from '../support/pasted';
import { planSnapshot, snapshot } from '../support/workbooks';

const AMBITO: CellValue[][] = [['Campo', 'Valore'], ['Ambito territoriale', 'Ambito di prova'], ['Anno di riferimento', 2021]];
const B = "b) Unità abitative destinate a SAP in carenza manutentiva assegnabili nello stato di fatto nel corso dell'anno";
const HEAD = ['Ragione Sociale Ente Proprietario', 'Comune', 'Numero unità immobiliari'];
const run = (paste: CellValue[][]) => check(snapshot({ Ambito: AMBITO, Piano: paste }));
const rules = (r: ReturnType<typeof check>, severity = 'error') => r.report.anomalies.filter((a) => a.severity === severity).map((a) => `${a.rule} ${a.cell}`);

test('a standard unit list renamed «Allegato B» under a title that says «libere» stays a standard sheet (its Esito column and all)', () => {
  for (const plan of ['crema-2019', 'crema-2021', 'ogliopo-2021'] as const) {
    const standard = check(planSnapshot(plan));
    const snap = planSnapshot(plan);
    const unita = snap.sheets.find((s) => s.name === 'Unita')!;
    unita.name = 'Allegato B';
    unita.values.unshift(['ALL. B - Dettaglio unità abitative libere di proprietà ALER', ...Array(unita.values[0]!.length - 1).fill(null)]);
    const result = check(snap);
    expect(result.model.located.pasted).toBeUndefined();
    expect(result.report.totals).toEqual(standard.report.totals);
    expect(result.writePlan.columns.map((c) => c.sheet)).toContain('Allegato B');
  }
});

test('last year\'s tables kept beside this year\'s standard plan are not read, and the report says so', () => {
  const standard = check(planSnapshot('crema-2021'));
  const snap = planSnapshot('crema-2021');
  snap.sheets.push({ ...pastedSheets('crema-2019', 'stacked')[0]!, name: 'Piano 2019' });
  const result = check(snap);
  expect(result.report.totals).toEqual(standard.report.totals);
  expect(rules(result)).toEqual(rules(standard));
  expect(result.report.pasted?.otherYear).toEqual([{ sheet: 'Piano 2019', years: [2019] }]);
});

test('an owner alone on its row, its name ending in a dot, heads the rows below it', () => {
  const r = run([[B], HEAD, ['Abitare Soc. Coop.'], [null, 'Crema', 2], [null, 'Offanengo', 1]]);
  expect(r.report.sectionG.map((x) => [x.ente, x.comune, x.b])).toEqual([['Abitare Soc. Coop.', 'Crema', 2], ['Abitare Soc. Coop.', 'Offanengo', 1]]);
});

test('a sentence between the title and its table does not lose the table', () => {
  const r = run([[B], ['Complessivamente sono state rilevate 3 unità, come di seguito dettagliato:'], HEAD, ['Comune di Crema', 'Crema', 3]]);
  expect(r.report.totals.b).toBe(3);
});

test('a title pasted over two cells («c)» | its text) is one title', () => {
  const r = run([[B], HEAD, ['Comune di Crema', 'Crema', 1], [], ['c)', 'Unità abitative destinate a SAP oggetto di piani di ristrutturazione, recupero, riqualificazione'], HEAD, ['Comune di Crema', 'Crema', 4]]);
  expect(r.report.totals).toMatchObject({ b: 1, c: 4 });
});

test('«Numero complessivo … assegnate nel corso dell\'anno precedente» is k, not the g table', () => {
  const r = run([[B], HEAD, ['Comune di Crema', 'Crema', 1], ["k) Numero complessivo delle unità abitative destinate a SAP assegnate nel corso dell'anno precedente"], ['Ragione Sociale Ente Proprietario', 'N. alloggi SAP assegnati nel 2020'], ['Comune di Crema', 4]]);
  expect(r.model.assegnazioni.map((a) => [a.enteWritten, a.assegnate])).toEqual([['Comune di Crema', 4]]);
  expect(r.model.pasted!.declaredG).toEqual([]);
});

test('a category that mentions «proprietari» is data, not a header', () => {
  const r = run([[B], HEAD, ['Comune di Crema', 'Crema', 1], ['i) Comuni che hanno individuato categorie aggiuntive di particolare rilevanza sociale'], ['Comune', 'Categoria'], ['Comune di Crema', 'Famiglie sfrattate da alloggi di privati proprietari'], ['Comune di Offanengo', 'Famiglie numerose']]);
  expect(r.model.comuni.map((c) => [c.written, c.categoria])).toEqual([
    ['Crema', 'Famiglie sfrattate da alloggi di privati proprietari'],
    ['Offanengo', 'Famiglie numerose'],
  ]);
});

test('a subtotal adds up the rows above it only; the total the whole table', () => {
  const r = run([[B], HEAD, ['ALER Brescia-Cremona-Mantova', 'Crema', 2], ['ALER Brescia-Cremona-Mantova', 'Offanengo', 3], ['Totale ALER', null, 5], ['Comune di Crema', 'Crema', 4], ['Totale', null, 9]]);
  expect(r.report.anomalies.filter((a) => a.rule === 'INPUT_TOTAL_MISMATCH')).toEqual([]);
  expect(r.report.totals.b).toBe(9);
});

test('k: an owner written once stands for the rows below, even above a blank row', () => {
  const r = run([[B], HEAD, ['Comune di Crema', 'Crema', 1], ["k) Numero delle unità abitative destinate a SAP assegnate nel corso dell'anno precedente"], ['Ragione Sociale Ente Proprietario', 'Comune', 'N. alloggi SAP assegnati nel 2020'], ['ALER Brescia-Cremona-Mantova', 'Crema', null], [null, 'Offanengo', 2]]);
  expect(r.model.assegnazioni.map((a) => [a.enteWritten, a.assegnate])).toEqual([['ALER Brescia-Cremona-Mantova', 2]]);
  expect(r.report.anomalies.filter((a) => a.rule === 'VALUE_REQUIRED')).toEqual([]);
});

test('«Comune di Crema | - | 3»: the comune\'s own units are in Crema', () => {
  const r = run([[B], HEAD, ['Comune di Crema', '-', 3]]);
  expect(r.report.sectionG.map((x) => [x.ente, x.comune, x.b])).toEqual([['Comune di Crema', 'Crema', 3]]);
  expect(rules(r)).toEqual([]);
});

test('each row\'s finding on its own cell, not on the owner written once above', () => {
  const r = run([[B], HEAD, ['ALER Brescia-Cremona-Mantova', 'Crema', 1], [null, 'Offanengo', 1], [null, 'Pandino', 1]]);
  expect(r.report.anomalies.filter((a) => a.rule === 'UNIT_ID_MISSING').map((a) => a.cell)).toEqual(['C3', 'C4', 'C5']);
});

test('a «Totale» whose label was lost in the paste (only the sum, under an owner written once) is a total, not that owner\'s units', () => {
  const r = run([[B], HEAD, ['ALER Brescia-Cremona-Mantova', 'Crema', 2], [null, 'Offanengo', 3], [null, null, 5]]);
  expect(r.report.totals.b).toBe(5);
  expect(r.report.anomalies.filter((a) => a.rule === 'INPUT_TOTAL_MISMATCH' || a.rule === 'COMUNE_NOT_SPECIFIED')).toEqual([]);
  // A figure that is not the sum stays a row of the owner above (ALER's units with no comune).
  const other = run([[B], HEAD, ['ALER Brescia-Cremona-Mantova', 'Crema', 2], [null, 'Offanengo', 3], [null, null, 4]]);
  expect(other.report.totals.b).toBe(9);
});

test('one sheet per table without the titles, the tabs named as people name them («f) totale», «k) assegnate»): the same g, no error', () => {
  const names = ['a) consistenza', 'b) carenza', 'c) ristrutturazione', 'd) libere e turnover', 'e) privati', 'f) totale', 'g) indigenti', 'h) categorie', 'i) polizia', 'j) transitori', 'k) assegnate'];
  const sheets = pastedSheets('crema-2021', 'per-section');
  expect(sheets).toHaveLength(names.length);
  const renamed = sheets.map((s, i) => ({ ...s, name: names[i]!, values: s.values.slice(1), formats: s.formats?.slice(1) }));
  const standard = check(planSnapshot('crema-2021'));
  const r = check({ sheets: [planSnapshot('crema-2021').sheets[0]!, ...renamed] });
  expect(r.report.totals).toEqual(standard.report.totals);
  expect(rules(r)).toEqual([]);
  expect(r.model.pasted!.declaredG.length).toBeGreaterThan(0);
  expect(r.model.assegnazioni).toHaveLength(5);
  expect(r.report.pasted!.sheets).toEqual(names);
});

test('a table whose title was lost under a section said empty is not of that section (the totals are not counted as conferite da privati)', () => {
  const snap = pastedSheets('crema-2021', 'stacked');
  const sheet = snap[0]!;
  const at = sheet.values.findIndex((row) => typeof row[0] === 'string' && row[0].startsWith('f) Numero complessivo'));
  sheet.values.splice(at, 1);
  const r = check({ sheets: [planSnapshot('crema-2021').sheets[0]!, sheet] });
  expect(r.report.totals).toMatchObject({ f: 0, g: 114 });
});

test('a misspelt comune in the table of totals is said there (seed 002 prints «Casaleto di Sopra» in it)', () => {
  const sheet = pastedSheets('crema-2021', 'stacked')[0]!;
  const r = check({ sheets: [planSnapshot('crema-2021').sheets[0]!, sheet] });
  const variant = r.report.anomalies.find((a) => a.rule === 'COMUNE_NAME_VARIANT' && a.value === 'Casaleto di Sopra')!;
  expect(variant.cells).toHaveLength(1);
  const { row, col } = parseA1(variant.cell!);
  expect(sheet.values[row]![col]).toBe('Casaleto di Sopra');
  expect(variant.message).toBe('«Casaleto di Sopra» è stato riconosciuto come «Casaletto di Sopra».');
});
