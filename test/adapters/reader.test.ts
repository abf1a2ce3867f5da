/**
 * Our reader against exceljs's (an independent reader) on the four plans, the bundled example and a
 * workbook full of what people type: the same values and formats in every cell. The snapshot stores
 * cells as present (rows end at their last cell), exceljs's a rectangle: compared cell by cell.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadWorkbook, snapshotOfWorkbook } from '../support/exceljs';
import { readXlsx } from '../../src/adapters/xlsx/reader';
import { readXlsxBytes } from '../../src/adapters/xlsx/reader/node';
import { WorkbookSnapshot } from '../../src/core/snapshot';
import { PLANS, planXlsx } from '../support/workbooks';

/** Every non-empty cell as "Sheet!r,c" → [value, format]. */
function cells(s: WorkbookSnapshot): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const sh of s.sheets) {
    out.set(sh.name, '(sheet)');
    sh.values.forEach((row, r) => row.forEach((v, c) => {
      if (v !== null && v !== undefined) out.set(`${sh.name}!${r},${c}`, [v, sh.formats?.[r]?.[c] ?? null]);
    }));
  }
  return out;
}

async function bothReaders(buf: Buffer) {
  const u8 = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  return { ours: readXlsx(u8, 'x.xlsx'), native: readXlsxBytes(u8, 'x.xlsx'), exceljs: snapshotOfWorkbook(await loadWorkbook(buf)) };
}

test.each(PLANS)('%s: the same cells as exceljs reads', async (plan) => {
  const { ours, native, exceljs } = await bothReaders(await planXlsx(plan));
  expect(cells(ours)).toEqual(cells(exceljs));
  expect(native).toEqual(ours);
});

test('the bundled example: the same cells as exceljs reads', async () => {
  const { ours, exceljs } = await bothReaders(readFileSync(join(__dirname, '..', '..', 'esempi', 'piano-cremona-2023.xlsx')));
  expect(cells(ours)).toEqual(cells(exceljs));
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
  const { ours, exceljs } = await bothReaders(Buffer.from(await wb.xlsx.writeBuffer()));
  expect(cells(ours)).toEqual(cells(exceljs));
  expect(ours.sheets[0]!.name).toBe('Comuni & "enti" <prova>');
  expect(ours.sheets[0]!.values[2]!.slice(1, 12)).toEqual(['Sì', 0.1, 44263, '#N/A', "Pieve d'Olmi", 'Sì!', 2, '=HYPERLINK("x") & <b>', true, 1.028, 'sito']);
  // A styled cell with no value is no cell, and row 9 has nothing else.
  expect(ours.sheets[0]!.values[8]).toEqual([]);
});
