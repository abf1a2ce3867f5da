/**
 * The annotated copy's output sheets print for the Assemblea, read back from the .xlsx as Excel or
 * LibreOffice will, for the bundled example and for a large plan (96 comuni, 97 owners, 2,400 units):
 * A4 landscape one page wide at 85% or more, the title and table header on every page, page numbers;
 * a named font on every written cell; counts with the thousands separator; rows tall enough for their
 * wrapped text, no text cut by the next cell, header words whole; a total under every table; the
 * counts of Riepilogo that explain themselves.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { linesOf, textPoints, textRoom } from '../../src/core/output/sheet-builder';
import { comuniAttivi } from '../../src/core/reference/comuni';
import { runCli } from '../support/run-cli';
import { planXlsx, workbookFromRows } from '../support/workbooks';
import { rowBreaks, sheetXmlByName } from '../support/xlsx-parts';

const dir = mkdtempSync(join(tmpdir(), 'piano-print-'));

/**
 * A large plan as an ambito of two provinces would send it: 96 comuni in the Comuni sheet and units in
 * 4 more, ALER and 96 comuni as owners, 2,400 units, long additional categories, some comuni silent.
 */
function largePlan(): Record<string, string[][]> {
  const names = comuniAttivi().filter((c) => c.provincia === 'CR' || c.provincia === 'MN').slice(0, 100).map((c) => c.nome);
  const listed = names.slice(0, 96);
  const category = 'Nuclei familiari con almeno un componente con disabilità grave certificata ai sensi della legge 104/1992, residenti nel comune da almeno cinque anni';
  const states = ['Carenza manutentiva', 'Ristrutturazione', 'Libero', 'Turnover', 'Nuova edificazione', 'Assegnato'];
  let seed = 11;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const units: string[][] = [['ID unità', 'Ente proprietario', 'Comune', 'Stato', 'Numero unità']];
  for (let i = 0; i < 2400; i++) {
    const comune = names[Math.floor(rand() * names.length)]!;
    units.push([String(3_000_000 + i), rand() < 0.6 ? 'ALER Brescia-Cremona-Mantova' : `Comune di ${comune}`, comune, states[Math.floor(rand() * states.length)]!, '']);
  }
  return {
    Ambito: [['Campo', 'Valore'], ['Ambito territoriale', 'Ambito di prova Cremona e Mantova'], ['Comune capofila', names[0]!], ['Anno di riferimento', '2027']],
    Comuni: [
      ['Comune', 'Soglia indigenti oltre il 20%', 'Categoria aggiuntiva', 'Motivazione categoria', '% Forze di Polizia e VVF', 'Comunicazione ricevuta'],
      ...listed.map((c, i) => [c, '', i % 9 === 0 ? category : '', i % 18 === 0 ? 'Delibera di Giunta n. 45 del 12/03/2026' : '', i % 5 === 0 ? '10' : '', i % 6 === 0 ? 'No' : 'Sì']),
    ],
    Enti: [
      ['Ente proprietario', 'Tipo ente', 'Totale unità', 'Unità SAP', 'Unità SAS', 'Unità altri usi'],
      ['ALER Brescia-Cremona-Mantova', 'ALER', '12000', '11000', '1000', '0'],
      ...listed.map((c, i) => [`Comune di ${c}`, 'Comune', String(45 + i), String(40 + i), '5', '0']),
    ],
    Unita: units,
    Assegnazioni: [['Ente proprietario', 'Unità assegnate'], ['ALER Brescia-Cremona-Mantova', '1500'], ...listed.slice(0, 40).map((c) => [`Comune di ${c}`, '3'])],
  };
}

interface Copy {
  wb: ExcelJS.Workbook;
  /** Zero-based rows each output sheet's manual page breaks come before. */
  breaks: Map<string, number[]>;
}
const copies: Record<'esempio' | 'grande', Copy> = {} as never;

async function annotated(name: string, input: Buffer): Promise<Copy> {
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, input);
  const out = join(dir, `${name}-annotato.xlsx`);
  await runCli(['check', file, '--out', out, '--quiet']);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const xml = sheetXmlByName(readFileSync(out));
  return { wb, breaks: new Map(OUTPUTS.map((s) => [s, rowBreaks(xml.get(s) ?? '')])) };
}

beforeAll(async () => {
  copies.esempio = await annotated('cremona', await planXlsx('cremona-2023'));
  copies.grande = await annotated('grande', Buffer.from(await workbookFromRows(largePlan()).xlsx.writeBuffer()));
}, 60_000);

