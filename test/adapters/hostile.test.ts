/**
 * Files as they arrive: damaged, hostile, or written by programs other than Excel. Every one ends in
 * a result or in an Italian sentence saying what is wrong and what to do (exit 2), within seconds and
 * without allocating what the file merely claims. All files are made here, small.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { readXlsx } from '../../src/adapters/xlsx/reader';
import { readXlsxBytes } from '../../src/adapters/xlsx/reader/node';
import { UnreadableWorkbookError } from '../../src/adapters/xlsx/workbook';
import { check } from '../../src/core/engine';
import { runCli } from '../support/run-cli';
import { NS, REL_NS, row, sheetXml, unitaRows, workbookParts, zip } from '../support/xlsx-package';

const dir = mkdtempSync(join(tmpdir(), 'piano-hostile-'));
const plan = (extraUnita = '') => workbookParts([{ name: 'Unita', xml: sheetXml(unitaRows(3) + extraUnita) }]);

/** What the command line says of these bytes: exit status and the message, never English internals. */
async function cli(name: string, bytes: Uint8Array) {
  const f = join(dir, name);
  writeFileSync(f, bytes);
  const r = await runCli(['check', f, '--quiet']);
  return r;
}

function expectItalianRefusal(r: { code: number; err: string }, pattern: RegExp) {
  expect(r.code).toBe(2);
  expect(r.err).toMatch(pattern);
  expect(r.err).toMatch(/Il file «.*»/);
  // No internal message: no stack, no English error text, no error code.
  expect(r.err).not.toMatch(/ at |Error|Cannot|undefined|offset|invalid|FILE_ENDED|code point|Not an A1|ERR_/);
}

/** Sets a central-directory field of the entry `name` (offset inside the entry: 20 compressed, 24 size). */
function patchCentral(bytes: Uint8Array, name: string, field: number, value: number): Uint8Array {
  const b = bytes.slice();
  const dv = new DataView(b.buffer);
  let eocd = b.length - 22;
  while (dv.getUint32(eocd, true) !== 0x06054b50) eocd--;
  let p = dv.getUint32(eocd + 16, true);
  for (let i = 0; i < dv.getUint16(eocd + 10, true); i++) {
    const n = dv.getUint16(p + 28, true);
    const entry = new TextDecoder().decode(b.subarray(p + 46, p + 46 + n));
    if (entry === name) dv.setUint32(p + field, value, true);
    p += 46 + n + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return b;
}

describe('not an .xlsx, damaged, protected: named correctly, exit 2', () => {
  test('an empty file', async () => {
    expectItalianRefusal(await cli('vuoto.xlsx', new Uint8Array(0)), /è vuoto/);
  });

  test('a CSV renamed .xlsx', async () => {
    expectItalianRefusal(await cli('finto.xlsx', strToU8('Ente,Comune\nALER,Crema\n')), /non è una cartella di lavoro \.xlsx/);
  });

  test('a truncated download (half the archive)', async () => {
    const whole = zip(plan());
    expectItalianRefusal(await cli('troncato.xlsx', whole.subarray(0, whole.length >> 1)), /danneggiato/);
  });

  test('a damaged sheet stream ("invalid code lengths set" before)', async () => {
    const bad = zip(plan()).slice();
    // Scramble the compressed bytes of the sheet, keeping the archive's structure.
    const name = strToU8('xl/worksheets/sheet1.xml');
    let at = 0;
    while (!name.every((x, i) => bad[at + 30 + i] === x)) at++;
    for (let i = at + 30 + name.length + 10; i < at + 30 + name.length + 60; i++) bad[i] = bad[i]! ^ 0x5a;
    expectItalianRefusal(await cli('rotto.xlsx', bad), /danneggiato/);
  });

  test('a central directory pointing past the end ("offset is out of range" before)', async () => {
    const b = zip(plan()).slice();
    const dv = new DataView(b.buffer);
    dv.setUint32(b.length - 22 + 16, b.length + 1000, true);
    expectItalianRefusal(await cli('fuori.xlsx', b), /danneggiato/);
  });

  test('a password-protected workbook (an OLE container with EncryptionInfo) is "protetto da password"', async () => {
    const b = new Uint8Array(4096);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = 'EncryptionInfo';
    for (let i = 0; i < name.length; i++) b[1024 + 2 * i] = name.charCodeAt(i);
    expectItalianRefusal(await cli('protetto.xlsx', b), /protetto da password/);
  });

  test('an old .xls, an .ods, an .xlsb, a .docx renamed .xlsx: each called what it is', async () => {
    const xls = new Uint8Array(4096);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expectItalianRefusal(await cli('vecchio.xlsx', xls), /vecchio formato di Excel \(\.xls\)/);
    const ods = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8('<office:document-content/>') });
    expectItalianRefusal(await cli('calc.xlsx', ods), /OpenDocument \(\.ods\)/);
    const xlsb = zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': new Uint8Array(10) });
    expectItalianRefusal(await cli('binario.xlsx', xlsb), /binaria di Excel \(\.xlsb\)/);
    const docx = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    expectItalianRefusal(await cli('lettera.xlsx', docx), /non è una cartella di lavoro \.xlsx/);
  });
});

