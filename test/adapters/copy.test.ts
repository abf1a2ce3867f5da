/**
 * The annotated copy keeps what the user's workbook holds and Piano Offerta does not own: charts,
 * images, pivots, connections, custom XML, tables, data validations, conditional formats, names, a
 * user's note. Real workbooks from calamine's test suite (test/fixtures/copy/PROVENANCE.md) and ones
 * made here: each original part is in the copy with the same bytes, except those we edit, which keep
 * every element of the user's; the copy reads back (our reader, and exceljs where exceljs can open
 * the original); a second run replaces our sheets, never duplicates them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { annotatedCopy } from '../../src/adapters/xlsx/annotate';
import { CHUNK_BYTES } from '../../src/adapters/xlsx/annotate/part-writer';
import { ZipArchive } from '../../src/adapters/xlsx/zip';
import { readXlsx } from '../../src/adapters/xlsx/reader';
import { SheetBuilder } from '../../src/core/output/sheet-builder';
import { WritePlan } from '../../src/core/output/write-plan';
import { WorkbookSnapshot } from '../../src/core/snapshot';
import { runCli } from '../support/run-cli';
import { NS, readForCopy, row, sheetXml, unitaRows, workbookParts, zip } from '../support/xlsx-package';

const FIXTURES = join(__dirname, '..', 'fixtures', 'copy');
/** Parts we may edit; every other part must come back byte for byte. */
const EDITABLE = /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml|xl\/worksheets\/_rels\/sheet\d+\.xml\.rels)$/;

function planFor(snapshot: WorkbookSnapshot): WritePlan {
  const s = new SheetBuilder('Riepilogo', [30, 12], [0]);
  s.title("Piano annuale dell'offerta abitativa – prova");
  s.subtitle('Prova');
  s.table('Conteggi', ['Voce', 'Numero'], [['Unità', 3], ['Enti', 1]]);
  const first = snapshot.sheets[0]!.name;
  return {
    sheets: [s.build()],
    annotations: [{ sheet: first, cell: 'B2', row: 1, col: 1, severity: 'error', note: 'Piano Offerta\nErrore: prova.\n→ Correggere.' }],
    columns: [],
  };
}

async function copyOf(bytes: Uint8Array) {
  const reading = readForCopy(bytes);
  const { snapshot } = reading;
  const plan = planFor(snapshot);
  return { ...(await annotatedCopy(reading, plan, { firstCell: (n) => snapshot.sheets.find((x) => x.name === n)?.values[0]?.[0] ?? null })), snapshot };
}

const FILES = ['charts.xlsx', 'picture.xlsx', 'pivots.xlsx', 'table_with_absolute_paths.xlsx'];

