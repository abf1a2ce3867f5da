/**
 * Requests as Excel receives them: every batch is measured as Office.js itself serializes it (the
 * fake host sits behind Microsoft's client library), and Excel on the web refuses more than
 * 5,000,000 bytes a request or an answer. Every batch stays under 4.5 MB in every scenario.
 */
import { MAX_HIGHLIGHTS } from '../../src/office/highlights';
import { bigPlan } from '../support/fake-excel/big';
import { FakeHost, fakeHost } from '../support/fake-excel/host';
import { WorkbookData } from '../support/fake-excel/model';
import { manyAnomalies, noProgress } from './support';

const LIMIT = 4_500_000;
const WEB = { requestLimit: 5_000_000, responseLimit: 5_000_000, platform: 'web' as const };

function largest(host: FakeHost): number {
  return Math.max(...host.runs.map((r) => r.maxRequestBytes));
}

describe('on Excel on the web', () => {
  const scenarios: [string, () => WorkbookData][] = [
    ['100 units', () => bigPlan(100)],
    ['100,000 units', () => bigPlan(100_000)],
    ['10,000 anomalies', () => manyAnomalies(10_000)],
    ['more anomalous cells than the highlight limit', () => manyAnomalies(MAX_HIGHLIGHTS + 3_000)],
  ];

  test.each(scenarios)('%s: check, second check and "Rimuovi risultati", every request under 4.5 MB', async (_name, make) => {
    const host = fakeHost(make(), WEB);
    await host.service.checkAndApply(noProgress);
    await host.service.checkAndApply(noProgress);
    await host.service.removeResults();
    expect(host.runs.flatMap((r) => r.requests).filter((q) => q.failed)).toEqual([]);
    expect(largest(host)).toBeLessThan(LIMIT);
    expect(Math.max(...host.runs.map((r) => r.maxResponseBytes))).toBeLessThanOrEqual(5_000_000);
  }, 180_000);
});

describe('on Excel for desktop: the number of syncs does not grow with the rows', () => {
  const syncs: Record<number, number[]> = {};
  beforeAll(async () => {
    for (const units of [100, 100_000]) {
      const host = fakeHost(bigPlan(units), { platform: 'desktop' });
      await host.service.checkAndApply(noProgress);
      await host.service.checkAndApply(noProgress);
      await host.service.removeResults();
      syncs[units] = host.runs.map((r) => r.syncs);
    }
  }, 180_000);

  // What is written is capped (10,000 rows of Anomalie, 10,000 highlighted cells, 1,000 notes), so a
  // plan of any size needs at most one request more than a small one: 16,000 assigned units of the
  // 100,000 are each listed and highlighted, and that writing goes in two requests instead of one.
  test('the syncs do not grow with the rows: at most one more for 100,000 units than for 100, in each of check, second check and remove', () => {
    syncs[100]!.forEach((small, i) => expect(syncs[100_000]![i]).toBeLessThanOrEqual(small + 1));
    expect(Math.max(...syncs[100_000]!)).toBeLessThanOrEqual(6);
  });
});

test('the highlight limit is stated, and every anomaly is still listed in Anomalie', async () => {
  const data = manyAnomalies(MAX_HIGHLIGHTS + 500);
  const outcome = await fakeHost(data).service.checkAndApply(noProgress);
  expect(outcome.highlightCapped).toBe(true);
  expect(outcome.highlightedCells).toBe(MAX_HIGHLIGHTS);
  expect(outcome.notices.map((n) => n.message).join(' ')).toMatch(/10\.000 celle/);
  const anomalie = data.sheet('Anomalie')!;
  const rows = new Set([...anomalie.cells.keys()].map((k) => Math.floor(k / 16384)));
  expect(rows.size).toBeGreaterThan(MAX_HIGHLIGHTS + 500);
}, 120_000);
