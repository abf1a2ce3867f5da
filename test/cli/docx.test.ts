/**
 * `check --docx`: the plan document written beside the other outputs, never over the input or the
 * annotated copy; the summary says where it is and whether it is a draft.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDocx } from '../support/docx';
import { runCli } from '../support/run-cli';
import { planXlsx } from '../support/workbooks';

const dir = mkdtempSync(join(tmpdir(), 'piano-docx-'));

test('check --docx writes the document; a plan not ready gets BOZZA, and the summary says so', async () => {
  const input = join(dir, 'cremona-2023.xlsx');
  writeFileSync(input, await planXlsx('cremona-2023'));
  const docx = join(dir, 'piano.docx');
  const r = await runCli(['check', input, '--docx', docx, '--out', join(dir, 'annotata.xlsx')]);
  expect(r.code).toBe(1);
  expect(r.out).toContain(`Documento del piano (Word): ${docx} – BOZZA, con gli errori ancora da correggere in fondo`);
  const doc = readDocx(readFileSync(docx));
  expect(doc.text('word/document.xml')).toContain('BOZZA');
  expect(doc.text('word/document.xml')).toContain('g) Numero complessivo delle unità abitative destinate a SAP');
});

test('a ready plan: no BOZZA, the summary gives the file alone', async () => {
  const input = join(dir, 'crema-2021.xlsx');
  writeFileSync(input, await planXlsx('crema-2021'));
  const docx = join(dir, 'crema-2021.docx');
  const r = await runCli(['check', input, '--docx', docx, '--quiet']);
  expect(r.code).toBe(0);
  expect(r.out).toBe('');
  expect(readDocx(readFileSync(docx)).text('word/document.xml')).not.toContain('BOZZA');
  const loud = await runCli(['check', input, '--docx', docx]);
  expect(loud.out.trim().split('\n').at(-1)).toBe(`Documento del piano (Word): ${docx}`);
});

test('--docx over the input or over the --out copy is refused, exit 2, nothing written', async () => {
  const input = join(dir, 'input.xlsx');
  const bytes = await planXlsx('crema-2019');
  writeFileSync(input, bytes);
  const over = await runCli(['check', input, '--docx', input]);
  expect(over.code).toBe(2);
  expect(over.err).toContain(`--docx non può essere il file di input: il file «${input}» non viene mai modificato.`);
  expect(readFileSync(input).equals(bytes)).toBe(true);
  const same = join(dir, 'stesso');
  const both = await runCli(['check', input, '--docx', same, '--out', same]);
  expect(both.code).toBe(2);
  expect(both.err).toContain('--docx e --out indicano lo stesso file');
  expect(existsSync(same)).toBe(false);
});

test('--docx without a file name: the usage, exit 2', async () => {
  const r = await runCli(['check', join(dir, 'input.xlsx'), '--docx']);
  expect(r.code).toBe(2);
  expect(r.err).toContain('--docx     scrive il documento del piano (Word)');
});
