/**
 * The output sheets' layout for print, as the core decides it: how many lines a text takes in a
 * column, rows as tall as their wrapped text, tables that go on over several pages under their own
 * header, captions and totals never alone at a page's edge, texts never cut by the next cell.
 */
import { MAX_PAGE_UNITS, OutSheet, SheetBuilder, linesOf, printScaleOf, textPoints, textRoom } from '../../src/core/output/sheet-builder';

const WIDTHS = [40, 12, 12, 12];

/** The rows of each printed page (zero-based row numbers), the repeated rows left out. */
function pages(sheet: OutSheet): number[][] {
  const first = sheet.print.titleRows[1] + 1;
  const cuts = [first, ...sheet.print.breaks, sheet.rows.length];
  return cuts.slice(0, -1).map((start, i) => Array.from({ length: cuts[i + 1]! - start }, (_, k) => start + k));
}

const textAt = (sheet: OutSheet, r: number, c = 0) => String(sheet.rows[r]?.[c]?.v ?? '');

describe('lines of a text in a column', () => {
  test('a short text takes one line; a long one as many as its words need, never fewer than its width says', () => {
    expect(linesOf('Crema', 12)).toBe(1);
    const message = 'Comune di Pozzaglio ed Uniti («COMUNE DI POZZAGLIO UNITI») dichiara 2 unità assegnabili, ma dalle righe del foglio «Unita» ne risultano 3.';
    const lines = linesOf(message, 41);
    expect(lines).toBeGreaterThanOrEqual(Math.ceil(textPoints(message) / textRoom(41)));
    expect(lines).toBeLessThanOrEqual(Math.ceil(textPoints(message) / textRoom(41)) + 1);
    // Bold is wider: a header that just fits in regular may take a line more.
    expect(textPoints('Comunicazione ricevuta', true)).toBeGreaterThan(textPoints('Comunicazione ricevuta'));
    // A line break in the text is a line.
    expect(linesOf('a\nb', 20)).toBe(2);
  });

  test('a word wider than its column is cut where it reaches the edge: counted as more lines', () => {
    expect(linesOf('Ristrutturazione', 10, true)).toBeGreaterThan(1);
  });
});

