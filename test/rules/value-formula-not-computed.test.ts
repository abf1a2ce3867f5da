/**
 * A formula saved without its result (openpyxl and many generators write them so) is said, at its
 * cell, never read as an empty cell: the 2+3 a `g dichiarato` holds must not pass as "pronto".
 */
import ExcelJS from 'exceljs';
import { check } from '../../src/core/engine';
import { readXlsx } from '../../src/adapters/xlsx/reader';
import { ENTI, UNITA } from '../support/rules';

const CODE = 'VALUE_FORMULA_NOT_COMPUTED';

async function planWith(fill: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  const u = wb.addWorksheet('Unita');
  u.addRow(UNITA);
  u.addRow([1, null, 'Comune di Crema', 'Crema', 'Libero', 'SAP', 1]);
  u.addRow([2, null, 'Comune di Crema', 'Crema', 'Libero', 'SAP', 1]);
  const e = wb.addWorksheet('Enti');
  e.addRow(ENTI);
  e.addRow(['Comune di Crema', 'Comune', 10, 10, 0, 0, 2]);
  fill(wb);
  const buf = new Uint8Array(await wb.xlsx.writeBuffer());
  return check(readXlsx(buf, 'piano.xlsx'));
}

test('g dichiarato =2+3 without a result: an error at G2 with the formula, not "vuota", and the plan is not ready', async () => {
  const result = await planWith((wb) => {
    wb.getWorksheet('Enti')!.getCell('G2').value = { formula: '2+3' } as ExcelJS.CellFormulaValue;
  });
  const [a, ...rest] = result.anomalies.filter((x) => x.rule === CODE);
  expect(rest).toEqual([]);
  expect(a).toMatchObject({ sheet: 'Enti', cell: 'G2', severity: 'error', value: '=2+3' });
  expect(a!.message).toContain('«g dichiarato» contiene la formula =2+3 ma non il suo risultato');
  expect(result.anomalies.filter((x) => x.rule === 'VALUE_REQUIRED')).toEqual([]);
  expect(result.readiness.ready).toBe(false);
});

test('a required Stato that is an uncomputed formula is said once, not also "empty", and the unit is not counted', async () => {
  const result = await planWith((wb) => {
    wb.getWorksheet('Unita')!.getCell('E3').value = { formula: 'IF(1,"Libero","")' } as ExcelJS.CellFormulaValue;
  });
  expect(result.anomalies.filter((x) => x.rule === CODE).map((x) => x.cell)).toEqual(['E3']);
  expect(result.anomalies.filter((x) => x.rule === 'VALUE_REQUIRED')).toEqual([]);
  expect(result.report.totals.g).toBe(1);
});

test('a formula with its result is read as its result, with no anomaly', async () => {
  const result = await planWith((wb) => {
    wb.getWorksheet('Enti')!.getCell('G2').value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
  });
  expect(result.anomalies.filter((x) => x.rule === CODE)).toEqual([]);
  expect(result.anomalies.filter((x) => x.rule === 'ENTE_G_DECLARED_MISMATCH')).toEqual([]);
});
