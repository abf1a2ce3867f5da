/**
 * The browser page compares the plan with last year's (a second file: its workbook or JSON report):
 * the comparison's findings in the list, the years named; a report of the wrong year refused in Italian.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { check } from '../../src/core/engine';
import { planSnapshot, planXlsx } from '../support/workbooks';
import { SCREENSHOTS, launch, serveDist } from './support';

jest.setTimeout(180_000);

const PANE = { width: 350, height: 700 };
let browser: Browser;
let origin: string;
let server: { close(): void };
const dir = mkdtempSync(join(tmpdir(), 'piano-precedente-'));

beforeAll(async () => {
  const served = await serveDist();
  server = served.server;
  origin = served.origin;
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

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
  const context = await browser.newContext({ viewport: PANE, locale: 'it-IT' });
  const page = await context.newPage();
  await page.goto(`${origin}/taskpane.html`);
  await page.locator('input[type=file]').first().setInputFiles(plan);
  await page.getByTestId('g-total').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('compared').count()).toBe(0);

  // The second file, chosen after the check: the same plan is checked again with it.
  await page.getByLabel("Piano dell'anno precedente (.xlsx o .json)").setInputFiles(reportOf(2022, 'cremona-2022.json'));
  const compared = page.getByTestId('compared');
  await compared.waitFor({ timeout: 60_000 });
  expect(await compared.innerText()).toMatch(/^Confronto con l'anno precedente: 2022 \(«cremona-2022\.json», report JSON: solo la sezione g\)\. 0 avvisi e \d+ informazioni/);
  expect(await page.getByTestId('previous-chosen').innerText()).toContain('«cremona-2022.json»');
  await page.screenshot({ path: join(SCREENSHOTS, 'file-confronto.png') });

  // A report of the same year is no previous year: the reason and what to choose.
  await page.getByLabel("Piano dell'anno precedente (.xlsx o .json)").setInputFiles(reportOf(2023, 'cremona-2023.json'));
  await page.getByText('«cremona-2023.json» è il piano 2023, non di un anno precedente al 2023: indicare il piano 2022.').waitFor({ timeout: 60_000 });
  expect(await page.getByText(/Scegliere il piano dell'anno precedente dello stesso ambito/).count()).toBe(1);

  // Without the comparison the plan's results are as before.
  await page.getByRole('button', { name: 'Togli il confronto' }).click();
  await page.getByTestId('g-total').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('compared').count()).toBe(0);
  await context.close();
});
