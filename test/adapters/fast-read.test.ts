/**
 * The fast reader gives exactly the snapshot exceljs gives, on the four plans, the bundled example and
 * a workbook full of what people type (formats, dates, percentages, errors, rich text, formulas,
 * entities, blank and styled cells); what it cannot read it hands to exceljs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadWorkbook, readSnapshotForCheck, snapshotOfWorkbook } from '../../src/adapters/xlsx/read';
import { NotFastReadable, readSnapshotFast } from '../../src/adapters/xlsx/fast-read';
import { PLANS, planXlsx } from '../support/workbooks';

const dir = mkdtempSync(join(tmpdir(), 'piano-fast-'));

async function bothReaders(buf: Buffer) {
  return { fast: readSnapshotFast(buf), exceljs: snapshotOfWorkbook(await loadWorkbook(buf)) };
}

test.each(PLANS)('%s: same snapshot as exceljs', async (plan) => {
  const { fast, exceljs } = await bothReaders(await planXlsx(plan));
  expect(fast).toEqual(exceljs);
});

test('the bundled example (written to a file by exceljs): same snapshot', async () => {
  const { fast, exceljs } = await bothReaders(readFileSync(join(__dirname, '..', '..', 'esempi', 'piano-cremona-2023.xlsx')));
  expect(fast).toEqual(exceljs);
});

test('what people type: formats, dates, errors, rich text, formulas, entities, styled blanks', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Comuni & "enti" <prova>');
  ws.getCell('B3').value = 'Sì';
  ws.getCell('C3').value = 0.1;
  ws.getCell('C3').numFmt = '0%';
  ws.getCell('D3').value = new Date(Date.UTC(2021, 2, 8));
  ws.getCell('D3').numFmt = 'dd/mm/yyyy';
  ws.getCell('E3').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  ws.getCell('F3').value = { richText: [{ text: 'Pieve ' }, { text: "d'Olmi", font: { bold: true } }] };
  ws.getCell('G3').value = { formula: 'B3&"!"', result: 'Sì!' };
  ws.getCell('H3').value = { formula: '1+1', result: 2 };
  ws.getCell('I3').value = '=HYPERLINK("x") & <b>';
  ws.getCell('J3').value = true;
  ws.getCell('K3').value = 1.028;
  ws.getCell('L3').value = { text: 'sito', hyperlink: 'https://esempio.it' };
  ws.getCell('M9').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
  ws.getCell('A12').value = '  spazi  ';
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const { fast, exceljs } = await bothReaders(buf);
  expect(fast).toEqual(exceljs);
  expect(fast.sheets[0]!.values[2]!.slice(1, 12)).toEqual(['Sì', 0.1, 44263, '#N/A', "Pieve d'Olmi", 'Sì!', 2, '=HYPERLINK("x") & <b>', true, 1.028, 'sito']);
});

test('a file it cannot read is handed over (the check then uses exceljs)', async () => {
  expect(() => readSnapshotFast(Buffer.from('Ente,Comune\nALER,Crema\n'))).toThrow(NotFastReadable);
  const file = join(dir, 'piano.xlsx');
  writeFileSync(file, await planXlsx('crema-2019'));
  const viaCheck = await readSnapshotForCheck(file);
  expect(viaCheck).toEqual(snapshotOfWorkbook(await loadWorkbook(file)));
});
