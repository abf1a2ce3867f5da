/**
 * «Confronta con l'anno precedente…» in Excel: this year's plan read from the workbook, last year's
 * summary given by the pane; the comparison's findings written like every anomaly, Riepilogo's section,
 * and a re-reading current only with the same previous year.
 */
import { check } from '../../src/core/engine';
import { summarizeReport } from '../../src/core/previous/year';
import { fakeHost, workbookFromSnapshot } from '../support/fake-excel/host';
import { cremona, cremona2022Edits, edited } from '../support/previous';
import { summarizeResult } from '../../src/core/previous/year';
import { noProgress } from './support';

const year2022 = () => {
  const base = cremona();
  return summarizeResult(check(edited(base, cremona2022Edits(base))), 'piano-2022.xlsx');
};

describe('the comparison in Excel', () => {
  test('Cremona 2023 against its 2022: the five planted changes at their cells, the years named, Riepilogo\'s section written', async () => {
    const data = workbookFromSnapshot(cremona());
    const host = fakeHost(data);
    const outcome = await host.service.checkAndApply(noProgress, undefined, { previous: [year2022()] });
    const warnings = outcome.report.anomalies.filter((a) => a.rule.startsWith('PREV_') && a.severity === 'warning');
    expect(warnings.map((a) => `${a.sheet}!${a.cell}`).sort()).toEqual(['Comuni!G2', 'Enti!A6', 'Enti!D32', 'Unita!C157', 'Unita!D2']);
    expect(outcome.compared).toEqual([{ anno: 2022, label: 'piano-2022.xlsx', source: 'workbook' }]);
    // The pane's table is Riepilogo's: this year's g total in its last column.
    expect(outcome.comparison?.total.at(-1)).toBe(outcome.report.totals.g);
    expect(outcome.comparison?.header[1]).toBe('g nel piano 2022');
    const riepilogo = data.sheet('Riepilogo')!;
    expect([...riepilogo.cells.values()].some((c) => c.value === "Confronto con l'anno precedente (piano 2022)")).toBe(true);
  });

  test('a re-reading is current with the same previous year, and not without it', async () => {
    const host = fakeHost(workbookFromSnapshot(cremona()));
    const previous = [year2022()];
    await host.service.checkAndApply(noProgress, undefined, { previous });
    const { last } = await host.service.inspect();
    expect(last?.outcome.compared).toHaveLength(1);
    expect(await host.service.isCurrent(last!.fingerprint, { previous })).toBe(true);
    expect(await host.service.isCurrent(last!.fingerprint)).toBe(false);
  });

  test('a report of the same year: the Italian reason and what to choose; nothing written', async () => {
    const data = workbookFromSnapshot(cremona());
    const host = fakeHost(data);
    const same = summarizeReport(check(cremona()).report, 'piano-2023.json');
    await expect(host.service.checkAndApply(noProgress, undefined, { previous: [same] })).rejects.toMatchObject({
      name: 'UserFacingError',
      message: '«piano-2023.json» è il piano 2023, non di un anno precedente al 2023: indicare il piano 2022.',
      action: expect.stringContaining("Scegliere il piano dell'anno precedente dello stesso ambito"),
    });
    expect(data.sheet('Riepilogo')).toBeUndefined();
  });
});
