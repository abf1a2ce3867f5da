/**
 * The browser tests of the pane in Excel on a 100,000-unit plan (excel-large.e2e.ts, excel-annulla.e2e.ts):
 * the plan, the fake Office host with its own time recorded, and what the page is watched for.
 *
 * What is measured, and why so. The fake Excel answers Office.js's requests on the page's main thread,
 * inside the same tasks as Office.js and the pane; real Excel answers out of the pane's process (Excel
 * desktop, or Excel on the web's own frame). So the fake's time is recorded (fake-office-timed.ts) and
 * taken out of each long task: what remains is the pane's own (Office.js and Piano Offerta). The stages
 * come from the service's performance marks (src/office/service.ts): reading (Excel.run's reads), the
 * engine (the rows to the worker, the worker, the answer back: Piano Offerta's code alone), writing
 * (Office.js building its requests, Piano Offerta queueing the commands).
 */
import { BrowserContext, Page } from 'playwright-core';
import { bigPlan } from '../support/fake-excel/big';
import { sheetValues } from '../support/fake-excel/host';
import { PaneHarness, Sheets, buttonEnabled, fakeOfficeScript, installedValues, openExcelPane } from './support';

export const UNITS = 100_000;
/** The bound: no task of the pane longer than this during a check. */
export const BOUND_MS = 100;

let sheets: Sheets | null = null;
/** The plan as rows of values, as the fake host installs them (Ambito, Comuni, Enti, Unita of 100,000 units). */
export function bigSheets(): Sheets {
  if (!sheets) {
    const big = bigPlan(UNITS);
    sheets = Object.fromEntries(big.sheets.map((s) => [s.name, installedValues(sheetValues(big, s.name))]));
  }
  return sheets;
}

/** The pane in a page that believes it is in Excel on the web, the large plan open, its first look at the workbook done. */
export async function bigExcelPage(h: PaneHarness): Promise<{ context: BrowserContext; page: Page }> {
  // The fake host with the fake Excel's own time recorded (fake-office-timed.ts).
  const { context, page } = await openExcelPane(h, bigSheets(), {}, { script: fakeOfficeScript('fake-office-timed.ts') });
  await buttonEnabled(page, 'Controlla e calcola');
  return { context, page };
}

export interface Task {
  start: number;
  duration: number;
}

/** Records every main-thread task over 50 ms, after showing that the observer sees one of 150 ms. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: { start: number; duration: number }[] };
    w.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask', buffered: false });
  });
  // (In a task of the page's own: code run by the test through the debugger is not one.)
  await page.evaluate(() => setTimeout(() => {
    const t = performance.now();
    while (performance.now() - t < 150);
  }, 0));
  await page.waitForFunction(() => (window as unknown as { __long: Task[] }).__long.some((d) => d.duration >= 140));
  await page.evaluate(() => {
    (window as unknown as { __long: unknown[] }).__long = [];
    window.__fakeExcelBusy = [];
  });
}

export async function longTasks(page: Page): Promise<{ tasks: Task[]; fakeBusy: [number, number][] }> {
  return page.evaluate(() => ({ tasks: (window as unknown as { __long: Task[] }).__long, fakeBusy: window.__fakeExcelBusy }));
}

/** Records every progress detail the pane shows (watched in its DOM: a fast machine passes a stage in a moment). */
export async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __details: string[] };
    w.__details = [];
    new MutationObserver(() => {
      for (const re of [/Foglio «[^»]+»: [\d.]+ righe lette/, /[\d.]+ righe in \d+ fogli/, /[\d.]+ anomali[ae] trovat[ae]: preparazione dei risultati/]) {
        const t = re.exec(document.body.textContent ?? '')?.[0];
        if (t && !w.__details.includes(t)) w.__details.push(t);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

export async function progressDetails(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __details: string[] }).__details);
}

/** A task's time minus the fake Excel's answering inside it: what the pane (Office.js and Piano Offerta) spent. */
export function paneTime(task: Task, busy: [number, number][]): number {
  const end = task.start + task.duration;
  const fake = busy.reduce((n, [a, b]) => n + Math.max(0, Math.min(b, end) - Math.max(a, task.start)), 0);
  return task.duration - fake;
}

export type Marks = Partial<Record<'inizio' | 'letto' | 'deciso' | 'fine', number>>;

/** The service's marks of the last check (performance.now() times). */
export async function marksOf(page: Page): Promise<Marks> {
  return page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('piano-offerta:')).map((m) => [m.name.slice('piano-offerta:'.length), m.startTime])),
  );
}

/** A short fingerprint of the whole fake workbook (values, formats, sheets, notes, settings…), computed in the page. */
export async function workbookHash(page: Page): Promise<string> {
  return page.evaluate(() => {
    const s = JSON.stringify(window.__pianoFake.dump());
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return `${s.length}:${(h >>> 0).toString(16)}`;
  });
}
