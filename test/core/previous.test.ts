/** The previous year: read from a workbook or a JSON report, refused when not the same ambito or the year before. */
import { check } from '../../src/core/engine';
import { PreviousYearError, summarizeReport } from '../../src/core/previous/year';
import { compare, cremona, cremona2022Edits, edited, yearOf } from '../support/previous';
import { PLANS, planSnapshot } from '../support/workbooks';

describe('the previous year', () => {
  test('without a previous year the four plans give the same report as before (no PREV_* anomaly)', () => {
    for (const plan of PLANS) {
      const r = check(planSnapshot(plan));
      expect(r.anomalies.filter((a) => a.rule.startsWith('PREV_'))).toEqual([]);
      expect(r.previous).toEqual([]);
      expect(check(planSnapshot(plan), { previous: [] }).report).toEqual(r.report);
    }
  });

  test('an unchanged copy as last year: no warning, only the per-owner k/g and the IDs still assignable', () => {
    const cur = cremona();
    const r = compare(cur, edited(cur, { Ambito: { B4: 2022 } }));
    const prev = r.anomalies.filter((a) => a.rule.startsWith('PREV_'));
    expect(prev.filter((a) => a.severity !== 'info')).toEqual([]);
    expect(new Set(prev.map((a) => a.rule))).toEqual(new Set(['PREV_K_VS_G', 'PREV_UNIT_STILL_ASSIGNABLE']));
    // Every other anomaly is this year's own, as without a previous year.
    expect(r.anomalies.filter((a) => !a.rule.startsWith('PREV_'))).toEqual(check(cur).anomalies);
  });

  test('the derived 2022: each change found at its cell, every warning accounted for', () => {
    const cur = cremona();
    const warnings = compare(cur, edited(cur, cremona2022Edits(cur))).anomalies.filter((a) => a.rule.startsWith('PREV_') && a.severity === 'warning');
    expect(warnings.map((a) => `${a.rule} ${a.sheet}!${a.cell}`).sort()).toEqual([
      'PREV_COMUNE_RESPONSE Comuni!G2', 'PREV_ENTE_RESPONSE Enti!A6', 'PREV_SAP_SWING Enti!D32', 'PREV_UNIT_MOVED Unita!C157', 'PREV_UNIT_MOVED Unita!D2',
    ]);
  });

  test('last year as its JSON report: section g compared (k against g, owners that stopped), nothing it cannot know', () => {
    const cur = cremona();
    const prevSnap = edited(cur, cremona2022Edits(cur));
    const json = JSON.parse(JSON.stringify(check(prevSnap).report));
    const r = check(cur, { previous: [summarizeReport(json, 'piano-2022.json')] });
    const rules = new Set(r.anomalies.filter((a) => a.rule.startsWith('PREV_')).map((a) => a.rule));
    expect(rules).toEqual(new Set(['PREV_K_VS_G']));
    const fromWorkbook = compare(cur, prevSnap).anomalies.filter((a) => a.rule === 'PREV_K_VS_G');
    expect(r.anomalies.filter((a) => a.rule === 'PREV_K_VS_G')).toEqual(fromWorkbook);
  });

  test('a file that is not a report is refused in Italian', () => {
    expect(() => summarizeReport({ schemaVersion: 2 }, 'x.json')).toThrow(new PreviousYearError("«x.json» non è un report JSON di Piano Offerta (schemaVersion 1): indicare il report scritto con --json, o la cartella .xlsx dell'anno precedente."));
  });

  test('another ambito, the same year, a later year, a gap: refused with the reason', () => {
    const cur = cremona();
    const other = yearOf(edited(cur, { Ambito: { B2: 'Ambito di Crema', B4: 2022 } }), 'crema.xlsx');
    expect(() => check(cur, { previous: [other] })).toThrow("«crema.xlsx» è il piano di un altro ambito («Ambito di Crema»), non di «Ambito Sociale Territoriale Cremonese»: indicare il piano dello stesso ambito.");
    const same = yearOf(cur, 'stesso.xlsx');
    expect(() => check(cur, { previous: [same] })).toThrow('«stesso.xlsx» è il piano 2023, non di un anno precedente al 2023: indicare il piano 2022.');
    const gap = yearOf(edited(cur, { Ambito: { B4: 2021 } }), '2021.xlsx');
    expect(() => check(cur, { previous: [gap] })).toThrow('Gli anni precedenti devono essere consecutivi: dopo il piano 2023 si attendeva il 2022, ma «2021.xlsx» è il piano 2021.');
    // The ambito's name as the engine compares names: case, accents and punctuation do not count.
    const spelled = yearOf(edited(cur, { Ambito: { B2: 'AMBITO SOCIALE TERRITORIALE  CREMONESE', B4: 2022 } }), 'ok.xlsx');
    expect(() => check(cur, { previous: [spelled] })).not.toThrow();
  });

  test('several years in any order are taken most recent first', () => {
    const cur = cremona();
    const y21 = yearOf(edited(cur, { Ambito: { B4: 2021 } }), '2021.xlsx');
    const y22 = yearOf(edited(cur, { Ambito: { B4: 2022 } }), '2022.xlsx');
    expect(check(cur, { previous: [y21, y22] }).previous.map((p) => p.anno)).toEqual([2022, 2021]);
  });
});
