/**
 * The pane where it runs: a real Chromium. Standalone (no Office): each real plan chosen as a file,
 * the verdict and the g total on screen, the annotated copy downloaded and read back, no request
 * leaving the page. In Excel: a fake Office host injected before the page's scripts, the buttons
 * clicked as a user would, the fake workbook read afterwards. Accessibility (axe) and the keyboard,
 * and screenshots at task-pane width.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from 'node:http';
import ExcelJS from 'exceljs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { check } from '../../src/core/engine';
import { PLANS, planSnapshot, planXlsx } from '../support/workbooks';
import { ROOT, SCREENSHOTS, fakeOfficeScript, launch, officeJsScript, runAxe, serveDist } from './support';

const PANE = { width: 350, height: 900 };
const dir = mkdtempSync(join(tmpdir(), 'piano-e2e-'));
let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  ({ server, origin } = await serveDist());
  browser = await launch();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function standalonePage(): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
  const context = await browser.newContext({ viewport: PANE, acceptDownloads: true, locale: 'it-IT' });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${origin}/taskpane.html`);
  return { context, page, requests };
}

/** A page that believes it is in Excel: the fake host is installed before any script of the page. */
async function excelPage(sheets: Record<string, (string | number | null)[][]>, options: Record<string, unknown> = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PANE, locale: 'it-IT' });
  const page = await context.newPage();
  await page.addInitScript({ content: `${fakeOfficeScript()}\nwindow.__pianoFake.install(${JSON.stringify(sheets)}, ${JSON.stringify(options)});` });
  // office.js from the CDN is not reachable here: Microsoft's library from npm takes its place, connected to the fake host.
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: officeJsScript() }));
  await page.goto(`${origin}/taskpane.html?host=excel`);
  await page.getByRole('button', { name: 'Controlla e calcola' }).waitFor();
  return { context, page };
}

/** After an action the buttons are enabled again: the user can go on (and the screenshot shows the settled pane). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Controlla e calcola' && !b.disabled));
}

/** A plan's sheets as rows of values, typed as in Excel (numbers as numbers, codes as text). */
function planRows(plan: (typeof PLANS)[number]): Record<string, (string | number | null)[][]> {
  const snap = planSnapshot(plan);
  return Object.fromEntries(snap.sheets.map((s) => [s.name, s.values.map((r) => r.map((v) => (typeof v === 'boolean' ? String(v) : v)))]));
}

const CLEAN_PLAN: Record<string, (string | number | null)[][]> = {
  Ambito: [['Campo', 'Valore'], ['Ambito territoriale', 'Ambito di prova'], ['Comune capofila', 'Crema'], ['Anno di riferimento', 2027]],
  Comuni: [['Comune', 'Codice ISTAT', 'Comunicazione ricevuta'], ['Crema', '019035', 'Sì']],
  Enti: [['Ente proprietario', 'Tipo ente', 'Totale unità', 'Unità SAP', 'Unità SAS', 'Unità altri usi', 'g dichiarato'], ['Comune di Crema', 'Comune', 10, 10, 0, 0, 2]],
  Unita: [['ID unità', 'Ente proprietario', 'Comune', 'Stato', 'Destinazione'], [3150001, 'Comune di Crema', 'Crema', 'Libero', 'SAP'], [3150002, 'Comune di Crema', 'Crema', 'Libero', 'SAP']],
  SAT: [['Ente proprietario', 'Comune', 'Unità SAT'], ['Comune di Crema', 'Crema', 0]],
  Assegnazioni: [['Ente proprietario', 'Unità assegnate', 'di cui in deroga', "di cui mobilità d'ufficio"], ['Comune di Crema', 1, 0, 0]],
};

