/** What a user sees when the command line cannot do its job: an Italian message and exit status 2. */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { runCli } from '../support/run-cli';
import { planXlsx } from '../support/workbooks';

const dir = mkdtempSync(join(tmpdir(), 'piano-errors-'));

test('a missing file: exit 2, says the file does not exist', async () => {
  const r = await runCli(['check', join(dir, 'manca.xlsx')]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/non esiste/);
});

test('a file that is not an .xlsx (a CSV renamed): exit 2, says how to save it', async () => {
  const f = join(dir, 'finto.xlsx');
  writeFileSync(f, 'Ente proprietario,Comune\nALER,Crema\n');
  for (const extra of [[], ['--out', join(dir, 'x.xlsx')]]) {
    const r = await runCli(['check', f, ...extra]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\.xlsx/);
    expect(r.err).not.toMatch(/at .*\.js/); // no stack trace
  }
});

test('--out equal to the input is refused: the input is never modified', async () => {
  const f = join(dir, 'piano.xlsx');
  writeFileSync(f, await planXlsx('crema-2019'));
  const r = await runCli(['check', f, '--out', f]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/non viene mai modificato/);
});

test('wrong usage prints the usage in Italian with exit 2', async () => {
  const r = await runCli(['check']);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/Uso:/);
  expect((await runCli(['check', 'a.xlsx', '--json'])).code).toBe(2);
});

test('a workbook without Unita is no plan: exit 2, an Italian message naming what was looked for, no copy written', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Foglio1').getCell('A1').value = 'niente';
  const f = join(dir, 'vuoto.xlsx');
  await wb.xlsx.writeFile(f);
  const out = join(dir, 'vuoto-annotato.xlsx');
  const r = await runCli(['check', f, '--out', out, '--json', join(dir, 'vuoto.json')]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/non contiene un piano da controllare.*«Unita».*«Ente proprietario» e «Stato».*Fogli presenti: «Foglio1»/);
  expect(r.out).toBe('');
  expect(existsSync(out)).toBe(false);
  expect(existsSync(join(dir, 'vuoto.json'))).toBe(false);
});

test('a user\'s own sheet called "Riepilogo": the annotated copy is refused (exit 2), a user\'s note is kept under ours', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Unita').addRows([['Ente proprietario', 'Comune', 'Stato'], ['Comune di Crema', 'Vaiano', 'Libero']]);
  wb.addWorksheet('Riepilogo').getCell('A1').value = 'Le mie note';
  const f = join(dir, 'riepilogo-utente.xlsx');
  await wb.xlsx.writeFile(f);
  const r = await runCli(['check', f, '--out', join(dir, 'riepilogo-out.xlsx')]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/«Riepilogo» che non è stato creato da Piano Offerta/);

  const wb2 = new ExcelJS.Workbook();
  const ws = wb2.addWorksheet('Unita');
  ws.addRows([['Ente proprietario', 'Comune', 'Stato'], ['Comune di Crema', 'Vaiano', 'Libero']]);
  ws.getCell('B2').note = 'Da verificare con il comune';
  const f2 = join(dir, 'nota-utente.xlsx');
  await wb2.xlsx.writeFile(f2);
  const out = join(dir, 'nota-out.xlsx');
  await runCli(['check', f2, '--out', out, '--quiet']);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(out);
  const note = back.getWorksheet('Unita')!.getCell('B2').note;
  const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
  expect(text).toMatch(/^Da verificare con il comune\n\nPiano Offerta/);
});
