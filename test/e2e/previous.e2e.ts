/**
 * The browser page compares the plan with last year's (a second file: its workbook or JSON report):
 * the comparison's findings in the list, the years named; a report of the wrong year refused in Italian.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '../../src/core/engine';
import { planSnapshot, planXlsx, snapshot } from '../support/workbooks';
import { SCREENSHOTS, Sheets, buttonEnabled, openExcelPane, openFilePage, usePaneHarness } from './support';

jest.setTimeout(180_000);

const h = usePaneHarness();
const dir = mkdtempSync(join(tmpdir(), 'piano-precedente-'));

/** Cremona's own report, dated one year earlier (or as given): a previous year the page can read. */
function reportOf(anno: number, name: string): string {
  const report = { ...check(planSnapshot('cremona-2023')).report, anno };
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(report));
  return file;
}

test('the page: Cremona 2023 against its 2022 report; the comparison named and found; then a report of the same year refused', async () => {
  const plan = join(dir, 'cremona-2023.xlsx');
  writeFileSync(plan, await planXlsx('cremona-2023'));
  const { context, page } = await openFilePage(h);
  await page.getByLabel('File del piano (.xlsx)').setInputFiles(plan);
  await page.getByTestId('g-total').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('compared').count()).toBe(0);

  // The second file, chosen after the check (its button is enabled once the copy is ready too): the same plan is checked again with it.
  await buttonEnabled(page, "Confronta con l'anno precedente…");
  await page.getByLabel("Piano dell'anno precedente (.xlsx o .json)").setInputFiles(reportOf(2022, 'cremona-2022.json'));
  const compared = page.getByTestId('compared');
  await compared.waitFor({ timeout: 60_000 });
  expect(await compared.innerText()).toMatch(/^Confronto con l'anno precedente: 2022 \(«cremona-2022\.json», report JSON: solo la sezione g\)\. 0 avvisi e \d+ informazioni/);
  expect(await page.getByTestId('previous-chosen').innerText()).toContain('«cremona-2022.json»');
  await page.screenshot({ path: join(SCREENSHOTS, 'file-confronto.png') });

  // A report of the same year is no previous year: the reason and what to choose.
  await buttonEnabled(page, "Confronta con l'anno precedente…");
  await page.getByLabel("Piano dell'anno precedente (.xlsx o .json)").setInputFiles(reportOf(2023, 'cremona-2023.json'));
  await page.getByText('«cremona-2023.json» è il piano 2023, non di un anno precedente al 2023: indicare il piano 2022.').waitFor({ timeout: 60_000 });
  expect(await page.getByText(/Scegliere il piano dell'anno precedente dello stesso ambito/).count()).toBe(1);

  // Without the comparison the plan's results are as before.
  await page.getByRole('button', { name: 'Togli il confronto' }).click();
  await page.getByTestId('g-total').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('compared').count()).toBe(0);
  await context.close();
});

/** A small plan of the fake Excel, and its own report dated the year before. */
const PLAN: Sheets = {
  Ambito: [['Campo', 'Valore'], ['Ambito territoriale', 'Ambito di prova'], ['Comune capofila', 'Crema'], ['Anno di riferimento', 2027]],
  Comuni: [['Comune', 'Codice ISTAT', 'Comunicazione ricevuta'], ['Crema', '019035', 'Sì']],
  Enti: [['Ente proprietario', 'Tipo ente', 'Totale unità', 'Unità SAP', 'Unità SAS', 'Unità altri usi', 'g dichiarato'], ['Comune di Crema', 'Comune', 10, 10, 0, 0, 2]],
  Unita: [['ID unità', 'Ente proprietario', 'Comune', 'Stato', 'Destinazione'], [3150001, 'Comune di Crema', 'Crema', 'Libero', 'SAP'], [3150002, 'Comune di Crema', 'Crema', 'Libero', 'SAP']],
  Assegnazioni: [['Ente proprietario', 'Unità assegnate', 'di cui in deroga', "di cui mobilità d'ufficio"], ['Comune di Crema', 1, 0, 0]],
};

test('in Excel: «Confronta con l\'anno precedente…» with last year\'s report; the findings in the pane and in Riepilogo; «Togli il confronto»', async () => {
  const previous = join(dir, 'piano-2026.json');
  writeFileSync(previous, JSON.stringify({ ...check(snapshot(PLAN)).report, anno: 2026 }));
  const { context, page } = await openExcelPane(h, PLAN);
  await page.getByRole('button', { name: "Confronta con l'anno precedente…" }).waitFor();
  await page.getByLabel("Piano dell'anno precedente (.xlsx o .json)").setInputFiles(previous);
  const compared = page.getByTestId('compared');
  await compared.waitFor({ timeout: 60_000 });
  expect(await compared.innerText()).toMatch(/^Confronto con l'anno precedente: 2026 \(«piano-2026\.json», report JSON: solo la sezione g\)\. 0 avvisi e 1 informazione/);
  expect(await page.getByTestId('previous-chosen').innerText()).toBe('Anno precedente: «piano-2026.json»');
  // The per-owner table, as in Riepilogo: g last year, assigned this year, still listed (no IDs in a report), g now.
  const table = page.getByTestId('comparison-table');
  expect(await table.getByRole('columnheader', { name: 'g nel piano 2026' }).count()).toBe(1);
  const rows = await table.getByRole('row').allInnerTexts();
  expect(rows.map((r) => r.split(/\s*\t\s*|\n+/).filter(Boolean))).toEqual([
    ['Ente', 'g 2026', 'k 2027', 'stesso ID', 'g 2027'],
    ['Comune di Crema', '2', '1', '–', '2'],
    ['Totale (1 ente)', '2', '1', '–', '2'],
  ]);
  const riepilogo = await page.evaluate(() => [...window.__pianoFake.data().sheet('Riepilogo')!.cells.values()].map((c) => String(c.value ?? '')));
  expect(riepilogo).toContain("Confronto con l'anno precedente (piano 2026, dal report JSON: solo la sezione g)");
  await compared.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: join(SCREENSHOTS, 'excel-confronto.png') });
  await page.getByRole('button', { name: 'Togli il confronto' }).click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="compared"]') && !document.querySelector('[data-testid="previous-chosen"]'));
  await page.getByTestId('g-total').waitFor({ timeout: 60_000 });
  await context.close();
});
