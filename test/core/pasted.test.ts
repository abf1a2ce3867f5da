/**
 * Issue 14: a plan pasted section by section. Each of the four plans' own tables, as the seeds print
 * them (test/fixtures/pasted/<plan>.tsv), pasted stacked on one sheet and one sheet per table beside
 * the standard Ambito sheet, gives the same section g as the standard workbook of that plan, with no
 * error the standard workbook does not have (but those of the pasted g table itself, seed 001).
 */
import { check, EngineResult } from '../../src/core/engine';
import { nameKey } from '../../src/core/names/normalize';
import { parseA1 } from '../../src/core/address';
import { pastedPlanSnapshot, pastedSheets } from '../support/pasted';
import { PLANS, PlanName, expectedOf, planSnapshot } from '../support/workbooks';

const LAYOUTS = ['stacked', 'per-section'] as const;
// The ambito's one ALER is named as each source writes it ("ALER BS – CR- MN" in seed 001's tables).
const owner = (ente: string) => (/^aler\b/i.test(ente) ? 'aler' : nameKey(ente));
const key = (ente: string, comune: string | null) => `${owner(ente)}|${comune === null ? '' : nameKey(comune)}`;
const errors = (r: EngineResult) => r.report.anomalies.filter((a) => a.severity === 'error');

describe.each(PLANS)('%s', (plan: PlanName) => {
  const standard = check(planSnapshot(plan));
  const expected = expectedOf(plan);

  describe.each(LAYOUTS)('pasted %s', (layout) => {
    const snapshot = pastedPlanSnapshot(plan, layout);
    const result = check(snapshot);
    const pastedNames = new Set(snapshot.sheets.slice(1).map((s) => s.name));

    test('the same section g as the standard workbook, row by row', () => {
      const rows = (r: EngineResult) => r.report.sectionG.filter((x) => x.g > 0).map((x) => [key(x.ente, x.comune), x.b, x.c, x.d, x.e, x.f, x.g]).sort();
      expect(rows(result)).toEqual(rows(standard));
      const { sat, ...totals } = result.report.totals;
      expect(totals).toEqual(expected.totals);
      expect(sat).toBe(standard.report.totals.sat);
      expect(result.report.scope).toBe('ambito');
    });

    test('no error the standard workbook does not have (the g table is checked, never counted)', () => {
      const standardRules = new Set(errors(standard).map((a) => a.rule));
      const extra = errors(result).filter((a) => !standardRules.has(a.rule));
      if (plan === 'cremona-2023') {
        // Seed 001's g table: «1 + 5da turn over», Cremona's 59 against 60, its total 261 against 262.
        expect(extra.map((a) => [a.rule, a.value]).sort()).toEqual([
          ['SECTION_G_DECLARED_MISMATCH', '261'],
          ['SECTION_G_DECLARED_MISMATCH', '59'],
          ['VALUE_NOT_NUMBER', '1 + 5da turn over'],
        ]);
      } else {
        expect(extra).toEqual([]);
      }
    });

    test('every anomaly is located on a sheet the user has, at a cell inside what was pasted', () => {
      for (const a of result.report.anomalies) {
        // Only a sheet-wide note (a standard sheet not there, SHEET_MISSING) names a sheet the user lacks.
        if (!a.cell) continue;
        expect(['Ambito', ...pastedNames]).toContain(a.sheet);
        if (a.sheet === 'Ambito') continue;
        const sheet = snapshot.sheets.find((s) => s.name === a.sheet)!;
        for (const cell of a.cells ?? [a.cell]) {
          const { row, col } = parseA1(cell);
          expect(row).toBeLessThan(sheet.values.length);
          expect(col).toBeLessThan(sheet.values[row]!.length);
        }
      }
    });

    test('the write-back: highlights and notes on the pasted cells, no column of ours between the tables', () => {
      const { writePlan } = result;
      expect(writePlan.columns.filter((c) => pastedNames.has(c.sheet))).toEqual([]);
      for (const n of writePlan.annotations) expect(['Ambito', ...pastedNames]).toContain(n.sheet);
    });
  });
});

