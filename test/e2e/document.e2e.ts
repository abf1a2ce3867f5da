/**
 * «Scarica il documento del piano (Word)» where users check a plan: the browser page and the add-in
 * (Excel on the web downloads; Excel for Mac cannot, and says what to do instead). The .docx that
 * arrives is opened and read; the docx library is loaded only when the document is asked for.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readDocx } from '../support/docx';
import { planSnapshot, planXlsx } from '../support/workbooks';
import { check } from '../../src/core/engine';
import { openExcelPane, openFilePage, usePaneHarness, planRows } from './support';

jest.setTimeout(180_000);

const h = usePaneHarness();
const dir = mkdtempSync(join(tmpdir(), 'piano-documento-'));

/** Script files the page fetched whose name says docx (the library's chunks). */
const docxScripts = (requests: string[]) => requests.filter((u) => /docx|document-client|documento/.test(u));

async function readDownload(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), click()]);
  const path = join(dir, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return { name: download.suggestedFilename(), doc: readDocx(new Uint8Array(readFileSync(path))) };
}



const LABEL = 'Scarica il documento del piano (Word)';

describe('the plan document', () => {
  test('the page: beside the annotated copy; the .docx arrives with g and its total, BOZZA for a plan not ready', async () => {
    const file = join(dir, 'cremona-2023.xlsx');
    writeFileSync(file, await planXlsx('cremona-2023'));
    const expected = check(planSnapshot('cremona-2023')).report;
    const { context, page, requests } = await openFilePage(h);
    await page.getByLabel('File del piano (.xlsx)').setInputFiles(file);
    const region = page.getByTestId('verdict-region');
    await region.getByRole('button', { name: LABEL }).waitFor({ timeout: 60_000 });
    expect(docxScripts(requests)).toEqual([]);
    const { name, doc } = await readDownload(page, () => region.getByRole('button', { name: LABEL }).click());
    expect(name).toMatch(/\.docx$/);
    const text = doc.text('word/document.xml');
    expect(text).toContain("Piano annuale dell'offerta dei servizi abitativi pubblici e sociali");
    expect(text).toContain('BOZZA');
    expect(text).toContain(expected.totals.g.toLocaleString('it-IT'));
    expect(docxScripts(requests).length).toBeGreaterThan(0);
    await page.getByText(/Documento «.+\.docx» scaricato/).waitFor();
    await context.close();
  });

  test('in Excel on the web: the same button under the verdict downloads the document (a ready plan: no BOZZA)', async () => {
    const { context, page, requests } = await openExcelPane(h, planRows('crema-2021'), { platform: 'OfficeOnline' });
    await page.getByRole('button', { name: 'Controlla e calcola' }).click();
    await page.getByText("Pronto per l'Assemblea: sì").waitFor({ timeout: 60_000 });
    expect(docxScripts(requests)).toEqual([]);
    const { doc } = await readDownload(page, () => page.getByTestId('verdict-region').getByRole('button', { name: LABEL }).click());
    const text = doc.text('word/document.xml');
    expect(text).toContain('Trescore Cremasco');
    expect(text).not.toContain('BOZZA');
    await context.close();
  });

  test('in Excel for Mac: no download (its web view refuses them); the pane says so and points to the browser page', async () => {
    const { context, page, requests } = await openExcelPane(h, planRows('crema-2021'), { platform: 'Mac' });
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: 'Controlla e calcola' }).click();
    await page.getByText("Pronto per l'Assemblea: sì").waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: LABEL }).click();
    const blocked = page.getByTestId('document-blocked');
    await blocked.waitFor();
    expect(await blocked.innerText()).toContain('Excel per Mac (e per iPad) non permette ai componenti aggiuntivi di salvare file');
    expect(await blocked.getByRole('link', { name: 'pagina di Piano Offerta nel browser' }).getAttribute('href')).toBe('taskpane.html');
    expect(downloads).toBe(0);
    expect(docxScripts(requests)).toEqual([]);
    await context.close();
  });
});