describe.each(FILES)('%s', (file) => {
  const original = new Uint8Array(readFileSync(join(FIXTURES, file)));
  const before = original.slice();
  const inParts = unzipSync(original);
  let bytes: Uint8Array;
  let outParts: ReturnType<typeof unzipSync>;
  beforeAll(async () => {
    ({ bytes } = await copyOf(original));
    outParts = unzipSync(bytes);
  });

  test('every part we do not own is in the copy with the same bytes; the input is unchanged', () => {
    for (const [name, data] of Object.entries(inParts)) {
      expect(outParts[name]).toBeDefined();
      if (!EDITABLE.test(name)) expect(Buffer.compare(Buffer.from(outParts[name]!), Buffer.from(data))).toBe(0);
    }
    expect(Buffer.compare(Buffer.from(original), Buffer.from(before))).toBe(0);
  });

  test('the copy reads back: the user\'s sheets with their values, ours added', () => {
    const back = readXlsx(bytes, 'copia.xlsx');
    const orig = readXlsx(original, file);
    expect(back.sheets.map((s) => s.name)).toEqual([...orig.sheets.map((s) => s.name), 'Riepilogo']);
    for (const s of orig.sheets) expect(back.sheets.find((b) => b.name === s.name)!.values).toEqual(s.values);
    expect(back.sheets.at(-1)!.values[0]![0]).toBe("Piano annuale dell'offerta abitativa – prova");
  });

  test('edited parts keep every element of the user\'s (the workbook\'s defined names, the sheet\'s drawings and tables)', () => {
    for (const name of Object.keys(inParts).filter((n) => EDITABLE.test(n) && n !== 'xl/styles.xml')) {
      const tags = (xml: string) => [...xml.matchAll(/<([A-Za-z][\w:.-]*)[\s/>]/g)].map((m) => m[1]!);
      const count = (xml: string) => tags(xml).reduce((m, t) => m.set(t, (m.get(t) ?? 0) + 1), new Map<string, number>());
      const a = count(strFromU8(inParts[name]!));
      const b = count(strFromU8(outParts[name]!));
      for (const [tag, n] of a) if (!['row', 'c', 'v', 'f', 'is', 't'].includes(tag)) expect({ name, tag, atLeast: (b.get(tag) ?? 0) >= n }).toEqual({ name, tag, atLeast: true });
    }
  });

  test('a second run on the copy replaces our sheet, never duplicates it; print titles stay among the defined names', async () => {
    const again = (await copyOf(bytes)).bytes;
    expect(readXlsx(again, 'copia2.xlsx').sheets.map((s) => s.name)).toEqual(readXlsx(bytes, 'copia.xlsx').sheets.map((s) => s.name));
    const wbXml = strFromU8(unzipSync(again)['xl/workbook.xml']!);
    const names = wbXml.slice(wbXml.indexOf('<definedNames>'), wbXml.indexOf('</definedNames>'));
    expect(names.match(/_xlnm\.Print_Titles/g)).toHaveLength(1);
    expect(wbXml.match(/<definedName[\s>]/g)!.length).toBe(names.match(/<definedName[\s>]/g)!.length);
  });
});

test('exceljs opens the copies of the files it can open (an outside reader)', async () => {
  for (const file of ['picture.xlsx', 'pivots.xlsx']) {
    const { bytes } = await copyOf(new Uint8Array(readFileSync(join(FIXTURES, file))));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('Riepilogo')!.getCell('A1').value).toBe("Piano annuale dell'offerta abitativa – prova");
    const first = wb.worksheets[0]!;
    expect((first.getCell('B2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(first.getCell('B2').note).toBeDefined();
  }
});

test('a workbook with a data validation, a conditional format, a defined name and a user\'s note keeps them, ours beside', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Unita');
  ws.addRow(['ID', 'Stato']);
  ws.addRow([1, 'Libero']);
  ws.getCell('B2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Libero,Assegnato"'] };
  ws.addConditionalFormatting({ ref: 'A2:A10', rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: [5], priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FF00FF00' } } } }] });
  ws.getCell('A2').note = 'Controllato da Anna';
  wb.definedNames.add('Unita!$A$1:$B$2', 'Elenco');
  const original = new Uint8Array(await wb.xlsx.writeBuffer());
  const reading = readForCopy(original);
  const plan = planFor(reading.snapshot);
  plan.annotations.push({ sheet: 'Unita', cell: 'A2', row: 1, col: 0, severity: 'warning', note: 'Piano Offerta\nAvviso: prova.' });
  const { bytes, applied } = await annotatedCopy(reading, plan, { firstCell: () => 'ID' });
  expect(applied).toEqual({ highlightedCells: 2, notedCells: 2 });
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const u = back.getWorksheet('Unita')!;
  expect(u.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: ['"Libero,Assegnato"'] });
  expect(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!)).toContain('<conditionalFormatting');
  expect(back.definedNames.getRanges('Elenco').ranges).toEqual(['Unita!$A$1:$B$2']);
  // The user's note keeps its text, ours under it; the author of ours is Piano Offerta.
  const note = u.getCell('A2').note;
  const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
  expect(text).toBe('Controllato da Anna\n\nPiano Offerta\nAvviso: prova.');
  expect(strFromU8(unzipSync(bytes)['xl/comments1.xml']!)).toContain('<author>Piano Offerta</author>');
});