describe('standalone, without Excel', () => {
  test.each(PLANS)('%s: verdict and g total on screen, annotated copy downloaded, no request leaves the page', async (plan) => {
    const file = join(dir, `${plan}.xlsx`);
    writeFileSync(file, await planXlsx(plan));
    const expected = check(planSnapshot(plan)).report;
    const { context, page, requests } = await standalonePage();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText(`Pronto per l'Assemblea: ${expected.ready ? 'sì' : 'no'}`).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('g-total').textContent()).toBe(expected.totals.g.toLocaleString('it-IT'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Scarica la cartella annotata' }).click()]);
    expect(download.suggestedFilename()).toBe(`${plan}-annotato.xlsx`);
    const saved = join(dir, `${plan}-scaricato.xlsx`);
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.getWorksheet('Sezione g')!;
    const rows = expected.sectionG.map((_, i) => ({ ente: ws.getCell(5 + i, 1).value, g: ws.getCell(5 + i, 8).value }));
    expect(rows).toEqual(expected.sectionG.map((r) => ({ ente: r.ente, g: r.g })));
    expect(ws.getCell(5 + expected.sectionG.length, 8).value).toBe(expected.totals.g);
    // Only the page's own assets: the file never leaves the browser, office.js is not even asked for.
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    if (plan === 'cremona-2023') {
      await page.screenshot({ path: join(SCREENSHOTS, 'file-risultati.png'), fullPage: false });
      expect((await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    }
    await context.close();
  });

  test('the initial JavaScript is small and exceljs is loaded only when a file is chosen', async () => {
    const { context, page, requests } = await standalonePage();
    await page.getByRole('button', { name: 'Scegli un file .xlsx' }).waitFor();
    expect(requests.some((u) => /exceljs/.test(u))).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, 'file-vuoto.png') });
    expect((await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await context.close();
  });

  test('the initial JavaScript of the pane is under 300 KB gzipped (exceljs in a lazy chunk)', () => {
    const html = readFileSync(join(ROOT, 'dist', 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!).filter((s) => !s.startsWith('http'));
    const gz = scripts.map((s) => gzipSync(readFileSync(join(ROOT, 'dist', s)), { level: 9 }).length);
    const total = gz.reduce((a, b) => a + b, 0);
    console.log(`JavaScript iniziale: ${scripts.join(' + ')} = ${(total / 1024).toFixed(1)} KB gzip`);
    expect(scripts.some((s) => /exceljs/.test(s))).toBe(false);
    expect(total).toBeLessThan(300 * 1024);
  });

  test('a file that is not a workbook: an Italian message saying what to do', async () => {
    const bad = join(dir, 'non-un-file.xlsx');
    writeFileSync(bad, 'Ente,Comune\nALER,Crema\n');
    const { context, page } = await standalonePage();
    await page.locator('input[type=file]').setInputFiles(bad);
    await page.getByText(/non è una cartella di lavoro \.xlsx leggibile/).waitFor({ timeout: 30_000 });
    expect(await page.getByText(/salvarlo come «Cartella di lavoro di Excel/).count()).toBeGreaterThan(0);
    await context.close();
  });
});

describe('in Excel (fake Office host)', () => {
  test('Crea fogli standard, then Controlla e calcola, clicked as a user would', async () => {
    const { context, page } = await excelPage({ Foglio1: [['Note del capofila']] });
    await page.screenshot({ path: join(SCREENSHOTS, 'excel-vuoto.png') });
    expect((await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.getByRole('button', { name: 'Crea fogli standard' }).click();
    await page.getByText(/Fogli creati/).waitFor();
    const names = await page.evaluate(() => window.__pianoFake.data().sheets.map((s) => s.name));
    expect(names).toEqual(['Foglio1', 'Ambito', 'Comuni', 'Enti', 'Unita', 'SAT', 'Assegnazioni']);
    await page.getByRole('button', { name: 'Controlla e calcola' }).click();
    await page.getByText("Pronto per l'Assemblea: sì").waitFor();
    const after = await page.evaluate(() => window.__pianoFake.data().sheets.map((s) => s.name));
    expect(after).toEqual(expect.arrayContaining(['Sezione g', 'Anomalie', 'Riepilogo']));
    await context.close();
  });

  test('Cremona 2023: the results with anomalies; choosing one selects its cell in the workbook', async () => {
    const { context, page } = await excelPage(planRows('cremona-2023'), { syncDelayMs: 400 });
    await page.getByRole('button', { name: 'Controlla e calcola' }).click();
    await page.getByRole('progressbar').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'excel-in-corso.png') });
    await page.getByText("Pronto per l'Assemblea: no").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('g-total').textContent()).toBe('262');
    await settled(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'excel-risultati.png') });
    const fake = await page.evaluate(() => {
      const d = window.__pianoFake.data();
      return { sheets: d.sheets.map((s) => s.name), active: d.activeSheet, tables: d.tables.map((t) => t.name) };
    });
    expect(fake.sheets).toEqual(expect.arrayContaining(['Sezione g', 'Anomalie', 'Riepilogo']));
    expect(fake.active).toBe('Riepilogo');
    expect(fake.tables).toContain('SezioneG');
    // The only error: Pozzaglio ed Uniti's declared g. Its group opens, its item selects Enti!G27.
    await page.getByRole('button', { name: /Totale g diverso da quello dichiarato/ }).click();
    await page.getByRole('button', { name: /Enti!G27/ }).first().click();
    await page.waitForFunction(() => window.__pianoFake.data().selection === 'Enti!G27');
    expect((await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await context.close();
  });

  test('all clear: a plan without anomalies', async () => {
    expect(check({ sheets: Object.entries(CLEAN_PLAN).map(([name, values]) => ({ name, originRow: 0, originCol: 0, values })) }).report.anomalies).toEqual([]);
    const { context, page } = await excelPage(CLEAN_PLAN);
    await page.getByRole('button', { name: 'Controlla e calcola' }).click();
    await page.getByText(/Nessuna anomalia/).waitFor();
    await settled(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'excel-tutto-in-ordine.png') });
    const serious = (await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    await context.close();
  });

  test('a protected sheet does not hide the result: the verdict, and what could not be written there', async () => {
    const { context, page } = await excelPage(planRows('ogliopo-2021'), { protectedSheets: ['Unita'] });
    await page.getByRole('button', { name: 'Controlla e calcola' }).click();
    await page.getByText("Pronto per l'Assemblea: no").waitFor({ timeout: 60_000 });
    await page.getByText(/«Unita» è protetto/).waitFor();
    expect(await page.getByText(/Rimuovi protezione foglio/).count()).toBeGreaterThan(0);
    await settled(page);
    await page.getByText(/«Unita» è protetto/).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'excel-foglio-protetto.png') });
    const fake = await page.evaluate(() => {
      const d = window.__pianoFake.data();
      return { sheets: d.sheets.map((s) => s.name), unitaFormats: d.sheet('Unita')!.conditionalFormats.length };
    });
    expect(fake.sheets).toContain('Sezione g');
    expect(fake.unitaFormats).toBe(0);
    await context.close();
  });

  test('an Excel error (a cell being edited, on an Excel that cannot wait): the Italian message and what to do', async () => {
    const { context, page } = await excelPage(planRows('ogliopo-2021'), { excelApi: 7, editMode: true });
    await page.getByRole('button', { name: 'Controlla e calcola' }).click();
    await page.getByText(/Excel sta modificando una cella/).waitFor();
    expect(await page.getByText(/Invio o Esc/).count()).toBeGreaterThan(0);
    await settled(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'excel-errore.png') });
    const sheets = await page.evaluate(() => window.__pianoFake.data().sheets.map((s) => s.name));
    expect(sheets).not.toContain('Sezione g');
    await context.close();
  });

  test('the main flow with the keyboard alone', async () => {
    const { context, page } = await excelPage(planRows('ogliopo-2021'));
    // Tab to "Controlla e calcola", Enter; then Tab to the first anomaly that has a cell, Enter.
    const focusName = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? '');
    for (let i = 0; i < 20 && (await focusName()) !== 'Controlla e calcola'; i++) await page.keyboard.press('Tab');
    expect(await focusName()).toBe('Controlla e calcola');
    await page.keyboard.press('Enter');
    await page.getByText("Pronto per l'Assemblea: no").waitFor({ timeout: 60_000 });
    // The first group (errors first) opens with Enter on its header, then its first item.
    let header = false;
    for (let i = 0; i < 40 && !header; i++) {
      await page.keyboard.press('Tab');
      header = await page.evaluate(() => /Quota|SAT|Totale|Comune|Ente/.test((document.activeElement as HTMLElement | null)?.innerText ?? '') && document.activeElement?.getAttribute('aria-expanded') === 'false');
    }
    expect(header).toBe(true);
    await page.keyboard.press('Enter');
    let found = false;
    for (let i = 0; i < 60 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => (document.activeElement?.getAttribute('title') ?? '').startsWith('Vai alla cella'));
    }
    expect(found).toBe(true);
    const target = await page.evaluate(() => document.activeElement!.getAttribute('title')!.replace('Vai alla cella ', ''));
    await page.keyboard.press('Enter');
    await page.waitForFunction((t) => window.__pianoFake.data().selection.replace(/'/g, '') === t, target);
    await context.close();
  });
});
