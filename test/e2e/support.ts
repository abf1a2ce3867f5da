/** The browser tests' harness: dist/ served on 127.0.0.1, Debian's Chromium, the fake Office bundle, axe. */
import { createServer, Server } from 'node:http';
import { readFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { AddressInfo } from 'node:net';
import { buildSync } from 'esbuild';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { excelMemberSets } from '../support/fake-excel/api-sets';
import { officeJsSource } from '../support/fake-excel/host';
import { PlanName, planSnapshot } from '../support/workbooks';

/** The project's root: the nearest folder up with a package.json (this file also runs bundled, from build/). */
export const ROOT = (() => {
  let d = __dirname;
  while (!existsSync(join(d, 'package.json')) && dirname(d) !== d) d = dirname(d);
  return d;
})();
export const DIST = join(ROOT, process.env.PIANO_DIST || 'dist');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.png': 'image/png', '.xml': 'application/xml', '.map': 'application/json' };

export async function serveDist(): Promise<{ server: Server; origin: string }> {
  if (!existsSync(join(DIST, 'taskpane.html'))) throw new Error('dist/ non costruito: eseguire «npm run test:e2e» (costruisce il riquadro prima dei test).');
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    const file = join(DIST, path === '/' ? 'taskpane.html' : path);
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const fakeBundles = new Map<string, string>();
/**
 * The fake Office host's part that runs first (playwright's init script): the requirement sets of
 * @types/office-js and the fake server, built from the same TypeScript as the unit tests. `entry` is
 * the host's file in this folder (fake-office-timed.ts: the same host, its own time recorded); each
 * one built once.
 */
export function fakeOfficeScript(entry = 'fake-office.ts'): string {
  let bundle = fakeBundles.get(entry);
  if (bundle === undefined) {
    bundle = [
      `window.__pianoApiSets = ${JSON.stringify(excelMemberSets())};`,
      buildSync({ entryPoints: [join(__dirname, entry)], bundle: true, format: 'iife', platform: 'browser', write: false, target: 'es2020' }).outputFiles[0]!.text,
    ].join('\n');
    fakeBundles.set(entry, bundle);
  }
  return bundle;
}

/**
 * What the test serves in place of office.js from Microsoft's CDN: Microsoft's Office.js (Excel on
 * the web's build, from @microsoft/office-js), then the fake host connects to it. A real script tag,
 * as in Excel: the library's globals must be globals.
 */
export function officeJsScript(): string {
  return `${officeJsSource()}\nwindow.__pianoFake.connect();`;
}

export async function runAxe(page: Page): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
  await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { html: string }[] }[] }> } }).axe;
    // Fluent UI's focus manager (Tabster) adds 1-px focus sentinels, aria-hidden and focusable by design,
    // that hand focus on at once: not content. Everything else of the page is scanned.
    const r = await axe.run({ include: [['body']], exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.html.slice(0, 200)) }));
  });
  return results;
}

/**
 * Screenshots go to a temporary folder: the tracked ones in docs/screenshots change only when someone
 * regenerates them on purpose (PIANO_SCREENSHOTS=docs/screenshots npm run test:e2e).
 */
export const SCREENSHOTS = process.env.PIANO_SCREENSHOTS ? join(ROOT, process.env.PIANO_SCREENSHOTS) : mkdtempSync(join(tmpdir(), 'piano-screenshots-'));
mkdirSync(SCREENSHOTS, { recursive: true });

/** The task pane's size in Office: what every browser test of the pane looks at. */
export const PANE = { width: 350, height: 900 };

export type Sheets = Record<string, (string | number | null)[][]>;

/** The served dist/ and one Chromium for a test file: opened before its tests, closed after. */
export interface PaneHarness {
  readonly browser: Browser;
  readonly origin: string;
}

export function usePaneHarness(): PaneHarness {
  let server: Server | undefined;
  const h = { browser: undefined as unknown as Browser, origin: '' };
  beforeAll(async () => {
    const served = await serveDist();
    server = served.server;
    h.origin = served.origin;
    h.browser = await launch();
  });
  afterAll(async () => {
    await h.browser?.close();
    server?.close();
  });
  return h;
}

type OpenedPage = { context: BrowserContext; page: Page; requests: string[] };

/** A new context (Italian, downloads accepted) and its page, recording every request the page makes; nothing loaded yet. */
async function recordingPage(h: PaneHarness, viewport: { width: number; height: number }, deviceScaleFactor: number): Promise<OpenedPage> {
  const context = await h.browser.newContext({ viewport, deviceScaleFactor, acceptDownloads: true, locale: 'it-IT' });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  return { context, page, requests };
}

/** The page without Excel, recording every request it makes. */
export async function openFilePage(h: PaneHarness): Promise<OpenedPage> {
  const opened = await recordingPage(h, PANE, 1);
  await opened.page.goto(`${h.origin}/taskpane.html`);
  return opened;
}

/**
 * A pane that believes it is in Excel: the fake host (`script`, by default fake-office.ts) installed with
 * `sheets` before any script of the page, Microsoft's Office.js from npm in place of the CDN's.
 */
export async function openExcelPane(
  h: PaneHarness,
  sheets: Sheets,
  options: Record<string, unknown> = {},
  { viewport = PANE, script = fakeOfficeScript(), deviceScaleFactor = 1 }: { viewport?: { width: number; height: number }; script?: string; deviceScaleFactor?: number } = {},
): Promise<OpenedPage> {
  const opened = await recordingPage(h, viewport, deviceScaleFactor);
  const { page } = opened;
  await page.addInitScript({ content: `${script}\nwindow.__pianoFake.install(${JSON.stringify(sheets)}, ${JSON.stringify(options)});` });
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: officeJsScript() }));
  await page.goto(`${h.origin}/taskpane.html?host=excel`);
  await page.getByRole('button', { name: 'Controlla e calcola' }).waitFor();
  return opened;
}

/**
 * The button named `name` (its text) is there and enabled: after «Controlla e calcola», the pane at
 * rest, the user can go on (and a screenshot shows the settled pane).
 */
export async function buttonEnabled(page: Page, name: string): Promise<void> {
  await page.waitForFunction((n) => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === n && !b.disabled), name);
}

/** A sheet's values as the fake host installs them: a boolean as its text. */
export function installedValues(values: (string | number | boolean | null)[][]): Sheets[string] {
  return values.map((r) => r.map((v) => (typeof v === 'boolean' ? String(v) : v)));
}

/** A plan's sheets as rows of values, typed as in Excel (numbers as numbers, codes as text). */
export function planRows(plan: PlanName): Sheets {
  const snap = planSnapshot(plan);
  return Object.fromEntries(snap.sheets.map((s) => [s.name, installedValues(s.values)]));
}
