/**
 * The command line on a plan pasted section by section (issue 14): an .xlsx written by an outside
 * writer, read by our reader, the paste named in the summary and the report, and the annotated copy
 * marking the pasted cells.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportSchema } from '../../src/core/report';
import { readXlsx } from '../../src/adapters/xlsx/reader';
import { runCli } from '../support/run-cli';
import { pastedXlsx } from '../support/pasted';

const dir = mkdtempSync(join(tmpdir(), 'piano-incollato-'));

test('Cremona 2023 pasted on one sheet: g 262, the sections named, the g table\'s errors at the pasted cells, the copy marks them', async () => {
  const input = join(dir, 'cremona-incollato.xlsx');
  writeFileSync(input, await pastedXlsx('cremona-2023', 'stacked'));
  const json = join(dir, 'cremona.json');
  const out = join(dir, 'cremona-annotato.xlsx');
  const { code, out: printed } = await runCli(['check', input, '--json', json, '--out', out]);
  expect(code).toBe(1);
  expect(printed).toContain('Piano letto dalle tabelle incollate nel foglio «Piano incollato» (consistenza del patrimonio, carenza manutentiva, ristrutturazione e recupero, già libere, turnover, ');
  expect(printed).toContain('Sezione g: 262 unità SAP assegnabili');
  expect(printed).toMatch(/Piano incollato!F\d+: La tabella dei totali indica in tutto 261 unità assegnabili; dalle tabelle delle sezioni b–f risultano 262\./);
  const report = reportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
  expect(report.pasted?.standard).toEqual(['Comuni', 'Enti', 'Unita', 'SAT', 'Assegnazioni']);
  // The copy keeps the paste and adds Anomalie, whose rows point at the pasted cells.
  const copy = readXlsx(new Uint8Array(readFileSync(out)), 'copia.xlsx');
  const anomalie = copy.sheets.find((s) => s.name === 'Anomalie')!;
  expect(anomalie.values.some((row) => row.includes('Piano incollato') && row.some((v) => typeof v === 'string' && v.includes('261')))).toBe(true);
  const paste = copy.sheets.find((s) => s.name === 'Piano incollato')!;
  expect(paste.values.flat().filter((v) => v === '1 + 5da turn over')).toHaveLength(1);
});
