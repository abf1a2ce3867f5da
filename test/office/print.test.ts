/**
 * The output sheets print for the Assemblea: A4 landscape, one page wide, title and table header on
 * every page, page numbers, one named font, wrapped texts with rows fitted by Excel. Below ExcelApi 1.9
 * (no Worksheet.pageLayout) the sheets are written all the same, without the print settings.
 */
import { EXCEL_VERSIONS } from '../support/fake-excel/office-js';
import { fakeHost } from '../support/fake-excel/host';
import { planWorkbook, noProgress } from './support';

const OUTPUTS = ['Sezione g', 'Anomalie', 'Riepilogo'];

test('Microsoft 365: every output sheet prints landscape, one page wide, titles repeated, «Pagina n di N»', async () => {
  const data = planWorkbook();
  await fakeHost(data, { excelApi: EXCEL_VERSIONS.microsoft365 }).service.checkAndApply(noProgress);
  for (const name of OUTPUTS) {
    const s = data.sheet(name)!;
    expect({ name, layout: s.pageLayout }).toEqual({
      name,
      layout: expect.objectContaining({
        orientation: 'Landscape',
        paperSize: 'A4',
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        printTitleRows: name === 'Riepilogo' ? '$1:$2' : '$1:$4',
        centerFooter: 'Pagina &P di &N',
      }),
    });
    // Rows fitted to their wrapped text over the whole written range, and one named font everywhere.
    expect(s.autofitRows).toHaveLength(1);
    const fonts = new Set([...s.cells.values()].map((c) => c.font?.name));
    expect(fonts).toEqual(new Set(['Calibri']));
  }
  // The messages of Anomalie wrap instead of running into the next column.
  const anomalie = data.sheet('Anomalie')!;
  const message = [...anomalie.cells.entries()].find(([, c]) => typeof c.value === 'string' && c.value.startsWith('Comune di Crema dichiara'));
  expect(message?.[1].wrapText).toBe(true);
});

test('Office 2019 (ExcelApi 1.7): the sheets are written, no print setting is attempted', async () => {
  const data = planWorkbook();
  const host = fakeHost(data, { excelApi: EXCEL_VERSIONS.office2019 });
  const outcome = await host.service.checkAndApply(noProgress);
  expect(outcome.sheets).toEqual(OUTPUTS);
  for (const name of OUTPUTS) expect(data.sheet(name)!.pageLayout).toEqual({});
});