test('a package without a theme (as LibreOffice saves it) gets no theme declared; a validation over the whole sheet is copied, not expanded', async () => {
  const validation = '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"Sì,No"</formula1></dataValidation></dataValidations>';
  const original = zip(workbookParts([{ name: 'Unita', xml: sheetXml(row(1, ['ID', 'Stato']) + row(2, [1, 'Libero']), validation) }]));
  const reading = readForCopy(original);
  const t = Date.now();
  const { bytes } = await annotatedCopy(reading, planFor(reading.snapshot), { firstCell: () => 'ID' });
  expect(Date.now() - t).toBeLessThan(5000); // two minutes and 1.2 GB with exceljs
  const parts = unzipSync(bytes);
  expect(Object.keys(parts).some((n) => /theme/i.test(n))).toBe(false);
  expect(strFromU8(parts['[Content_Types].xml']!)).not.toMatch(/theme/i);
  expect(strFromU8(parts['xl/_rels/workbook.xml.rels']!)).not.toMatch(/theme/i);
  expect(strFromU8(parts['xl/worksheets/sheet1.xml']!)).toContain(validation);
});

/** saxes (a conformant, namespace-aware XML parser no one here wrote): every element's namespace, or its error. */
interface SaxesNs {
  on(event: 'opentag', f: (t: { name: string; uri: string }) => void): void;
  on(event: 'error', f: (e: Error) => void): void;
  write(s: string): { close(): void };
}
function namespacesOf(xml: string): Map<string, Set<string>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SaxesParser } = require('saxes') as { SaxesParser: new (opts: object) => SaxesNs };
  const parser = new SaxesParser({ xmlns: true });
  const seen = new Map<string, Set<string>>();
  parser.on('opentag', (t) => {
    const local = t.name.slice(t.name.indexOf(':') + 1);
    if (!seen.has(local)) seen.set(local, new Set());
    seen.get(local)!.add(t.uri);
  });
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
  return seen;
}

test('a sheet written with an x: prefix (as some generators write SpreadsheetML) gets our column, fills and notes in its own prefix', async () => {
  // The Unita sheet with every element prefixed, spans on the rows, one unit with an unknown state.
  const rows = unitaRows(3).replace('Libero</t>', 'Liberissimo</t>').replace(/<row r="(\d+)">/g, '<row r="$1" spans="1:7">');
  const prefixed = sheetXml(rows).replace(`xmlns="${NS}"`, `xmlns:x="${NS}"`).replace(/<(\/?)([a-zA-Z]+)([ >/])/g, '<$1x:$2$3');
  const dir = mkdtempSync(join(tmpdir(), 'piano-prefix-'));
  const input = join(dir, 'elenco.xlsx');
  writeFileSync(input, zip(workbookParts([{ name: 'Unita', xml: prefixed }])));
  const r = await runCli(['check', input, '--out', join(dir, 'copia.xlsx'), '--quiet']);
  expect(r.err).toBe('');
  const sheet = strFromU8(unzipSync(new Uint8Array(readFileSync(join(dir, 'copia.xlsx'))))['xl/worksheets/sheet1.xml']!);
  // Before: `<x:row …>…<c r="H2" …>…</row>`, a sheet no XML parser opens.
  const ns = namespacesOf(sheet);
  for (const el of ['worksheet', 'sheetData', 'row', 'c', 'is', 't', 'cols', 'col', 'legacyDrawing']) expect([el, [...(ns.get(el) ?? [])]]).toEqual([el, [NS]]);
  const back = readXlsx(new Uint8Array(readFileSync(join(dir, 'copia.xlsx'))), 'copia.xlsx').sheets.find((s) => s.name === 'Unita')!;
  expect(back.values.map((v) => v[7])).toEqual(['Esito controllo', expect.stringMatching(/^Non conteggiata: stato non riconosciuto/), 'Sezione e: 1 unità', 'Sezione e: 1 unità']);
});

