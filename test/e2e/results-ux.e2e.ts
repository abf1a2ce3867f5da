/**
 * The results at the task pane's 350 px, in a real Chromium with the fake Office host: the severity
 * badges that filter the list, the anomaly that looks and acts as a way to its cell, and a pane that
 * fits (nothing wider than the pane). Screenshots go to the temporary folder of support.ts.
 */
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { PLANS } from '../support/workbooks';
import { SCREENSHOTS, Sheets, buttonEnabled, openExcelPane, planRows, runAxe, usePaneHarness } from './support';

const PANE = { width: 350, height: 700 };
const h = usePaneHarness();
beforeAll(() => console.log(`Schermate: ${SCREENSHOTS}`));


// Twice the pixels: the screenshots are for reading details (focus outline, underline).
const excelPage = (sheets: Sheets) => openExcelPane(h, sheets, {}, { viewport: PANE, deviceScaleFactor: 2 });

async function checked(plan: (typeof PLANS)[number]): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await excelPage(planRows(plan));
  await page.getByRole('button', { name: 'Controlla e calcola' }).click();
  await page.getByTestId('verdict').waitFor({ timeout: 60_000 });
  await buttonEnabled(page, 'Controlla e calcola');
  return { context, page };
}

/** What shows past the pane's right edge (what an ancestor clips away does not show): nothing should. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const shownRight = (e: Element): number => {
      let right = e.getBoundingClientRect().right;
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') right = Math.min(right, p.getBoundingClientRect().right);
      }
      return right;
    };
    return [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((e) => e.getClientRects().length > 0 && !e.closest('[data-tabster-dummy]') && shownRight(e) > width + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 40)}: ${(e.textContent ?? '').slice(0, 40)}`);
  });
}

/** The element on top at the middle of the locator's box is the element itself (or inside it): nothing covers it. */
async function uncovered(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const e = document.querySelector<HTMLElement>(sel);
    if (!e) return false;
    const r = e.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) return false;
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return top !== null && (top === e || e.contains(top));
  }, selector);
}

describe('the results of a real plan at 350 px (Cremona 2023, in Excel)', () => {
  test('fits the pane; a severity badge shows its anomalies; an anomaly looks and acts as the way to its cell', async () => {
    const { context, page } = await checked('cremona-2023');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE.width);
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'ux-risultati.png') });
    await page.screenshot({ path: join(SCREENSHOTS, 'ux-risultati-intera.png'), fullPage: true });

    // The counts are buttons that say what they do; 1 errore, 56 avvisi, 35 informazioni.
    const badges = page.getByRole('list', { name: 'Anomalie per gravità' });
    expect(await badges.getByRole('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')))).toEqual([
      'Mostra 1 errore',
      'Mostra i 56 avvisi',
      'Mostra le 35 informazioni',
    ]);
    await page.getByRole('button', { name: 'Mostra 1 errore' }).click();
    const errorsTab = page.getByRole('tab', { name: 'Errori (1)' });
    expect(await errorsTab.getAttribute('aria-selected')).toBe('true');
    // The focus is on the chosen tab, the list is in view and not under anything sticky.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Errori (1)');
    await page.waitForTimeout(300);
    expect(await uncovered(page, '[role="tab"][aria-selected="true"]')).toBe(true);
    expect(await page.getByText('1 anomalia mostrata su 92').isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'ux-dopo-1-errore.png') });

    // With the keyboard: Tab back to the badges is not needed, a badge works with Enter and Space too.
    await page.getByRole('button', { name: 'Mostra le 35 informazioni' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('tab', { name: 'Informazioni (35)' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('button', { name: 'Mostra i 56 avvisi' }).focus();
    await page.keyboard.press('Space');
    expect(await page.getByRole('tab', { name: 'Avvisi (56)' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('tab', { name: 'Tutte (92)' }).click();

    // Two long groups open, the list longer than the pane: a badge scrolls it to its top, not under the pane's sticky actions.
    await page.getByRole('button', { name: /^Alloggio esistente senza Codice ID/ }).click();
    await page.getByRole('button', { name: /^Comune che non ha risposto/ }).click();
    // The pane's actions stay stuck at the top; without them (an older layout) a stand-in of the same kind.
    await page.evaluate(() => {
      if ([...document.querySelectorAll('body *')].some((e) => getComputedStyle(e).position === 'sticky')) return;
      const bar = document.createElement('div');
      bar.style.cssText = 'position: sticky; top: 0; height: 60px; background: white; z-index: 2';
      document.body.prepend(bar);
    });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: 'Mostra i 56 avvisi' }).click();
    await page.waitForTimeout(300);
    expect(await uncovered(page, '[role="tab"][aria-selected="true"]')).toBe(true);
    expect(await uncovered(page, '#anomalie-title')).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'ux-dopo-56-avvisi.png') });
    await page.getByRole('button', { name: /^Alloggio esistente senza Codice ID/ }).click();
    await page.getByRole('button', { name: /^Comune che non ha risposto/ }).click();
    await page.getByRole('tab', { name: 'Tutte (92)' }).click();

    // The error's group: its badge says «1 errore» in words, read as part of the header.
    const header = page.getByRole('button', { name: /^Totale g diverso da quello dichiarato/ });
    expect(await header.evaluate((b) => b.textContent)).toBe('Totale g diverso da quello dichiarato, 1 errore');
    await header.click();
    const item = page.getByRole('button', { name: /^Enti!G27/ });
    await item.scrollIntoViewIfNeeded();
    // It looks like an action: a hand over it, its background and cell reference change under the mouse.
    expect(await item.evaluate((b) => getComputedStyle(b).cursor)).toBe('pointer');
    await item.screenshot({ path: join(SCREENSHOTS, 'ux-anomalia.png') });
    const look = () => item.evaluate((b) => ({ bg: getComputedStyle(b).backgroundColor, link: getComputedStyle(b.querySelector('.piano-cell-link')!).color }));
    const before = await look();
    await item.hover();
    const hovered = await look();
    expect(hovered.bg).not.toBe(before.bg);
    expect(hovered.link).not.toBe(before.link);
    expect(await item.evaluate((b) => getComputedStyle(b.querySelector('.piano-cell-link')!).textDecorationLine)).toBe('underline');
    await item.screenshot({ path: join(SCREENSHOTS, 'ux-anomalia-sotto-il-mouse.png') });
    await item.click();
    await page.waitForFunction(() => window.__pianoFake.data().selection.replace(/'/g, '') === 'Enti!G27');

    // With the keyboard: the focused card has a visible outline, Enter selects the cell.
    await page.mouse.move(0, 0);
    await page.evaluate(() => {
      window.__pianoFake.data().selection = '';
    });
    await item.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await item.evaluate((b) => b === document.activeElement)).toBe(true);
    await item.screenshot({ path: join(SCREENSHOTS, 'ux-anomalia-con-il-focus.png') });
    expect(await item.evaluate((b) => {
      const after = getComputedStyle(b, '::after');
      return after.borderTopStyle !== 'none' || getComputedStyle(b).outlineStyle !== 'none';
    })).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__pianoFake.data().selection.replace(/'/g, '') === 'Enti!G27');
    expect(await overflowing(page)).toEqual([]);
    expect((await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await context.close();
  });
});
