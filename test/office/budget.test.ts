/**
 * The writer's size estimates against what Office.js really sends: each estimate must never be under
 * the request Office.js serializes for that command (else a batch could pass 5 MB), nor so far over
 * it that ordinary plans pay needless syncs.
 */
import { gridBytes, jsonBytes } from '../../src/office/budget';
import { CF_BYTES, addressChunks, packCells } from '../../src/office/highlights';
import { DELETE_BYTES, NOTE_BYTES, SHEET_BYTES_PER_ITEM, STYLE_BYTES } from '../../src/office/write';
import { fakeHost } from '../support/fake-excel/host';
import { WorkbookData } from '../support/fake-excel/model';

/** Bytes of the request that carries `queue`, minus the same request without it. */
async function measure(queue: (ctx: Excel.RequestContext, ws: Excel.Worksheet) => void, setup?: (ctx: Excel.RequestContext) => Promise<void>): Promise<number> {
  const data = WorkbookData.fromRows({ Unita: [['a']], Anomalie: [['b']], 'Unità 2027': [['c']] });
  const host = fakeHost(data);
  const sizes: number[] = [];
  for (const withCommand of [false, true]) {
    // Office.js releases the previous run's objects in a request of its own: let it pass first.
    do await new Promise((r) => setTimeout(r, 0));
    while (host.server.inflight > 0);
    await host.excel.run(async (ctx) => {
      if (setup) await setup(ctx);
      const ws = ctx.workbook.worksheets.getItem('Unita');
      ws.getRange('A1').format.font.bold = true; // the same small base in both requests
      if (withCommand) queue(ctx, ws);
      const from = host.server.log.length;
      await ctx.sync();
      sizes.push(host.server.log[host.server.log.length - 1]!.bytes);
      expect(host.server.log.length).toBe(from + 1);
    });
  }
  return sizes[1]! - sizes[0]!;
}

function rows(n: number, cols: number, text: string): (string | number | null)[][] {
  return Array.from({ length: n }, (_, r) => Array.from({ length: cols }, (_, c) => (c === 0 ? r : `${text} ${r}-${c}`)));
}

describe.each([
  ['a small grid', rows(20, 8, 'Comune di Pozzaglio ed Uniti')],
  ['a large grid (chunked by Office.js)', rows(5_000, 8, 'Sezione e: 1 unità')],
  ['a column of Esito texts', rows(20_000, 1, 'Sezione b: 1 unità (comune letto come Vaiano Cremasco)')],
  ['accented text', rows(2_000, 4, 'Unità già libere, città è più')],
])('%s', (_name, grid) => {
  test('gridBytes is at least what Office.js sends, and within 30% of it', async () => {
    const actual = await measure((_ctx, ws) => {
      ws.getRangeByIndexes(0, 0, grid.length, grid[0]!.length).values = grid as (string | number)[][];
    });
    expect(gridBytes(grid)).toBeGreaterThanOrEqual(actual);
    expect(gridBytes(grid)).toBeLessThanOrEqual(actual * 1.3);
  });
});

test('a conditional format over a chunk of addresses', async () => {
  const cells = Array.from({ length: 600 }, (_, i) => ({ row: 1 + i * 2, col: 2 }));
  const [chunk] = addressChunks(packCells(cells));
  const actual = await measure((_ctx, ws) => {
    const cf = ws.getRanges(chunk!).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
    cf.custom.rule.formula = '=N("Piano Offerta: avviso")=0';
    cf.custom.format.fill.color = '#FFEB9C';
  });
  expect(CF_BYTES + chunk!.length * 2).toBeGreaterThanOrEqual(actual);
  expect(CF_BYTES + chunk!.length * 2).toBeLessThanOrEqual(actual * 2);
});

test('a note, a style, a deletion', async () => {
  const text = 'Piano Offerta\nErrore VALUE_NOT_NUMBER: «2 + 1 da turn over» non è un numero. Suggerimento: scrivere 3';
  const note = await measure((ctx) => ctx.workbook.notes.add("'Unità 2027'!E4", text));
  expect(NOTE_BYTES + jsonBytes(text)).toBeGreaterThanOrEqual(note);
  const style = await measure((_ctx, ws) => {
    const f = ws.getRangeByIndexes(1000, 2, 40, 6).format;
    f.font.bold = true;
    f.font.size = 14;
    f.font.color = '#FFFFFF';
    f.fill.color = '#2F5496';
    f.wrapText = true;
  });
  expect(STYLE_BYTES).toBeGreaterThanOrEqual(style);
  let items: Excel.ConditionalFormat[] = [];
  const deletion = await measure(
    () => items[0]!.delete(),
    async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem('Unita').getRange().conditionalFormats;
      cfs.add('Custom' as Excel.ConditionalFormatType).custom.rule.formula = '=N("Piano Offerta: errore")=0';
      cfs.load('items/type');
      await ctx.sync();
      items = cfs.items;
    },
  );
  expect(DELETE_BYTES).toBeGreaterThanOrEqual(deletion);
  // Not wildly over either.
  expect([NOTE_BYTES + jsonBytes(text) <= note * 2, STYLE_BYTES <= style * 2, DELETE_BYTES <= deletion * 3]).toEqual([true, true, true]);
});

test('an output sheet\'s page break, and a paragraph merged with its height, within their estimate', async () => {
  const pageBreak = await measure((_ctx, ws) => ws.horizontalPageBreaks.add(ws.getRangeByIndexes(1234, 0, 1, 1)));
  // Two items each (the range and the break), as queueOutputSheet counts them.
  expect(2 * SHEET_BYTES_PER_ITEM).toBeGreaterThanOrEqual(pageBreak);
  const merge = await measure((_ctx, ws) => {
    const range = ws.getRangeByIndexes(1234, 1, 1, 9);
    range.merge(false);
    range.format.wrapText = true;
    range.format.rowHeight = 48;
  });
  expect(2 * SHEET_BYTES_PER_ITEM).toBeGreaterThanOrEqual(merge);
  expect([2 * SHEET_BYTES_PER_ITEM <= pageBreak * 3, 2 * SHEET_BYTES_PER_ITEM <= merge * 3]).toEqual([true, true]);
});