test('a long list is deflated in pieces while the next is made: the part is one DEFLATE stream that zlib inflates whole, with the CRC and size the archive states', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'piano-chunks-'));
  const input = join(dir, 'lungo.xlsx');
  writeFileSync(input, zip(workbookParts([{ name: 'Unita', xml: sheetXml(unitaRows(30_000)) }])));
  const r = await runCli(['check', input, '--out', join(dir, 'copia.xlsx'), '--quiet']);
  expect(r.err).toBe('');
  const copy = new Uint8Array(readFileSync(join(dir, 'copia.xlsx')));
  const part = new ZipArchive(copy).raw('xl/worksheets/sheet1.xml')!;
  expect(part.size).toBeGreaterThan(2 * CHUNK_BYTES); // three pieces at least
  const inflated = inflateRawSync(part.data);
  expect(inflated.length).toBe(part.size);
  expect(crc32(inflated)).toBe(part.crc);
  const unita = readXlsx(copy, 'copia.xlsx').sheets.find((s) => s.name === 'Unita')!;
  expect(unita.values.length).toBe(30_001);
  expect(unita.values[30_000]![7]).toBe('Sezione e: 1 unità');
});

test('a row with an anomaly whose cells hold «</c>» in a CDATA section and a comment: the copy keeps them as they were and fills the right cell', async () => {
  // Unit 2 has an unknown state; its Comune cell's text is a CDATA section holding an end tag, and a comment.
  const rows = unitaRows(3)
    .replace('<c r="E3" t="inlineStr"><is><t>Libero</t>', '<c r="E3" t="inlineStr"><is><t>Liberissimo</t>')
    .replace('<c r="D3" t="inlineStr"><is><t>Crema</t></is></c>', '<c r="D3" t="inlineStr"><is><t><![CDATA[Crema </c> ]]></t><!-- </c> --></is></c>');
  const dir = mkdtempSync(join(tmpdir(), 'piano-cdata-'));
  const input = join(dir, 'elenco.xlsx');
  writeFileSync(input, zip(workbookParts([{ name: 'Unita', xml: sheetXml(rows) }])));
  const r = await runCli(['check', input, '--out', join(dir, 'copia.xlsx'), '--quiet']);
  expect(r.code).toBe(1);
  const copy = new Uint8Array(readFileSync(join(dir, 'copia.xlsx')));
  const sheet = strFromU8(unzipSync(copy)['xl/worksheets/sheet1.xml']!);
  const row3 = sheet.slice(sheet.indexOf('<row r="3"'), sheet.indexOf('</row>', sheet.indexOf('<row r="3"')));
  // D3 (a comune not recognised) and E3 (the state) filled, their content as it was.
  expect(row3).toMatch(/<c s="\d+" r="D3" t="inlineStr"><is><t><!\[CDATA\[Crema <\/c> \]\]><\/t><!-- <\/c> --><\/is><\/c><c s="\d+" r="E3"/);
  namespacesOf(sheet); // well-formed, by saxes
  const unita = readXlsx(copy, 'copia.xlsx').sheets.find((s) => s.name === 'Unita')!;
  expect(unita.values[2]![3]).toBe('Crema </c> ');
  expect(row3).toMatch(/<c s="\d+" r="E3" t="inlineStr"><is><t>Liberissimo<\/t><\/is><\/c>/);
});