test('seed 002: its g table (printed as «f)») agrees with the computed g, owner by owner; «Totale» rows are checked, never counted', () => {
  const result = check(pastedPlanSnapshot('crema-2021', 'stacked'));
  expect(result.report.anomalies.filter((a) => a.rule === 'SECTION_G_DECLARED_MISMATCH' || a.rule === 'INPUT_TOTAL_MISMATCH')).toEqual([]);
  expect(result.model.pasted!.declaredG.filter((d) => !d.total).map((d) => [d.enteWritten, d.comuneWritten, d.value])).toContainEqual(['ALER Brescia-Cremona-Mantova', null, 71]);
  expect(result.report.totals.g).toBe(114);
});

test('seed 001: «1 + 5da turn over» and the g table\'s 261 are found at the pasted cells', () => {
  const sheet = pastedSheets('cremona-2023', 'stacked')[0]!;
  const result = check(pastedPlanSnapshot('cremona-2023', 'stacked'));
  const at = (rule: string, value: string) => result.report.anomalies.find((a) => a.rule === rule && a.value === value)!;
  const valueOf = (cell: string) => {
    const { row, col } = parseA1(cell);
    return sheet.values[row]![col];
  };
  expect(valueOf(at('VALUE_NOT_NUMBER', '1 + 5da turn over').cell!)).toBe('1 + 5da turn over');
  const total = at('SECTION_G_DECLARED_MISMATCH', '261');
  expect(valueOf(total.cell!)).toBe(261);
  expect(total.message).toContain('262');
  expect(at('SECTION_G_DECLARED_MISMATCH', '59').message).toContain('60');
});

test('seed 001: ALER\'s Allegato B counts; the b, c, e tables\' ALER rows are its summary, checked against it and not counted twice', () => {
  const result = check(pastedPlanSnapshot('cremona-2023', 'stacked'));
  const summaries = result.model.pasted!.summaries;
  expect(summaries.length).toBeGreaterThan(0);
  expect(new Set(summaries.map((u) => u.ente.name))).toEqual(new Set(['ALER BS – CR- MN']));
  expect(result.report.anomalies.filter((a) => a.rule === 'SECTION_LIST_MISMATCH')).toEqual([]);
  expect(result.sectionG.gOfEnte('ALER BS – CR- MN')).toBe(154);
});

test('a summary that disagrees with the owner\'s list is found at its cell', () => {
  const snapshot = pastedPlanSnapshot('cremona-2023', 'stacked');
  const sheet = snapshot.sheets[1]!;
  // b) ALER BS – CR- MN · VESCOVATO · 5 → 6 (Allegato B lists 5 units in carenza at Vescovato).
  const r = sheet.values.findIndex((row) => row[1] === 'VESCOVATO' && row[2] === 5);
  sheet.values[r]![2] = 6;
  const found = check(snapshot).report.anomalies.filter((a) => a.rule === 'SECTION_LIST_MISMATCH');
  expect(found.map((a) => [a.cell, a.value])).toEqual([[`C${r + 1}`, '6']]);
  expect(found[0]!.message).toContain('ne conta 5');
});

test('sections said empty in a sentence are empty, not unread («Nessun Ente Proprietario ha comunicato…»)', () => {
  const result = check(pastedPlanSnapshot('crema-2019', 'stacked'));
  expect(result.model.located.pasted!.empty.map((e) => e.section.kind)).toEqual(['units', 'units', 'comuni', 'comuni', 'sat']);
});

test('before: the stacked sheet was read as Enti (Sezione g 0, dozens of errors); now the Ambito sheet and the paste are one plan', () => {
  const result = check(pastedPlanSnapshot('crema-2021', 'stacked'));
  expect(result.report.totals.g).toBe(114);
  expect(errors(result)).toEqual([]);
  expect(result.report.ambito).toBe('Ambito Distrettuale Cremasco');
});