describe('bombs: refused before allocating what the archive claims', () => {
  test('a part declaring 2 GB is refused at once, with the limit stated', async () => {
    const b = patchCentral(zip(plan()), 'xl/worksheets/sheet1.xml', 24, 0x7fffffff);
    const t = Date.now();
    const r = await cli('dichiara.xlsx', b);
    expectItalianRefusal(r, /troppo grande per essere un piano: .*256 MB/);
    expect(Date.now() - t).toBeLessThan(5000);
  });

  test('a part that inflates far beyond what it declares stops there (50 MB of zeros declared as 1 KB)', async () => {
    const zeros = new Uint8Array(50 * 1024 * 1024);
    const b = patchCentral(zip({ ...plan(), 'xl/worksheets/sheet1.xml': zeros }), 'xl/worksheets/sheet1.xml', 24, 1024);
    for (const read of [readXlsx, readXlsxBytes]) {
      const before = process.memoryUsage().arrayBuffers;
      expect(() => read(b, 'bomba.xlsx')).toThrow(/danneggiato/);
      // Nothing near the 50 MB was kept (a loose bound: a wrong design allocates it all).
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(40 * 1024 * 1024);
    }
  });

  test('parts that together declare more than the total ceiling', async () => {
    const parts = plan();
    for (let i = 0; i < 3; i++) parts[`xl/media/x${i}.xml`] = '<x/>';
    let b = zip(parts);
    // The sheet and shared parts declare 200 MB each: each under the part ceiling, together over the total.
    b = patchCentral(b, 'xl/worksheets/sheet1.xml', 24, 200 * 1024 * 1024);
    b = patchCentral(b, 'xl/workbook.xml', 24, 200 * 1024 * 1024);
    b = patchCentral(b, '_rels/.rels', 24, 200 * 1024 * 1024);
    expectItalianRefusal(await cli('totale.xlsx', b), /troppo grande|danneggiato/);
  });

  test('a DOCTYPE with entities (billion laughs) is refused, not expanded', async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>`;
    expectItalianRefusal(await cli('lol.xlsx', zip({ ...plan(), 'xl/worksheets/sheet1.xml': lol })), /danneggiato/);
  });
});

describe('references: what a sheet may claim is bounded, a lone far cell costs a cell', () => {
  test('a value at XFD1048576 (a legal cell) beside 10,000 units: read in seconds, the plan checked', async () => {
    const far = `<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`;
    const wide = `<row r="10002"><c r="XFD10002"><v>7</v></c></row>`;
    const parts = workbookParts([
      { name: 'Unita', xml: sheetXml(unitaRows(10_000) + wide) },
      { name: 'Appunti', xml: sheetXml(far) },
    ]);
    const t = Date.now();
    const snap = readXlsx(zip(parts), 'lontano.xlsx');
    const result = check(snap);
    expect(Date.now() - t).toBeLessThan(10_000); // 9 s and 2.7 GB before; ~0.3 s now (npm run bench)
    expect(result.report.totals.g).toBe(10_000);
    expect(snap.sheets[1]!.values[1048575]![16383]).toBe(1);
    // The owned column goes after the table, inside Excel's 16,384 columns.
    for (const c of result.writePlan.columns) expect(c.col).toBeLessThan(16384);
  });

  test.each([
    ['ZZZZ99999999 (beyond Excel)', 'ZZZZ99999999'],
    ['R9C2 (not an A1 reference)', 'R9C2'],
    ['A0', 'A0'],
  ])('a reference %s: the file is damaged, said in Italian', async (_, ref) => {
    const bad = plan(`<row r="9"><c r="${ref}"><v>1</v></c></row>`);
    expectItalianRefusal(await cli(`ref-${ref}.xlsx`, zip(bad)), /danneggiato/);
  });

  test('a character reference beyond Unicode (&#1114112;) is a damaged file, not "Invalid code point"', async () => {
    const bad = plan(`<row r="9"><c r="A9" t="inlineStr"><is><t>&#1114112;</t></is></c></row>`);
    expectItalianRefusal(await cli('codepoint.xlsx', zip(bad)), /danneggiato/);
  });
});

