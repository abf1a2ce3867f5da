/**
 * «Scarica il documento del piano (Word)» where users check a plan: the browser page and the add-in
 * (Excel on the web downloads; Excel for Mac cannot, and says what to do instead). The .docx that
 * arrives is opened and read; the docx library is loaded only when the document is asked for.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readDocx } from '../support/docx';
import { planSnapshot, planXlsx } from '../support/workbooks';
import { check } from '../../src/core/engine';
import { fakeOfficeScript, launch, officeJsScript, serveDist } from './support';

jest.setTimeout(180_000);

const PANE = { width: 350, height: 700 };
let browser: Browser;
let origin: string;
let server: { close(): void };
const dir = mkdtempSync(join(tmpdir(), 'piano-documento-'));

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

/** Script files the page fetched whose name says docx (the library's chunks). */
const docxScripts = (requests: string[]) => requests.filter((u) => /docx|document-client|documento/.test(u));

async function readDownload(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), click()]);
  const path = join(dir, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return { name: download.suggestedFilename(), doc: readDocx(new Uint8Array(readFileSync(path))) };
}

function planRows(plan: 'cremona-2023' | 'crema-2021'): Record<string, (string | number | null)[][]> {
  const snap = planSnapshot(plan);
  return Object.fromEntries(snap.sheets.map((s) => [s.name, s.values.map((r) => r.map((v) => (typeof v === 'boolean' ? String(v) : v)))]));
}

async function excelPage(sheets: Record<string, (string | number | null)[][]>, platform: string): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
  const context = await browser.newContext({ viewport: PANE, acceptDownloads: true, locale: 'it-IT' });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript({ content: `${fakeOfficeScript()}\nwindow.__pianoFake.install(${JSON.stringify(sheets)}, ${JSON.stringify({ platform })});` });
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: officeJsScript() }));
  await page.goto(`${origin}/taskpane.html?host=excel`);
  await page.getByRole('button', { name: 'Controlla e calcola' }).waitFor();
  return { context, page, requests };
}

const LABEL = 'Scarica il documento del piano (Word)';

describe('the plan document', () => {
  test('the page: beside the annotated copy; the .docx arrives with g and its total, BOZZA for a plan not ready', async () => {
    const file = join(dir, 'cremona-2023.xlsx');
    writeFileSync(file, await planXlsx('cremona-2023'));
    const expected = check(planSnapshot('cremona-2023')).report;
    const context = await browser.newContext({ viewport: PANE, acceptDownloads: true, locale: 'it-IT' });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${origin}/taskpane.html`);
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
    const { context, page, requests } = await excelPage(planRows('crema-2021'), 'OfficeOnline');
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
    const { context, page, requests } = await excelPage(planRows('crema-2021'), 'Mac');
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
