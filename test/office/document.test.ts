/**
 * The plan document from the open workbook (the add-in's «Scarica il documento del piano»): read and
 * checked again, nothing written, the same chapter the check builds.
 */
import { WorkbookData, dump } from '../support/fake-excel/model';
import { fakeHost } from '../support/fake-excel/host';
import { noProgress, planWorkbook } from './support';

describe('planDocument', () => {
  test('the chapter of the workbook as it is: the same as the check builds, section g total equal to the engine\'s, nothing written', async () => {
    const data = planWorkbook();
    const host = fakeHost(data);
    const before = JSON.stringify(dump(data));
    const doc = await host.service.planDocument();
    expect(JSON.stringify(dump(data))).toBe(before);
    const outcome = await host.service.checkAndApply(noProgress);
    expect(outcome.document).toEqual(doc);
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    const g = tables.find((t) => t.kind === 'table' && t.total && t.columns.some((c) => /^g\)/.test(c.header)));
    expect(g && g.kind === 'table' && g.total?.at(-1)).toBe(outcome.report.totals.g.toLocaleString('it-IT'));
    // Not ready (an error in the plan): the draft notice.
    expect(doc.blocks.some((b) => b.kind === 'draft')).toBe(!outcome.report.ready);
  });

  test('a workbook that is no plan: the Italian message, as for the check', async () => {
    const host = fakeHost(WorkbookData.fromRows({ Contatti: [['Nome', 'Telefono'], ['Rossi', '0373 1234']] }));
    await expect(host.service.planDocument()).rejects.toMatchObject({ name: 'UserFacingError', code: 'not-a-plan' });
  });

  test('the document is not kept in the workbook\'s settings with the check (it is made again when asked)', async () => {
    const data = planWorkbook();
    const host = fakeHost(data);
    await host.service.checkAndApply(noProgress);
    const { last } = await host.service.inspect();
    expect(last?.outcome.document).toBeUndefined();
  });
});
