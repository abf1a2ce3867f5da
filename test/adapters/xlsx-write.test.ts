/**
 * The .xlsx writer applies a sheet's print layout as the core laid it out, read back from the file:
 * the manual page breaks before the rows the core chose, paragraphs merged across the printed columns,
 * and a print area when detail columns stay off the page.
 */
import ExcelJS from 'exceljs';
import { annotatedCopy } from '../../src/adapters/xlsx/annotate';
import { SheetBuilder } from '../../src/core/output/sheet-builder';
import { rowBreaks, sheetXmlByName } from '../support/xlsx-parts';
import { readForCopy, row, sheetXml, workbookParts, zip } from '../support/xlsx-package';

async function written(build: (s: SheetBuilder) => void, widths: number[], printedColumns?: number) {
  const s = new SheetBuilder('Riepilogo', widths, [0], printedColumns ? { printedColumns } : {});
  build(s);
  const sheet = s.build();
  const original = zip(workbookParts([{ name: 'Unita', xml: sheetXml(row(1, ['ID'])) }]));
  const buf = Buffer.from((await annotatedCopy(readForCopy(original), { sheets: [sheet], annotations: [], columns: [] }, { firstCell: () => 'ID' })).bytes);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return { sheet, ws: back.getWorksheet('Riepilogo')!, breaks: rowBreaks(sheetXmlByName(buf).get('Riepilogo') ?? '') };
}

test('the manual page breaks in the file are the core\'s, each before the row it starts a page with', async () => {
  const { sheet, ws, breaks } = await written((s) => {
    s.title('Titolo');
    s.subtitle('Sottotitolo');
    s.subtitle('Per ente');
    s.pagedTable('Enti', ['Ente', 'A'], Array.from({ length: 90 }, (_, i) => [`Ente ${i}`, i]), { total: ['Totale', 1] });
  }, [40, 12]);
  expect(sheet.print.breaks.length).toBeGreaterThan(1);
  expect(breaks).toEqual(sheet.print.breaks);
  for (const r of breaks) expect(ws.getCell(r + 1, 1).value).toBe('Ente (segue)');
});

test('a paragraph is merged across the printed columns, wrapped, as tall as computed; detail columns off the print area', async () => {
  const text = 'Soggetti beneficiari di progetti di protezione sociale a seguito di condizione accertata emergenza abitativa e che siano inseriti in alloggi temporanei non afferenti ai SAT.';
  const { sheet, ws } = await written((s) => {
    s.title('Titolo');
    s.subtitle('Sottotitolo');
    s.paragraph('Cremona', text);
    s.row(['Voce', 1, 'dettaglio']);
  }, [20, 30, 25, 15], 3);
  const cell = ws.getCell(3, 2);
  expect(cell.value).toBe(text);
  expect(cell.isMerged).toBe(true);
  expect(ws.getCell(3, 3).master.address).toBe('B3');
  expect(ws.getCell(3, 4).isMerged).toBe(false);
  expect(cell.alignment?.wrapText).toBe(true);
  expect(ws.getRow(3).height).toBe(sheet.heights.get(2));
  expect(ws.getRow(3).height).toBeGreaterThanOrEqual(2 * 15);
  expect(ws.pageSetup.printArea).toBe('A1:C4');
});
