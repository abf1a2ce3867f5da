/**
 * `check` and `check --out` read the file once, with the same reader: the same report, whatever the
 * file holds (merged labels, formula results 0/FALSE/"", dates in the 1904 system).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli';
import { row, sheetXml, workbookParts, zip } from '../support/xlsx-package';
import { readXlsx } from '../../src/adapters/xlsx/reader';

const dir = mkdtempSync(join(tmpdir(), 'piano-same-'));

test('the same report with and without --out', async () => {
  const unita = [
    row(1, ['ID unità', 'Codice ente', 'Ente proprietario', 'Comune', 'Stato', 'Destinazione', 'Numero unità']),
    row(2, [1, null, 'Comune di Crema', 'Crema', 'Libero', 'SAP', 1]),
    row(3, [2, null, null, 'Crema', 'Libero', 'SAP', 1]),
    row(4, [3, null, null, 'Crema', 'Libero', 'SAP', 1]),
    // A formula whose result is 0 in Numero unità: zero units, not one.
    '<row r="5"><c r="A5"><v>4</v></c><c r="C5" t="inlineStr"><is><t>Comune di Crema</t></is></c><c r="D5" t="inlineStr"><is><t>Crema</t></is></c><c r="E5" t="inlineStr"><is><t>Libero</t></is></c><c r="F5" t="inlineStr"><is><t>SAP</t></is></c><c r="G5"><f>A5-A5</f><v>0</v></c></row>',
  ].join('');
  const f = join(dir, 'piano.xlsx');
  writeFileSync(f, zip(workbookParts([{ name: 'Unita', xml: sheetXml(unita, '<mergeCells count="1"><mergeCell ref="C2:C4"/></mergeCells>') }])));
  const a = await runCli(['check', f, '--json', join(dir, 'a.json'), '--quiet']);
  const b = await runCli(['check', f, '--json', join(dir, 'b.json'), '--out', join(dir, 'copia.xlsx'), '--quiet']);
  expect([a.code, b.code]).toEqual([0, 0]);
  const ra = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'));
  const rb = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
  expect(rb).toEqual(ra);
  // The merged owner counts on each of its three rows; the formula's 0 is no unit.
  expect(ra.totals.g).toBe(3);
});

test('--out on a package exceljs cannot open (openpyxl\'s absolute part paths, a workbook found through _rels/.rels): the copy is written and reads back', async () => {
  const parts = workbookParts([{ name: 'Unita', xml: sheetXml([row(1, ['ID unità', 'Codice ente', 'Ente proprietario', 'Comune', 'Stato', 'Destinazione', 'Numero unità']), row(2, [1, null, 'Comune di Crema', 'Crema', 'Libero', 'SAP', 1])].join('')) }]);
  const moved = {
    '[Content_Types].xml': String(parts['[Content_Types].xml']).replace('/xl/workbook.xml', '/wb/libro.xml').replace('/xl/worksheets/sheet1.xml', '/fogli/uno.xml'),
    '_rels/.rels': String(parts['_rels/.rels']).replace('Target="xl/workbook.xml"', 'Target="/wb/libro.xml"'),
    'wb/libro.xml': parts['xl/workbook.xml']!,
    'wb/_rels/libro.xml.rels': String(parts['xl/_rels/workbook.xml.rels']).replace('Target="worksheets/sheet1.xml"', 'Target="/fogli/uno.xml"'),
    'fogli/uno.xml': parts['xl/worksheets/sheet1.xml']!,
  };
  const f = join(dir, 'openpyxl.xlsx');
  writeFileSync(f, zip(moved));
  const out = join(dir, 'openpyxl-copia.xlsx');
  const r = await runCli(['check', f, '--out', out, '--quiet']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const back = readXlsx(new Uint8Array(readFileSync(out)), 'copia');
  expect(back.sheets.map((s) => s.name)).toEqual(['Unita', 'Sezione g', 'Anomalie', 'Riepilogo']);
  expect(back.sheets[0]!.values[1]!.slice(0, 7)).toEqual([1, null, 'Comune di Crema', 'Crema', 'Libero', 'SAP', 1]);
});
