/**
 * Merged cells as the user sees them: an owner's name merged over three rows is the owner of each of
 * them; a count merged over three rows is written once and counts once. Read from a real .xlsx.
 */
import ExcelJS from 'exceljs';
import { check } from '../../src/core/engine';
import { readXlsx } from '../../src/adapters/xlsx/reader';
import { UNITA } from '../support/rules';

async function unitsSheet(fill: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  const u = wb.addWorksheet('Unita');
  u.addRow(UNITA);
  fill(u);
  return check(readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'piano.xlsx'));
}

test('an owner merged over three rows owns each of the three units', async () => {
  const result = await unitsSheet((u) => {
    u.addRow([1, null, 'Comune di Crema', 'Crema', 'Libero', 'SAP', 1]);
    u.addRow([2, null, null, 'Crema', 'Libero', 'SAP', 1]);
    u.addRow([3, null, null, 'Crema', 'Libero', 'SAP', 1]);
    u.mergeCells('C2:C4');
  });
  expect(result.anomalies.filter((a) => a.rule === 'VALUE_REQUIRED')).toEqual([]);
  expect(result.report.totals.g).toBe(3);
  expect(result.sectionG.rows.map((r) => [r.ente, r.g])).toEqual([['Comune di Crema', 3]]);
});

test('a count merged over three rows counts once (not once per row, not a unit per blank)', async () => {
  const result = await unitsSheet((u) => {
    u.addRow([null, null, 'Comune di Crema', 'Crema', 'Libero', 'SAP', 3]);
    u.addRow([null, null, 'Comune di Crema', 'Crema', 'Libero', 'SAP', null]);
    u.addRow([null, null, 'Comune di Crema', 'Crema', 'Libero', 'SAP', null]);
    u.mergeCells('G2:G4');
  });
  expect(result.report.totals.g).toBe(3);
});