const OUTPUTS = ['Sezione g', 'Anomalie', 'Riepilogo'];
const CASES = (['esempio', 'grande'] as const).flatMap((copy) => OUTPUTS.map((sheet) => [copy, sheet] as const));
/**
 * What A4 landscape holds across at 85%, in column units: 297 mm less 0.4" margins each side, a unit
 * printing as 5.58 points in LibreOffice (measured on its PDFs; Excel's 5.25 is narrower, its scale higher).
 */
const MAX_UNITS_AT_85 = (841.89 - 0.8 * 72) / 0.85 / 5.58;

const textOf = (cell: ExcelJS.Cell) => {
  const v = cell.value as unknown;
  if (v && typeof v === 'object' && 'result' in (v as object)) return String((v as { result: unknown }).result);
  return typeof v === 'string' ? v : '';
};
const widthOf = (ws: ExcelJS.Worksheet, c: number) => ws.getColumn(c).width ?? 9;
/** The merged range a cell starts, as its first and last columns; null when the cell is not merged. */
function mergedColumns(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): [number, number] | null {
  if (!cell.isMerged) return null;
  const ranges = (ws as unknown as { _merges: Record<string, { model: { left: number; right: number; top: number } }> })._merges;
  const m = ranges[cell.address];
  return m ? [m.model.left, m.model.right] : null;
}
const written = (copy: Copy, sheet: string, fn: (cell: ExcelJS.Cell, ws: ExcelJS.Worksheet) => void) => {
  const ws = copy.wb.getWorksheet(sheet)!;
  ws.eachRow((row) => row.eachCell((cell) => fn(cell, ws)));
};

test.each(CASES)('%s, %s: A4 landscape, one page wide at 85%% or more, title and header on every page, page numbers, margins', (copy, name) => {
  const ws = copies[copy].wb.getWorksheet(name)!;
  expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  expect(ws.pageSetup.margins).toEqual({ left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 });
  expect(ws.pageSetup.printTitlesRow).toBe(name === 'Riepilogo' ? '1:2' : '1:4');
  expect(ws.headerFooter.oddFooter).toBe('&CPagina &P di &N');
  const used = ws.columns.reduce((n, c) => n + (c.width ?? 9), 0);
  expect(used).toBeLessThanOrEqual(MAX_UNITS_AT_85);
  // Every column the sheet writes has its width in the file (exceljs leaves out a width of exactly 9).
  ws.eachRow((row) => row.eachCell((cell) => expect({ at: cell.address, width: ws.getColumn(Number(cell.col)).width }).toEqual({ at: cell.address, width: expect.any(Number) })));
});

test.each(CASES)('%s, %s: every written cell has a named font, every whole number the thousands separator', (copy, name) => {
  written(copies[copy], name, (cell, ws) => {
    expect({ at: cell.address, font: cell.font?.name }).toEqual({ at: cell.address, font: 'Calibri' });
    if (typeof cell.value === 'number' && String(ws.getCell(cell.row, 1).value).startsWith('Anno')) return expect(cell.numFmt).toBe('0');
    if (typeof cell.value === 'number') expect({ at: cell.address, fmt: cell.numFmt }).toEqual({ at: cell.address, fmt: '#,##0' });
  });
});

test.each(CASES)('%s, %s: rows as tall as their wrapped text (three-line headers included), no text cut by the next cell, header words whole', (copy, name) => {
  let wrappedCells = 0;
  written(copies[copy], name, (cell, ws) => {
    const text = textOf(cell);
    if (!text || (cell.isMerged && cell.master !== cell)) return;
    const merged = mergedColumns(ws, cell);
    const width = merged ? Array.from({ length: merged[1] - merged[0] + 1 }, (_, i) => widthOf(ws, merged[0] + i)).reduce((a, b) => a + b, 0) : widthOf(ws, Number(cell.col));
    const bold = cell.font?.bold === true;
    const size = cell.font?.size ?? 11;
    if (cell.alignment?.wrapText) {
      const lines = linesOf(text, width, bold, size);
      if (lines > 1) wrappedCells++;
      expect({ at: cell.address, text, height: ws.getRow(Number(cell.row)).height ?? 15 }).toEqual({ at: cell.address, text, height: expect.any(Number) });
      expect(ws.getRow(Number(cell.row)).height ?? 15).toBeGreaterThanOrEqual(lines * 15 * (size / 11));
      // A header word wider than its column would be broken in the middle.
      if (cell.fill?.type === 'pattern' && bold) for (const word of text.split(/\s+/)) expect({ at: cell.address, word, fits: textPoints(word, true) <= textRoom(width) }).toEqual({ at: cell.address, word, fits: true });
      return;
    }
    // Not wrapped: a text wider than its column runs over the next cell only when that one is empty
    // (titles run across the row) and the page goes on to its right.
    if (textPoints(text, bold, size) <= textRoom(width)) return;
    const next = ws.getRow(Number(cell.row)).getCell(Number(cell.col) + 1);
    expect({ at: cell.address, text, nextEmpty: !textOf(next) && next.value === null, lastColumn: Number(cell.col) >= ws.columns.length }).toEqual({ at: cell.address, text, nextEmpty: true, lastColumn: false });
  });
  if (name !== 'Sezione g') expect(wrappedCells).toBeGreaterThan(3);
});

