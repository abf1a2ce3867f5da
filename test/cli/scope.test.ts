/**
 * What was checked, said as the spec says ("Scope and readiness"), on the command line: a plan gets the
 * Assemblea's verdict, one owner's list its own verdict, and a workbook that is no plan exit 2 with
 * nothing written.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { reportSchema } from '../../src/core/report';
import { runCli } from '../support/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'piano-scope-'));

async function xlsx(name: string, sheets: Record<string, (string | number | null)[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
  const file = join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

async function check(file: string) {
  const json = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  const copy = join(dir, `${Math.random().toString(36).slice(2)}-annotato.xlsx`);
  const r = await runCli(['check', file, '--json', json, '--out', copy]);
  return { ...r, json, copy, report: existsSync(json) ? reportSchema.parse(JSON.parse(readFileSync(json, 'utf8'))) : null };
}

test('an address book is no plan: exit 2, what was looked for and what was found, no report and no copy', async () => {
  const file = await xlsx('rubrica', { Contatti: [['Nome', 'Cognome', 'Comune', 'Telefono'], ['Anna', 'Rossi', 'Crema', '0373 1234']] });
  const r = await check(file);
  expect(r.code).toBe(2);
  expect(r.err).toContain("Questo file non contiene un piano da controllare: nessun foglio ha l'elenco delle unità abitative.");
  expect(r.err).toContain('«Ente proprietario» e «Stato»');
  expect(r.err).toContain('Fogli presenti: «Contatti».');
  expect(r.out).toBe('');
  expect(existsSync(r.json)).toBe(false);
  expect(existsSync(r.copy)).toBe(false);
});

test('an empty workbook is no plan either, and says its sheet is empty', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Foglio1');
  const file = join(dir, 'vuota.xlsx');
  await wb.xlsx.writeFile(file);
  const r = await check(file);
  expect(r.code).toBe(2);
  expect(r.err).toContain('Fogli presenti: «Foglio1» (vuoto).');
  expect(existsSync(r.copy)).toBe(false);
});

test("ALER's own list (Unita only): scope ente, never «pronto per l'Assemblea», the list's own verdict", async () => {
  const file = await xlsx('aler', {
    'Allegato B': [
      ['Codice ID', 'Ente proprietario', 'Comune', 'Stato', 'Numero unità'],
      [3169348, 'ALER Brescia-Cremona-Mantova', 'Cremona', 'Libero', 1],
      [3169334, 'ALER Brescia-Cremona-Mantova', 'Pozzaglio ed Uniti', 'Carenza manutentiva', 1],
    ],
  });
  const r = await check(file);
  expect(r.report).toMatchObject({ scope: 'ente', ready: false, counts: { error: 0 } });
  expect(r.code).toBe(0);
  expect(r.out).toContain("\nElenco delle unità – ALER Brescia-Cremona-Mantova: nessun errore (elenco di un solo ente, non un piano d'ambito)");
  expect(r.out).not.toContain("Pronto per l'Assemblea");
  // The copy's sheets say the same, never the Assemblea's verdict.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(r.copy);
  const subtitle = String(wb.getWorksheet('Anomalie')!.getCell(2, 1).value);
  expect(subtitle).toMatch(/^Elenco delle unità – ALER Brescia-Cremona-Mantova: nessun errore · /);
});

test('a plan without Assegnazioni: no error, yet not ready, and the summary says why', async () => {
  const file = await xlsx('senza-k', {
    Ambito: [['Ambito territoriale', 'Cremasco'], ['Anno di riferimento', 2024]],
    Comuni: [['Comune', 'Comunicazione ricevuta'], ['Crema', 'Sì']],
    Enti: [['Ente proprietario', 'Tipo ente', 'Unità SAP'], ['Comune di Crema', 'Comune', 10]],
    Unita: [['Codice ID', 'Ente proprietario', 'Comune', 'Stato'], [3155521, 'Comune di Crema', 'Crema', 'Libero']],
  });
  const r = await check(file);
  expect(r.report).toMatchObject({ scope: 'ambito', ready: false, counts: { error: 0 } });
  expect(r.code).toBe(0);
  expect(r.out).toContain("Pronto per l'Assemblea: no – manca il foglio «Assegnazioni» (unità assegnate l'anno precedente, sezione k)");
});