describe('what other programs write, read as Excel reads it', () => {
  const read = (parts: Record<string, string | Uint8Array>) => readXlsx(zip(parts), 'x.xlsx');

  test('SpreadsheetML with an x: prefix and single-quoted attributes', () => {
    const xml = `<?xml version='1.0'?><x:worksheet xmlns:x='${NS}'><x:sheetData><x:row r='1'><x:c r='A1' t='inlineStr'><x:is><x:t>Crema</x:t></x:is></x:c><x:c r='B1'><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const s = read(workbookParts([{ name: 'Unita', xml }]));
    expect(s.sheets[0]!.values[0]).toEqual(['Crema', 3]);
  });

  test('shared strings named xl/SharedStrings.xml, with <si/>, runs, phonetic text, _x000D_ and CDATA', () => {
    const shared = `<sst xmlns="${NS}"><si><t>Crema</t></si><si/><si><r><t>Pieve </t></r><r><rPr><b/></rPr><t>d'Olmi</t></r><rPh><t>ピ</t></rPh></si><si><t>riga_x000D_nuova _x005F_x</t></si><si><t><![CDATA[a <b> & c]]></t></si></sst>`;
    const parts = workbookParts([{ name: 'S', xml: sheetXml(`<row r="1">${[0, 1, 2, 3, 4].map((i) => `<c r="${'ABCDE'[i]}1" t="s"><v>${i}</v></c>`).join('')}</row>`) }], { shared });
    parts['xl/SharedStrings.xml'] = parts['xl/sharedStrings.xml']!;
    delete parts['xl/sharedStrings.xml'];
    expect(read(parts).sheets[0]!.values[0]).toEqual(['Crema', '', "Pieve d'Olmi", 'riga\rnuova _x', 'a <b> & c']);
  });

  test('UTF-16 shared strings', () => {
    const text = `<?xml version="1.0" encoding="UTF-16"?><sst xmlns="${NS}"><si><t>Città</t></si></sst>`;
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const parts = workbookParts([{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }], { shared: '' });
    parts['xl/sharedStrings.xml'] = utf16;
    expect(read(parts).sheets[0]!.values[0]).toEqual(['Città']);
  });

  test('t="d" ISO dates, <v></v> (empty, not 0), cells and rows without r=, booleans, errors, str results', () => {
    const rows = `<row><c t="d"><v>2023-03-08T00:00:00Z</v></c><c><v></v></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="str"><f>A1&amp;""</f><v>x</v></c></row><row><c><v>5</v></c></row>`;
    const v = read(workbookParts([{ name: 'S', xml: sheetXml(rows) }])).sheets[0]!.values;
    expect(v[0]).toEqual([44993, null, true, '#N/A', 'x']);
    expect(v[1]).toEqual([5]);
  });

  test('formula results 0, FALSE and "" are results (read, never "uncomputed"); a formula with no <v> is uncomputed', () => {
    const rows = '<row r="1"><c r="A1"><f>B1-B1</f><v>0</v></c><c r="B1" t="b"><f>1=2</f><v>0</v></c><c r="C1" t="str"><f>""</f><v></v></c><c r="D1"><f>2+3</f></c></row>';
    const s = read(workbookParts([{ name: 'S', xml: sheetXml(rows) }])).sheets[0]!;
    expect(s.values[0]).toEqual([0, false]);
    expect(s.uncomputed).toEqual([{ row: 0, col: 3, formula: '2+3' }]);
  });

  test('the 1904 date system (Excel for Mac): a date-formatted serial is the same day, counts are not moved', () => {
    const styles = `<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`;
    // 8 March 2023 is 43531 in the 1904 system, 44993 in the 1900 one.
    const xml = sheetXml('<row r="1"><c r="A1" s="1"><v>43531</v></c><c r="B1"><v>43531</v></c></row>');
    const v = read(workbookParts([{ name: 'S', xml }], { styles, workbookPr: '<workbookPr date1904="1"/>' })).sheets[0]!.values;
    expect(v[0]).toEqual([44993, 43531]);
  });

  test('parts by absolute paths (/xl/...) as openpyxl writes them, and a workbook found only through _rels/.rels', () => {
    const parts = workbookParts([{ name: 'Unita', xml: sheetXml(row(1, ['a', 1])) }]);
    const moved: Record<string, string | Uint8Array> = {
      '[Content_Types].xml': parts['[Content_Types].xml']!,
      '_rels/.rels': String(parts['_rels/.rels']).replace('Target="xl/workbook.xml"', 'Target="/wb/libro.xml"'),
      'wb/libro.xml': parts['xl/workbook.xml']!,
      'wb/_rels/libro.xml.rels': String(parts['xl/_rels/workbook.xml.rels']).replace('Target="worksheets/sheet1.xml"', 'Target="/fogli/uno.xml"'),
      'fogli/uno.xml': parts['xl/worksheets/sheet1.xml']!,
    };
    expect(read(moved).sheets.map((s) => [s.name, s.values[0]])).toEqual([['Unita', ['a', 1]]]);
  });

  test('sheets filed under their relationships, not under sheetId or the part number; a chart sheet skipped', () => {
    const parts = workbookParts([{ name: 'A', xml: sheetXml(row(1, ['primo'])) }, { name: 'B', xml: sheetXml(row(1, ['secondo'])) }]);
    // Sheet "B" comes first, with sheetId 7, and points at sheet1.xml; a chart sheet sits between.
    parts['xl/workbook.xml'] = `<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets><sheet name="B" sheetId="7" r:id="rId1"/><sheet name="Grafico" sheetId="3" r:id="rIdC"/><sheet name="A" sheetId="2" r:id="rId2"/></sheets></workbook>`;
    parts['xl/_rels/workbook.xml.rels'] = String(parts['xl/_rels/workbook.xml.rels']).replace('</Relationships>', '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>');
    parts['xl/chartsheets/sheet1.xml'] = `<chartsheet xmlns="${NS}"/>`;
    expect(read(parts).sheets.map((s) => [s.name, s.values[0]![0]])).toEqual([['B', 'primo'], ['A', 'secondo']]);
  });

  test('merged areas are in the snapshot', () => {
    const s = read(workbookParts([{ name: 'S', xml: sheetXml(row(1, ['x']), '<mergeCells count="1"><mergeCell ref="A1:A3"/></mergeCells>') }]));
    expect(s.sheets[0]!.merges).toEqual([{ r0: 0, c0: 0, r1: 2, c1: 0 }]);
  });
});

