/**
 * The output sheets print for the Assemblea from Excel too: A4 landscape, one page wide, title and
 * table header on every page, «Pagina n di N», the pages where the core laid them out (manual breaks),
 * one named font, wrapped texts with rows fitted by Excel and paragraphs merged across the page with
 * their computed height, column widths in points as wide as the copy's. Below ExcelApi 1.9 (no
 * Worksheet.pageLayout, no page breaks) the sheets are written all the same, without the print settings.
 */
import { check } from '../../src/core/engine';
import { OutSheet } from '../../src/core/output/sheet-builder';
import { EXCEL_VERSIONS } from '../support/fake-excel/office-js';
import { fakeHost, workbookFromSnapshot } from '../support/fake-excel/host';
import { areaAddress } from '../support/fake-excel/model';
import { planSnapshot } from '../support/workbooks';
import { planWorkbook, noProgress } from './support';

const OUTPUTS = ['Sezione g', 'Anomalie', 'Riepilogo'];

/** The example plan (38 owners, 48 comuni, additional categories): the Riepilogo runs over several pages. */
async function checkedExample(excelApi: number) {
  const snapshot = planSnapshot('cremona-2023');
  const plan = new Map(check(snapshot).writePlan.sheets.map((s): [string, OutSheet] => [s.name, s]));
  const data = workbookFromSnapshot(snapshot);
  await fakeHost(data, { excelApi }).service.checkAndApply(noProgress);
  return { data, plan };
}

test('Microsoft 365: every output sheet prints landscape, one page wide, titles repeated, «Pagina n di N», margins', async () => {
  const data = planWorkbook();
  await fakeHost(data, { excelApi: EXCEL_VERSIONS.microsoft365 }).service.checkAndApply(noProgress);
  for (const name of OUTPUTS) {
    const s = data.sheet(name)!;
    expect({ name, layout: s.pageLayout }).toEqual({
      name,
      layout: {
        orientation: 'Landscape',
        paperSize: 'A4',
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        // Points: the copy's 0.4" and 0.6".
        leftMargin: 28.8, rightMargin: 28.8, topMargin: 43.2, bottomMargin: 43.2, headerMargin: 21.6, footerMargin: 21.6,
        printTitleRows: name === 'Riepilogo' ? '$1:$2' : '$1:$4',
        centerFooter: 'Pagina &P di &N',
      },
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

test('Microsoft 365: the pages are the ones the core laid out, the Riepilogo\'s paragraphs merged with their height, widths as the copy\'s', async () => {
  const { data, plan } = await checkedExample(EXCEL_VERSIONS.microsoft365);
  for (const name of OUTPUTS) {
    const s = data.sheet(name)!;
    const out = plan.get(name)!;
    expect({ name, breaks: s.pageBreaks }).toEqual({ name, breaks: out.print.breaks });
    // A unit of the plan's widths is 7 px of Calibri 11: 5.25 points in Office.js.
    expect([...s.columnWidths.entries()].sort((a, b) => a[0] - b[0])).toEqual(out.widths.map((w, c) => [c, w * 5.25]));
  }
  const riepilogo = data.sheet('Riepilogo')!;
  const out = plan.get('Riepilogo')!;
  expect(out.print.breaks.length).toBeGreaterThan(1);
  // Each page that the per-owner table goes on to starts with its header «(segue)».
  const continued = out.print.breaks.filter((r) => String(out.rows[r]?.[0]?.v ?? '').endsWith('(segue)'));
  expect(continued.length).toBeGreaterThan(0);
  expect(data.tables.filter((t) => /^RiepilogoEnti\d*$/.test(t.name))).toHaveLength(1 + continued.filter((r) => out.rows[r]?.[0]?.v === 'Ente proprietario (segue)').length);
  // Paragraphs across the page: merged, with the height the core computed (Excel's autofit leaves merged rows one line tall).
  expect(out.merges.length).toBeGreaterThan(3);
  expect(riepilogo.merges.map(areaAddress)).toEqual(out.merges.map((m) => areaAddress({ r0: m.r, r1: m.r, c0: m.c0, c1: m.c1 })));
  for (const m of out.merges) {
    expect(riepilogo.rowHeights.get(m.r)).toBe(out.heights.get(m.r));
    expect(riepilogo.cells.get(m.r * 16384 + m.c0)?.wrapText).toBe(true);
  }
});

test('Office 2019 (ExcelApi 1.7): the sheets are written, merged and fitted, no print setting or page break attempted', async () => {
  const { data, plan } = await checkedExample(EXCEL_VERSIONS.office2019);
  for (const name of OUTPUTS) {
    const s = data.sheet(name)!;
    expect(s.pageLayout).toEqual({});
    expect(s.pageBreaks).toEqual([]);
    expect(s.autofitRows).toHaveLength(1);
  }
  expect(data.sheet('Riepilogo')!.merges).toHaveLength(plan.get('Riepilogo')!.merges.length);
});
