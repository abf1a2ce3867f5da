/**
 * A plan pasted section by section, in Excel (issue 14): checked where it was pasted (highlights and
 * notes on the pasted cells, nothing of ours between its tables), and «Crea fogli standard» filling
 * the standard sheets from what was read, the pasted sheet left as it was.
 */
import { fakeHost, sheetValues, workbookFromSnapshot } from '../support/fake-excel/host';
import { pastedPlanSnapshot } from '../support/pasted';
import { noProgress } from './support';

describe('a stacked paste in Excel', () => {
  test('Crema 2021: g 114, the paste annotated where it is, its values untouched; «Crea fogli standard» fills the sheets and they then count', async () => {
    const data = workbookFromSnapshot(pastedPlanSnapshot('crema-2021', 'stacked'));
    const before = sheetValues(data, 'Piano incollato');
    const host = fakeHost(data);
    const first = await host.service.checkAndApply(noProgress);
    expect(first.report.totals.g).toBe(114);
    expect(first.report.pasted?.sheets).toEqual(['Piano incollato']);
    expect(first.report.pasted?.standard).toEqual(['Comuni', 'Enti', 'Unita', 'SAT', 'Assegnazioni']);
    // Highlights on the pasted cells (SAT_OVER_SHARE at the j table's figures), no computed column there.
    const paste = data.sheet('Piano incollato')!;
    expect(paste.conditionalFormats.length).toBeGreaterThan(0);
    expect(sheetValues(data, 'Piano incollato')).toEqual(before);
    expect(data.notes.filter((n) => n.sheet === 'Piano incollato').length).toBeGreaterThan(0);

    const created = await host.service.createStandardSheets({ fromPaste: true });
    expect(created.created).toEqual(['Comuni', 'Enti', 'Unita', 'SAT', 'Assegnazioni']);
    expect(created.filled).toEqual(['Comuni', 'Enti', 'Unita', 'SAT', 'Assegnazioni']);
    expect(sheetValues(data, 'Piano incollato')).toEqual(before);
    const unita = sheetValues(data, 'Unita');
    expect(unita[0]).toEqual(['ID unità', 'Codice ente', 'Ente proprietario', 'Comune', 'Stato', 'Destinazione', 'Numero unità', 'Costo lavori €', 'Note']);
    expect(unita).toContainEqual([null, null, 'ALER Brescia-Cremona-Mantova', null, 'Libero o turnover', null, 41]);
    expect(unita).toContainEqual([null, null, 'Comune di Crema', 'Crema', 'Ristrutturazione', null, 28]);
    const enti = sheetValues(data, 'Enti');
    expect(enti).toContainEqual(['ALER Brescia-Cremona-Mantova', 'ALER', 1006, 997, 9]);
    // Text is written as text: names keep a text format.
    expect([...data.sheet('Unita')!.cells.values()].filter((c) => typeof c.value === 'string').every((c) => c.numberFormat === '@')).toBe(true);
    const comuni = sheetValues(data, 'Comuni').map((r) => r[0]);
    expect(comuni).toEqual(expect.arrayContaining(['Crema', 'Bagnolo Cremasco', 'Castelleone', 'Vaiano Cremasco']));

    // From now on the standard sheets count: the same g, the paste's g table still checked against it.
    const second = await host.service.checkAndApply(noProgress);
    expect(second.report.totals).toEqual(first.report.totals);
    expect(second.report.pasted?.standard).toEqual([]);
    expect(second.report.anomalies.filter((a) => a.severity === 'error')).toEqual([]);
    expect(second.report.sectionG.map((r) => [r.ente, r.comune, r.g])).toEqual(first.report.sectionG.map((r) => [r.ente, r.comune, r.g]));
  });

  test('Cremona 2023 pasted one sheet per table: the g table\'s findings at the pasted cells, in Excel as on the command line', async () => {
    const data = workbookFromSnapshot(pastedPlanSnapshot('cremona-2023', 'per-section'));
    const outcome = await fakeHost(data).service.checkAndApply(noProgress);
    expect(outcome.report.totals.g).toBe(262);
    const g = outcome.report.anomalies.filter((a) => a.rule === 'SECTION_G_DECLARED_MISMATCH' || a.rule === 'VALUE_NOT_NUMBER');
    expect(g.map((a) => `${a.sheet}!${a.cell} ${a.value}`).sort()).toEqual(['Tabella 7!C4 1 + 5da turn over', 'Tabella 7!F37 261', 'Tabella 7!F4 59']);
  });
});

test('«Crea fogli standard» from a paste reads the workbook once: what it knows of sheets, protection and names is not asked again (5 requests as Office.js sends them)', async () => {
  const host = fakeHost(workbookFromSnapshot(pastedPlanSnapshot('crema-2021', 'stacked')));
  const before = host.runs.length;
  await host.service.createStandardSheets({ fromPaste: true });
  expect(host.runs.slice(before).map((r) => r.syncs)).toEqual([5]);
});
