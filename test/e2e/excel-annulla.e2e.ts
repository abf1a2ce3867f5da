/**
 * «Annulla» in Excel on a 100,000-unit plan, clicked while the engine works: the worker is terminated,
 * the pane says the workbook was not touched and it was not (the whole fake workbook compared), and
 * the next check runs to its end.
 */
import { bigExcelPage, marksOf, workbookHash } from './excel-large-support';
import { buttonEnabled, usePaneHarness } from './support';

const h = usePaneHarness();

test('«Annulla» while the engine works: the worker stops, the workbook is exactly as it was, and the next check runs', async () => {
  const { context, page } = await bigExcelPage(h);
  const before = await workbookHash(page);
  // Which workers the pane starts and terminates (a worker terminated at once may never be reported to the test otherwise).
  await page.evaluate(() => {
    const w = window as unknown as { __workers: { name: string; terminated: boolean }[]; Worker: typeof Worker };
    w.__workers = [];
    const Base = w.Worker;
    w.Worker = class extends Base {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        const entry = { name: options?.name ?? '', terminated: false };
        w.__workers.push(entry);
        const terminate = this.terminate.bind(this);
        this.terminate = () => {
          entry.terminated = true;
          terminate();
        };
      }
    };
  });
  // «Annulla» clicked by the page itself the moment the bar says the rows go to the engine: no race with a fast machine.
  await page.evaluate(() => {
    const observer = new MutationObserver(() => {
      if (!/Foglio «Unita»: [\d.]+ righe lette/.test(document.body.textContent ?? '')) return;
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Annulla' && !b.disabled);
      if (!button) return;
      observer.disconnect();
      button.click();
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Controlla e calcola' }).click();
  await page.getByText('Controllo annullato: la cartella non è stata modificata.').waitFor({ timeout: 120_000 });
  const marks = await marksOf(page);
  // Stopped after the reading, before the decision: in the engine's stage.
  expect(marks.letto).toBeDefined();
  expect(marks.deciso).toBeUndefined();
  await buttonEnabled(page, 'Controlla e calcola');
  expect(await page.getByTestId('g-total').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __workers: unknown[] }).__workers)).toEqual([{ name: 'piano-offerta-engine', terminated: true }]);
  // Whatever Office.js still had on its way has arrived: nothing was written.
  await page.waitForTimeout(500);
  expect(await workbookHash(page)).toBe(before);
  // And the next check runs to its end.
  await page.getByRole('button', { name: 'Controlla e calcola' }).click();
  await page.getByTestId('g-total').waitFor({ timeout: 180_000 });
  expect(await workbookHash(page)).not.toBe(before);
  await context.close();
});