test('every refusal is an UnreadableWorkbookError (the page shows its message as it is)', () => {
  expect(() => readXlsx(new Uint8Array(0), 'x.xlsx')).toThrow(UnreadableWorkbookError);
  expect(() => readXlsx(strToU8('ciao'), 'x.xlsx')).toThrow(UnreadableWorkbookError);
});

describe('the browser path: large parts inflated ahead with the platform\'s DecompressionStream', () => {
  test('the same snapshot as fflate alone; a part inflating beyond its declared size is refused the same way', async () => {
    const { preinflated } = await import('../../src/adapters/xlsx/preinflate');
    expect(typeof DecompressionStream).toBe('function'); // Node has it too: the native path is the one tested
    const good = zip(workbookParts([{ name: 'Unita', xml: sheetXml(unitaRows(20_000)) }]));
    expect(readXlsx(good, 'a.xlsx', undefined, { inflate: await preinflated(good) })).toEqual(readXlsx(good, 'a.xlsx'));
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const bomb = patchCentral(zip({ ...plan(), 'xl/worksheets/sheet1.xml': zeros }), 'xl/worksheets/sheet1.xml', 24, 300 * 1024);
    const inflate = await preinflated(bomb);
    expect(() => readXlsx(bomb, 'bomba.xlsx', undefined, { inflate })).toThrow(/danneggiato/);
  });
});