describe('sheets as other programs write them, copied right (cases a reviewer found in the row-layout copy)', () => {
  /** The copy of a one-sheet unit list, through the command line: the sheet's XML and its values read back. */
  async function copied(sheet: string | Uint8Array) {
    const dir = mkdtempSync(join(tmpdir(), 'piano-copy-case-'));
    const input = join(dir, 'elenco.xlsx');
    writeFileSync(input, zip(workbookParts([{ name: 'Unita', xml: sheet as string }])));
    const r = await runCli(['check', input, '--out', join(dir, 'copia.xlsx'), '--quiet']);
    expect(r.err).toBe('');
    const copy = new Uint8Array(readFileSync(join(dir, 'copia.xlsx')));
    const xml = strFromU8(unzipSync(copy)['xl/worksheets/sheet1.xml']!);
    namespacesOf(xml); // well-formed, by saxes
    return { xml, values: readXlsx(copy, 'copia.xlsx').sheets.find((s) => s.name === 'Unita')!.values };
  }
  const bad = (rows: string) => rows.replace('<c r="E3" t="inlineStr"><is><t>Libero</t>', '<c r="E3" t="inlineStr"><is><t>Liberissimo</t>');

  test('an empty self-closing row first (a row that only sets a height): before, no copy at all («danneggiato», exit 2)', async () => {
    const rows = unitaRows(3).replace(/<row r="(\d+)">/g, (_, n: string) => `<row r="${Number(n) + 1}">`).replace(/r="([A-G])(\d+)"/g, (_, c: string, n: string) => `r="${c}${Number(n) + 1}"`);
    const { values } = await copied(sheetXml(`<row r="1" ht="30" customHeight="1"/>${rows}`));
    expect(values[1]![7]).toBe('Esito controllo');
    expect(values[4]![7]).toBe('Sezione e: 1 unità');
  });

  test('characters beyond U+FFFF across the encoder\'s batches stay themselves (before: U+FFFD)', async () => {
    const note = `${'😀'.repeat(9000)}x`;
    const rows = unitaRows(20).replace(/(<c r="G(\d+)"><v>1<\/v><\/c>)<\/row>/g, (_, g: string, n: string) => (n === '1' ? `${g}</row>` : `${g}<c r="I${n}" t="inlineStr"><is><t>${note}</t></is></c></row>`));
    const { xml, values } = await copied(sheetXml(bad(rows)));
    expect(xml).not.toContain('\ufffd');
    for (let r = 1; r <= 20; r++) expect(values[r]![8]).toBe(note);
  });

  test('a processing instruction holding «</c>» inside a cell of a row with an anomaly (before: exit 2)', async () => {
    const rows = bad(unitaRows(3)).replace('<c r="D3" t="inlineStr"><is><t>Crema</t></is></c>', '<c r="D3" t="inlineStr"><is><t>Crema</t><?foo </c> ?></is></c>');
    const { xml, values } = await copied(sheetXml(rows));
    expect(xml).toContain('<?foo </c> ?>');
    expect(values[2]![3]).toBe('Crema');
  });

  test('a sheet read as UTF-16 is written as UTF-8 and says so (before: it still declared UTF-16, and xmllint refused it)', async () => {
    const text = sheetXml(bad(unitaRows(3))).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const utf16 = new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));
    const { xml, values } = await copied(utf16);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"')).toBe(true);
    expect(values[3]![7]).toBe('Sezione e: 1 unità');
  });

  test('an attribute of another vocabulary named spans (foo:spans) is left whole; SpreadsheetML\'s own spans goes', async () => {
    const rows = unitaRows(3).replace('<row r="2">', '<row r="2" xmlns:foo="urn:foo" foo:spans="1:7">').replace('<row r="3">', '<row r="3" spans="1:7">');
    const { xml } = await copied(sheetXml(rows));
    expect(xml).toContain('<row r="2" xmlns:foo="urn:foo" foo:spans="1:7">');
    expect(xml).toContain('<row r="3">');
  });
});

test('a check run on its own copy finds the formats it added and adds none again (before: styles.xml grew on every run)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'piano-rerun-'));
  const input = join(dir, 'elenco.xlsx');
  writeFileSync(input, zip(workbookParts([{ name: 'Unita', xml: sheetXml(unitaRows(3).replace('<c r="E3" t="inlineStr"><is><t>Libero</t>', '<c r="E3" t="inlineStr"><is><t>Liberissimo</t>')) }])));
  const styles: string[] = [];
  let from = input;
  for (const n of [1, 2, 3]) {
    const out = join(dir, `copia${n}.xlsx`);
    await runCli(['check', from, '--out', out, '--quiet']);
    styles.push(strFromU8(unzipSync(new Uint8Array(readFileSync(out)))['xl/styles.xml']!));
    from = out;
  }
  expect(styles[1]).toBe(styles[0]);
  expect(styles[2]).toBe(styles[0]);
});
