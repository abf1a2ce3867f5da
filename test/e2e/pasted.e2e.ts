/**
 * Issue 14 in the browser: the pane on a plan pasted section by section (Crema 2021's tables from the
 * approved document, stacked on one sheet beside the standard Ambito sheet), in Microsoft's Office.js
 * before the fake host. The verdict and g as for the standard workbook, the paste named above the
 * results, and «Crea fogli standard» filling the standard sheets from it.
 */
import { join } from 'node:path';
import { pastedSheets } from '../support/pasted';
import { planRows, SCREENSHOTS, Sheets, openExcelPane, usePaneHarness } from './support';

jest.setTimeout(180_000);

const h = usePaneHarness();

/** The paste as the fake's rows: a percent cell as the text Excel shows («10%»). */
function pasted(): Sheets {
  const [sheet] = pastedSheets('crema-2021', 'stacked');
  const rows = sheet!.values.map((row, r) => row.map((v, c) => (sheet!.formats?.[r]?.[c] === '0%' && typeof v === 'number' ? `${Math.round(v * 100)}%` : typeof v === 'boolean' ? String(v) : v)));
  return { Ambito: planRows('crema-2021').Ambito!, [sheet!.name]: rows };
}

test('Crema 2021 pasted on one sheet: g 114 and the sections named; «Crea fogli standard» fills the sheets, and the next check reads them', async () => {
  const { context, page } = await openExcelPane(h, pasted());
  await page.getByRole('button', { name: 'Controlla e calcola' }).click();
  await page.getByTestId('g-total').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('g-total').textContent()).toBe('114');
  const note = page.getByTestId('pasted-note');
  expect(await note.innerText()).toContain('Piano letto dalle tabelle incollate nel foglio «Piano incollato»');
  // Before issue 14 this sheet was read as Enti: «Sezione g: 0» and 94 errors. Now no error: only the
  // standard Comuni sheet (the ambito's list with who answered) is missing for the Assemblea.
  const verdict = await page.getByTestId('verdict').innerText();
  expect(verdict).not.toMatch(/error/i);
  expect(verdict).toContain('Manca il foglio «Comuni»');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, 'excel-incollato.png'), fullPage: true });

  await note.getByRole('button', { name: 'Vai a «Crea fogli standard»' }).click();
  expect(await page.getByRole('checkbox', { name: /Riempili con i dati delle tabelle incollate/ }).isChecked()).toBe(true);
  await page.getByRole('button', { name: 'Crea fogli standard', exact: true }).click();
  await page.getByText(/Riempiti con i dati delle tabelle incollate: «Comuni», «Enti», «Unita», «SAT» e «Assegnazioni»\./).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Controlla e calcola' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="pasted-note"]')?.textContent?.includes('contano i fogli standard'), undefined, { timeout: 60_000 });
  expect(await page.getByTestId('g-total').textContent()).toBe('114');
  await context.close();
});
