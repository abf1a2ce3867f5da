/**
 * The annotated copy's output sheets print for the Assemblea (read back from the .xlsx, as Excel or
 * LibreOffice will): A4 landscape one page wide, title rows repeated, page numbers; a named font on
 * every written cell; counts with the thousands separator; rows tall enough for their wrapped text;
 * a total under every table of figures.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { linesOf } from '../../src/core/output/sheet-builder';
import { runCli } from '../support/run-cli';
import { planXlsx } from '../support/workbooks';

const dir = mkdtempSync(join(tmpdir(), 'piano-print-'));
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  const input = join(dir, 'cremona.xlsx');
  writeFileSync(input, await planXlsx('cremona-2023'));
  const out = join(dir, 'cremona-annotato.xlsx');
  await runCli(['check', input, '--out', out, '--quiet']);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
});

const OUTPUTS = ['Sezione g', 'Anomalie', 'Riepilogo'];
/** Printable width of A4 landscape with 1 cm margins, in Excel column units (about 7 px each), at 85%. */
const MAX_UNITS_AT_85 = ((277 - 20) / 25.4) * 96 / 0.85 / 7;

test.each(OUTPUTS)('%s: A4 landscape, one page wide at 85%% or more, titles repeated, page numbers', (name) => {
  const ws = wb.getWorksheet(name)!;
  expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  expect(ws.pageSetup.printTitlesRow).toBe(name === 'Riepilogo' ? '1:2' : '1:4');
  expect(ws.headerFooter.oddFooter).toBe('&CPagina &P di &N');
  const used = ws.columns.reduce((n, c) => n + (c.width ?? 9), 0);
  expect(used).toBeLessThanOrEqual(MAX_UNITS_AT_85);
});

test.each(OUTPUTS)('%s: every written cell has a named font, every whole number the thousands separator', (name) => {
  const ws = wb.getWorksheet(name)!;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      expect({ at: cell.address, font: cell.font?.name }).toEqual({ at: cell.address, font: 'Calibri' });
      if (typeof cell.value === 'number' && Number.isInteger(cell.value) && cell.value > 1900 && cell.value < 2100 && String(ws.getCell(cell.row, 1).value).startsWith('Anno')) return;
      if (typeof cell.value === 'number') expect({ at: cell.address, fmt: cell.numFmt }).toEqual({ at: cell.address, fmt: '#,##0' });
    }),
  );
});

test('Anomalie: the messages wrap, and each row is tall enough for its lines', () => {
  const ws = wb.getWorksheet('Anomalie')!;
  const width = ws.getColumn(6).width!;
  let checked = 0;
  ws.eachRow((row, r) => {
    if (r <= 4) return;
    const text = String(row.getCell(6).value ?? '');
    expect(row.getCell(6).alignment?.wrapText).toBe(true);
    const lines = linesOf(text, width);
    if (lines > 1) {
      expect({ r, height: row.height }).toEqual({ r, height: expect.any(Number) });
      expect(row.height).toBeGreaterThanOrEqual(lines * 14);
      checked++;
    }
  });
  expect(checked).toBeGreaterThan(10);
  // A three-line header is not cut to two.
  const header = ws.getRow(4);
  expect(header.height).toBeGreaterThanOrEqual(15);
});

test('Riepilogo: the per-owner table and the comuni table end with a Totale row; the year has no separator', () => {
  const ws = wb.getWorksheet('Riepilogo')!;
  const labels: string[] = [];
  for (let r = 1; r <= ws.rowCount; r++) labels.push(String(ws.getCell(r, 1).value ?? ''));
  expect(labels.filter((l) => /^Totale \(\d+ enti\)$/.test(l))).toHaveLength(1);
  expect(labels.filter((l) => /^Totale: comuni con la scelta, su \d+$/.test(l))).toHaveLength(1);
  const anno = labels.indexOf('Anno di riferimento') + 1;
  expect(ws.getCell(anno, 2).numFmt).toBe('0');
  const totalRow = labels.findIndex((l) => /enti\)$/.test(l)) + 1;
  // g of the per-owner total is the plan's g.
  expect(ws.getCell(totalRow, 4).value).toBe(262);
});

test('Anomalie: every cell is a link inside the workbook (a HYPERLINK formula), never a link to another file', async () => {
  const ws = wb.getWorksheet('Anomalie')!;
  let links = 0;
  ws.eachRow((row, r) => {
    if (r <= 4) return;
    const v = row.getCell(4).value as ExcelJS.CellFormulaValue | null;
    if (!v || typeof v !== 'object') return;
    expect(v.formula).toMatch(/^HYPERLINK\("#(?:'[^']+'|[A-Za-z]+)![A-Z]+\d+","[^"]+"\)$/);
    expect(String(v.result)).toBe(v.formula.match(/,"([^"]+)"\)$/)![1]);
    links++;
  });
  expect(links).toBeGreaterThan(80);
  // No hyperlink relationship: exceljs reads none back.
  ws.eachRow((row) => row.eachCell((cell) => expect(cell.hyperlink).toBeUndefined()));
  const g27 = [] as string[];
  ws.eachRow((row) => {
    const v = row.getCell(4).value as ExcelJS.CellFormulaValue | null;
    if (v && typeof v === 'object' && v.formula?.includes('#Enti!G27')) g27.push(v.formula);
  });
  expect(g27).toEqual(['HYPERLINK("#Enti!G27","G27")']);
});
