/**
 * What the pane learns when it opens (no values read), and the last check kept in the workbook: shown
 * again by a reopened pane, told current or out of date by a new reading, gone with «Rimuovi risultati».
 */
import { WorkbookData } from '../support/fake-excel/model';
import { fakeHost } from '../support/fake-excel/host';
import { typeInto } from '../support/fake-excel/user-edits';
import { reportFingerprint } from '../../src/core/fingerprint';
import { LAST_CHECK_KEY } from '../../src/office/status';
import { manyAnomalies, noProgress, planWorkbook } from './support';

describe('the workbook as the pane finds it', () => {
  test('an empty workbook: nothing to check, every standard sheet missing, nothing to remove', async () => {
    const host = fakeHost(WorkbookData.fromRows({ Foglio1: [] }));
    const st = await host.service.inspect();
    expect(st).toEqual({ standardPresent: [], standardMissing: ['Ambito', 'Comuni', 'Enti', 'Unita', 'SAT', 'Assegnazioni'], empty: true, hasResults: false, last: null });
  });

  test('a plan with some standard sheets: which are there (by their own name), which are missing; not empty', async () => {
    const host = fakeHost(planWorkbook({ 'Unità 2027': [['x']] }));
    const st = await host.service.inspect();
    expect(st.standardPresent).toEqual(['Ambito', 'Comuni', 'Enti', 'Unita', 'Assegnazioni']);
    expect(st.standardMissing).toEqual(['SAT']);
    expect(st.empty).toBe(false);
    expect(st.hasResults).toBe(false);
  });

  test('opening the pane costs the same few requests for 10 rows or 20,000, and its answers stay small', async () => {
    const figures = async (data: WorkbookData) => {
      const host = fakeHost(data);
      await host.service.inspect();
      const run = host.runs[host.runs.length - 1]!;
      return { syncs: run.syncs, small: run.maxResponseBytes < 20_000 };
    };
    const small = await figures(manyAnomalies(10));
    // Two syncs of ours; Office.js adds one to release what it tracked.
    expect(small).toEqual({ syncs: 3, small: true });
    expect(await figures(manyAnomalies(20_000))).toEqual(small);
  });
});

describe('the last check, kept in the workbook', () => {
  test('after a check: results present, the outcome kept with the fingerprint of its report', async () => {
    const data = planWorkbook();
    const host = fakeHost(data);
    const outcome = await host.service.checkAndApply(noProgress);
    const st = await host.service.inspect();
    expect(st.hasResults).toBe(true);
    expect(st.last?.outcome.report).toEqual(outcome.report);
    expect(st.last?.fingerprint).toBe(reportFingerprint(outcome.report));
    expect(st.last?.omittedAnomalies).toBe(0);
    expect(st.last?.at).toBe('2026-12-06T18:00:00.000Z');
  });

  test('a new reading of the unchanged workbook is current (the add-in\'s own output does not count as a change)', async () => {
    const host = fakeHost(planWorkbook());
    await host.service.checkAndApply(noProgress);
    const { last } = await host.service.inspect();
    expect(await host.service.isCurrent(last!.fingerprint)).toBe(true);
  });

  test('a figure typed after the check makes the kept results out of date', async () => {
    const data = planWorkbook();
    const host = fakeHost(data);
    await host.service.checkAndApply(noProgress);
    const { last } = await host.service.inspect();
    typeInto(data, 'Enti', 'G2', 3);
    expect(await host.service.isCurrent(last!.fingerprint)).toBe(false);
  });

  test('«Rimuovi risultati» takes the kept outcome away too', async () => {
    const host = fakeHost(planWorkbook());
    await host.service.checkAndApply(noProgress);
    await host.service.removeResults();
    const st = await host.service.inspect();
    expect(st.last).toBeNull();
    expect(st.hasResults).toBe(false);
  });

  test('thousands of anomalies: the most serious are kept, the rest counted, within the settings\' size', async () => {
    const data = manyAnomalies(8_000);
    const host = fakeHost(data);
    const outcome = await host.service.checkAndApply(noProgress);
    const { last } = await host.service.inspect();
    expect(JSON.stringify(data.settings.get(LAST_CHECK_KEY)).length).toBeLessThanOrEqual(100_000);
    expect(last!.omittedAnomalies).toBeGreaterThan(0);
    expect(last!.outcome.report.anomalies.length + last!.omittedAnomalies).toBe(outcome.report.anomalies.length);
    expect(last!.outcome.report.counts).toEqual(outcome.report.counts);
    // The fingerprint is the whole report's: a new reading still says current.
    expect(await host.service.isCurrent(last!.fingerprint)).toBe(true);
  });
});