test.each(['esempio', 'grande'] as const)('%s: every page of a Riepilogo table shows its header; Sezione g and Anomalie repeat theirs as print titles', (copy) => {
  const ws = copies[copy].wb.getWorksheet('Riepilogo')!;
  const breaks = copies[copy].breaks.get('Riepilogo')!;
  expect(breaks.length).toBeGreaterThan(0);
  const tables = ws.getTables().map((t) => {
    const [from, to] = (t as unknown as { table: { tableRef: string } }).table.tableRef.split(':');
    return { header: Number(ws.getCell(from!).row) - 1, last: Number(ws.getCell(to!).row) - 1 };
  });
  const pageOf = (r: number) => breaks.filter((b) => b <= r).length;
  for (const t of tables) for (let r = t.header + 1; r <= t.last; r++) expect({ row: r + 1, page: pageOf(r) }).toEqual({ row: r + 1, page: pageOf(t.header) });
  // The parts after the first say that the table goes on.
  const parts = ws.getTables().map((t) => (t as unknown as { table: { name: string } }).table.name).filter((n) => /^RiepilogoEnti\d/.test(n));
  if (copy === 'grande') expect(parts.length).toBeGreaterThan(1);
  for (const sheet of ['Sezione g', 'Anomalie']) expect(copies[copy].wb.getWorksheet(sheet)!.pageSetup.printTitlesRow).toBe('1:4');
});

test.each(['esempio', 'grande'] as const)('%s: a total under every table, the right one', (copy) => {
  const { wb } = copies[copy];
  const g = wb.getWorksheet('Sezione g')!;
  const totalUnder = (ws: ExcelJS.Worksheet, tableName: RegExp) => {
    const refs = ws.getTables().map((t) => (t as unknown as { table: { name: string; tableRef: string } }).table).filter((t) => tableName.test(t.name));
    const last = refs[refs.length - 1]!;
    return ws.getRow(Number(ws.getCell(last.tableRef.split(":")[1]!).row) + 1);
  };
  const totals = ['SezioneG', 'SezioneGEnti', 'SezioneGComuni'].map((n) => totalUnder(g, new RegExp(`^${n}$`)));
  for (const row of totals) {
    expect(row.getCell(1).value).toBe('Totale');
    expect(row.getCell(1).font?.bold).toBe(true);
  }
  // The three totals of section g agree.
  expect(new Set(totals.map((row) => row.getCell(8).value)).size).toBe(1);
  const r = wb.getWorksheet('Riepilogo')!;
  expect(totalUnder(r, /^RiepilogoSezioni$/).getCell(1).value).toMatch(/^g – Totale/);
  const owners = totalUnder(r, /^RiepilogoEnti\d*$/);
  expect(owners.getCell(1).value).toMatch(/^Totale \(\d+ enti\)$/);
  expect(owners.getCell(4).value).toBe(totals[0]!.getCell(8).value);
  expect(totalUnder(r, /^RiepilogoComuni\d*$/).getCell(1).value).toMatch(/^Totale: comuni con la scelta, su \d+$/);
  if (copy === 'esempio') expect(owners.getCell(4).value).toBe(262);
});

test('the large plan: the Riepilogo says why more comuni and owners have units than the Comuni and Enti sheets list', () => {
  const ws = copies.grande.wb.getWorksheet('Riepilogo')!;
  const pairs = new Map<string, unknown>();
  ws.eachRow((row) => pairs.set(String(row.getCell(1).value ?? ''), row.getCell(2).value));
  expect(pairs.get('Enti proprietari nel foglio «Enti»')).toBe(97);
  expect(pairs.get("Enti proprietari con unità assegnabili (di cui 4 non nell'elenco del foglio «Enti»: da aggiungere o correggere, vedere il foglio «Anomalie»)")).toBe(101);
  expect(pairs.get("Comuni dell'ambito (foglio «Comuni»)")).toBe(96);
  expect(pairs.get("Comuni con unità assegnabili (di cui 4 non nell'elenco del foglio «Comuni»: nomi da correggere, vedere il foglio «Anomalie»)")).toBe(100);
});

test('Anomalie: every cell is a link inside the workbook (a HYPERLINK formula), never a link to another file', async () => {
  const ws = copies.esempio.wb.getWorksheet('Anomalie')!;
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