describe('rows, wrapping and pages', () => {
  test('a header of three lines gets a row three lines tall; a data row that wraps, the lines it takes', () => {
    const s = new SheetBuilder('Prova', WIDTHS, [0]);
    s.title('Titolo');
    s.subtitle('Sottotitolo');
    s.table('T', ['Nome', 'Soglia indigenti oltre il 20% (h)', 'Unità', 'Altro'], [['Comune di Corte de\' Cortesi con Cignone e di un altro nome ancora più lungo', 1, 2, 3]]);
    const sheet = s.build();
    const header = sheet.tables[0]!.headerRow;
    const headerLines = linesOf('Soglia indigenti oltre il 20% (h)', 12, true);
    expect(headerLines).toBeGreaterThanOrEqual(3);
    expect(sheet.heights.get(header)).toBeGreaterThanOrEqual(headerLines * 15);
    const lines = linesOf(textAt(sheet, header + 1), 40);
    expect(lines).toBe(2);
    expect(sheet.heights.get(header + 1)).toBeGreaterThanOrEqual(lines * 15);
  });

  test('a text wider than its column wraps when the next cell would cut it, and runs on when the next cell is empty', () => {
    const s = new SheetBuilder('Prova', [10, 10, 10]);
    s.row(['E1728 · 133 di 466', 'Assegnato']);
    s.row(['Una nota che scorre a destra']);
    const sheet = s.build();
    const wrapped = (r: number, c: number) => sheet.wrapAreas.some((a) => a.c === c && r >= a.r0 && r <= a.r1);
    expect(wrapped(0, 0)).toBe(true);
    expect(sheet.heights.get(0)).toBeGreaterThanOrEqual(2 * 15);
    expect(wrapped(1, 0)).toBe(false);
  });

  test('a title wider than the page wraps across it instead of running off the edge', () => {
    const s = new SheetBuilder('Prova', [10, 10]);
    s.title('Un titolo molto più lungo della pagina, che altrimenti sarebbe tagliato al bordo del foglio stampato');
    const sheet = s.build();
    expect(sheet.merges).toEqual([{ r: 0, c0: 0, c1: 1 }]);
    expect(sheet.heights.get(0)).toBeGreaterThan(2 * 18);
  });

  test('a long table goes on page after page, each part under its own header, the last with at least three rows and the total', () => {
    const s = new SheetBuilder('Prova', WIDTHS, [0]);
    s.title('Titolo');
    s.subtitle('Sottotitolo');
    s.blank();
    s.subtitle('Per ente');
    const rows = Array.from({ length: 100 }, (_, i) => [`Ente ${i + 1}`, i, i, i]);
    const parts = s.pagedTable('Enti', ['Ente', 'A', 'B', 'C'], rows, { total: ['Totale', 1, 2, 3] });
    const sheet = s.build();
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.map((t) => t.name)).toEqual(parts.map((_, i) => (i === 0 ? 'Enti' : `Enti${i + 1}`)));
    // Every row of the table is on a page that shows the table's header.
    const headers = new Set(parts.map((t) => t.headerRow));
    for (const page of pages(sheet)) {
      const data = page.filter((r) => parts.some((t) => r > t.headerRow && r <= t.lastRow));
      if (data.length) expect(page.some((r) => headers.has(r))).toBe(true);
    }
    expect(parts.slice(1).map((t) => textAt(sheet, t.headerRow))).toEqual(parts.slice(1).map(() => 'Ente (segue)'));
    const last = parts[parts.length - 1]!;
    expect(last.lastRow - last.headerRow).toBeGreaterThanOrEqual(3);
    expect(textAt(sheet, last.lastRow + 1)).toBe('Totale');
    // The caption went with the first part.
    expect(textAt(sheet, parts[0]!.headerRow - 1)).toBe('Per ente');
  });

  test('a table that does not fit at the foot of a page starts on the next one, its caption with it', () => {
    const s = new SheetBuilder('Prova', WIDTHS, [0]);
    s.title('Titolo');
    s.subtitle('Sottotitolo');
    for (let i = 0; i < 27; i++) s.pair(`Voce ${i}`, i);
    s.subtitle('Tabella');
    s.table('T', ['Nome', 'A', 'B', 'C'], [['a', 1, 2, 3], ['b', 1, 2, 3], ['c', 1, 2, 3]]);
    const sheet = s.build();
    const caption = sheet.rows.findIndex((r) => r[0]?.v === 'Tabella');
    expect(sheet.print.breaks).toContain(caption);
  });

  test('a page never ends on a caption, nor begins with a total alone', () => {
    const s = new SheetBuilder('Prova', WIDTHS, [0]);
    s.title('Titolo');
    s.subtitle('Sottotitolo');
    s.freeze(2);
    for (let k = 0; k < 6; k++) {
      s.subtitle(`Parte ${k}`);
      for (let i = 0; i < 9; i++) s.pair(`Voce ${i}`, i);
      s.totalRow(['Totale', 9]);
    }
    s.subtitle('Tabella finale');
    s.table('T', ['Nome', 'A', 'B', 'C'], [['a', 1, 2, 3]]);
    const sheet = s.build();
    expect(sheet.print.breaks.length).toBeGreaterThan(1);
    for (const page of pages(sheet)) {
      expect(sheet.rows[page[page.length - 1]!]?.[0]?.style).not.toBe('subtitle');
      expect(sheet.rows[page[0]!]?.[0]?.style).not.toBe('total');
    }
  });

  test('the pages before a table that follows another are the estimate\'s, none fuller than a page holds at the scale Excel prints it', () => {
    const s = new SheetBuilder('Prova', WIDTHS, [0]);
    s.title('Titolo');
    s.subtitle('Sottotitolo');
    s.freeze(2);
    const rows = Array.from({ length: 300 }, (_, i) => [i % 7 ? `Riga ${i}` : 'Una riga con un nome così lungo da andare a capo nella prima colonna', i, i, i]);
    s.table('T', ['Nome', 'A', 'B', 'C'], rows);
    s.subtitle('Seconda tabella');
    const second = s.table('U', ['Nome', 'A', 'B', 'C'], rows.slice(0, 5))!;
    const sheet = s.build();
    expect(sheet.print.breaks.length).toBeGreaterThan(5);
    const printable = (595.28 - 72 * 1.2) / printScaleOf(WIDTHS, 'excel');
    const height = (r: number) => sheet.heights.get(r) ?? 15;
    const band = height(0) + height(1);
    for (const page of pages(sheet)) expect(page.reduce((n, r) => n + height(r), 0) + band).toBeLessThanOrEqual(printable);
    // The second table, short, is on one page with its caption.
    const pageOf = (r: number) => sheet.print.breaks.filter((b) => b <= r).length;
    expect(pageOf(second.headerRow - 1)).toBe(pageOf(second.lastRow));
  });

  test('a sheet of one long table leaves its pages to Excel and LibreOffice: no manual break, the header repeated as print titles', () => {
    const s = new SheetBuilder('Prova', WIDTHS, [0]);
    s.title('Titolo');
    s.subtitle('Sottotitolo');
    s.blank();
    s.table('T', ['Nome', 'A', 'B', 'C'], Array.from({ length: 3000 }, (_, i) => [`Riga ${i}`, i, i, i]));
    s.freeze(4);
    const sheet = s.build();
    expect(sheet.print.breaks).toEqual([]);
    expect(sheet.print.titleRows).toEqual([0, 3]);
  });

  test('columns for the screen only stay off the page: the scale and the page\'s edge are the printed columns\'', () => {
    const s = new SheetBuilder('Prova', [100, 40, 30], [], { printedColumns: 2 });
    s.title('Un titolo');
    s.row(['a', 'un testo più largo della sua colonna, che al bordo della pagina sarebbe tagliato', 'DETTAGLIO']);
    const sheet = s.build();
    expect(sheet.print.columns).toBe(2);
    expect(sheet.print.scale).toBe(printScaleOf([100, 40]));
    expect(sheet.wrapAreas).toContainEqual({ c: 1, r0: 1, r1: 1 });
  });

  test('widths within the page at 85% in LibreOffice, the narrower of the two renderers', () => {
    expect(printScaleOf([MAX_PAGE_UNITS])).toBeGreaterThanOrEqual(0.85);
    expect(printScaleOf([MAX_PAGE_UNITS + 2])).toBeLessThan(0.85);
    expect(printScaleOf([100], 'excel')).toBe(1);
  });
});
