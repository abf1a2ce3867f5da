/**
 * Every anomaly is located (spec): on a realistic plan of 100,000 Unita rows, about 200 anomalies
 * planted at known cells are each found at their cell, and no error stands at a cell where nothing
 * was planted.
 *
 * The plan and the plants come from test/support/planted.ts (seeded, deterministic). The clean plan
 * is checked first: no error and no warning, so that whatever the planted plan reports comes from the
 * plants. A plant is found when an anomaly of its rule, on its sheet, lists the planted cell.
 */
import { EngineResult, check } from '../../src/core/engine';
import { Anomaly } from '../../src/core/rules/rule';
import { BuiltPlan, FORCED_STATE_ROWS, Plant, buildPlan } from '../support/planted';

/** Another seed can be tried with LOCATED_SEED=…; the committed run uses this one. */
const SEED = Number(process.env.LOCATED_SEED ?? 20250131);
const ROWS = 100_000;

/** Cells of one anomaly: `cells` when given, else its one `cell`. */
function cellsOf(a: Anomaly): string[] {
  return a.cells ?? (a.cell ? [a.cell] : []);
}

function rowCol(cell: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

function describeAnomaly(a: Anomaly): string {
  const cells = cellsOf(a);
  const shown = cells.length > 6 ? `${cells.slice(0, 6).join(', ')} … (${cells.length})` : cells.join(', ');
  return `${a.severity} ${a.rule} ${a.sheet}!${shown} «${a.value}»: ${a.message}`;
}

let clean: EngineResult;
let planted: BuiltPlan;
let result: EngineResult;

beforeAll(() => {
  clean = check(buildPlan({ seed: SEED, rows: ROWS, plant: false }).snapshot);
  planted = buildPlan({ seed: SEED, rows: ROWS, plant: true });
  result = check(planted.snapshot);
}, 60_000);

test('the clean plan of 100,000 rows: no error, no warning, ready for the Assemblea', () => {
  const { report } = clean;
  const baseline = report.anomalies.map(describeAnomaly);
  // The baseline, for whoever tunes the generator (infos are context and would be listed here too).
  expect(baseline).toEqual([]);
  expect(report.counts).toEqual({ error: 0, warning: 0, info: 0 });
  expect(report.ready).toBe(true);
  expect(report.totals.g).toBeGreaterThan(ROWS);
});

test('the plants cover every rule that can fire on Unita, Enti, Comuni and SAT', () => {
  const rules = new Set(planted.plants.map((p) => p.rule));
  for (const rule of [
    'VALUE_REQUIRED', 'VALUE_NOT_NUMBER', 'VALUE_NOT_INTEGER', 'VALUE_NEGATIVE', 'VALUE_AMBIGUOUS_NUMBER', 'VALUE_EXCEL_ERROR',
    'INPUT_TOTAL_MISMATCH', 'HEADER_AMBIGUOUS',
    'UNIT_ID_MISSING', 'UNIT_ID_INVALID', 'UNIT_ID_DUPLICATE', 'UNIT_ID_WITH_COUNT',
    'UNIT_STATE_UNKNOWN', 'UNIT_STATE_NOT_ASSIGNABLE', 'UNIT_NOT_SAP', 'UNIT_WORKS_OVER_LIMIT',
    'ENTE_UNKNOWN', 'ENTE_NAME_VARIANT', 'ENTE_ALIAS', 'ENTE_DUPLICATE', 'ENTE_TOTAL_MISMATCH', 'ENTE_G_EXCEEDS_SAP',
    'ENTE_G_DECLARED_MISMATCH', 'ENTE_LATE',
    'COMUNE_UNKNOWN', 'COMUNE_NAME_VARIANT', 'COMUNE_NOT_OFFICIAL', 'COMUNE_CEASED', 'COMUNE_NOT_SPECIFIED', 'COMUNE_NO_RESPONSE',
    'FFOO_OVER_LIMIT', 'INDIGENTI_OUT_OF_RANGE', 'CATEGORY_WITHOUT_MOTIVATION', 'SAT_EXCEEDS_G', 'SAT_OVER_SHARE',
  ]) expect({ rule, planted: rules.has(rule) }).toEqual({ rule, planted: true });
  expect(planted.plants.length).toBeGreaterThanOrEqual(190);
  // The same wrong Stato on five rows spread over the sheet.
  expect(planted.plants.filter((p) => p.what === 'da verificare').map((p) => p.cell)).toEqual(FORCED_STATE_ROWS.map((r) => `E${r}`));
  // No cell holds two plants: each plant is judged at a cell of its own.
  const keys = planted.plants.map((p) => `${p.sheet}!${p.cell}`);
  expect(keys.length).toBe(new Set(keys).size);
});

describe('the planted plan', () => {
  test('at least 99% of the plants are found at their cell, and every planted rule at least once', () => {
    const at = new Set<string>();
    for (const a of result.anomalies) for (const c of cellsOf(a)) at.add(`${a.rule}|${a.sheet}|${c}`);
    const found = (p: Plant) => at.has(`${p.rule}|${p.sheet}|${p.cell}`);
    const byRule = new Map<string, { planted: number; found: number }>();
    for (const p of planted.plants) {
      const r = byRule.get(p.rule) ?? { planted: 0, found: 0 };
      r.planted++;
      if (found(p)) r.found++;
      byRule.set(p.rule, r);
    }
    const misses = planted.plants.filter((p) => !found(p));
    const total = planted.plants.length;
    const ratio = (total - misses.length) / total;
    const table = [...byRule].map(([rule, r]) => `${rule.padEnd(28)} ${String(r.found).padStart(3)}/${r.planted}`).join('\n');
    const missText = misses.map((p) => {
      const there = result.anomalies.filter((a) => a.sheet === p.sheet && cellsOf(a).includes(p.cell)).map(describeAnomaly);
      return `  ${p.rule} ${p.sheet}!${p.cell} «${p.what}» → reported there: ${there.length ? there.join(' | ') : 'nothing'}`;
    }).join('\n');
    const summary = `found ${total - misses.length}/${total} plants (${(ratio * 100).toFixed(1)}%)\n${table}${misses.length ? `\nmisses:\n${missText}` : ''}`;
    console.log(summary);
    expect(ratio >= 0.99 ? 'ok' : summary).toBe('ok');
    const missingRules = [...byRule].filter(([, r]) => r.found === 0).map(([rule]) => rule);
    expect(missingRules.length === 0 ? 'ok' : summary).toBe('ok');
  });

  test('no error stands at a cell where nothing was planted', () => {
    const plantedCells = new Set(planted.plants.map((p) => `${p.sheet}|${p.cell}`));
    const stray: string[] = [];
    for (const a of result.anomalies) {
      if (a.severity !== 'error') continue;
      const outside = cellsOf(a).filter((c) => !plantedCells.has(`${a.sheet}|${c}`));
      if (outside.length || cellsOf(a).length === 0) stray.push(`${describeAnomaly(a)} — not planted: ${outside.join(', ') || '(no cell)'}`);
    }
    expect(stray).toEqual([]);
    // Warnings and infos away from the plants are not judged here; listed for whoever reads the log.
    const others = result.anomalies.filter((a) => a.severity !== 'error' && cellsOf(a).some((c) => !plantedCells.has(`${a.sheet}|${c}`)));
    if (others.length) console.log(`warnings and infos beyond the planted cells:\n${others.map(describeAnomaly).join('\n')}`);
  });

  // Known to fail when written: a SAT row whose «Unità SAT» holds "2,5", "due" or -1 gets, besides
  // VALUE_NOT_INTEGER / VALUE_NOT_NUMBER / VALUE_NEGATIVE, a VALUE_REQUIRED at the same cell saying
  // the cell is empty (readPlan requires the field on the number as read, null when unreadable).
  test('an error at a planted cell is the planted rule (no second error at the same cell)', () => {
    const rulesAt = new Map<string, Set<string>>();
    for (const p of planted.plants) {
      const k = `${p.sheet}|${p.cell}`;
      rulesAt.set(k, (rulesAt.get(k) ?? new Set()).add(p.rule));
    }
    const doubles: string[] = [];
    for (const a of result.anomalies) {
      if (a.severity !== 'error') continue;
      for (const c of cellsOf(a)) {
        const planted = rulesAt.get(`${a.sheet}|${c}`);
        if (planted && !planted.has(a.rule)) doubles.push(`${a.rule} at ${a.sheet}!${c}, where ${[...planted].join(', ')} was planted: ${a.message}`);
      }
    }
    expect(doubles).toEqual([]);
  });

  test('one anomaly for a repeated spelling lists exactly the planted cells', () => {
    const group = (rule: string, value: string) => {
      const found = result.anomalies.filter((a) => a.rule === rule && a.sheet === 'Unita' && a.value === value);
      const cells = planted.plants.filter((p) => p.rule === rule && p.sheet === 'Unita' && p.what === value).map((p) => p.cell);
      return { found: found.map((a) => a.cells), planted: [cells.sort((x, y) => rowCol(x)[0] - rowCol(y)[0])] };
    };
    const stato = group('UNIT_STATE_UNKNOWN', 'da verificare');
    expect(stato.found).toEqual(stato.planted);
    expect(stato.planted[0]).toEqual(FORCED_STATE_ROWS.map((r) => `E${r}`));
    const vaiano = group('COMUNE_NAME_VARIANT', 'Vaiano');
    expect(vaiano.found).toEqual(vaiano.planted);
    expect(vaiano.planted[0]).toHaveLength(40);
  });

  test('every anomaly that names cells lists them in sheet order, its cell first', () => {
    for (const a of result.anomalies) {
      const cells = cellsOf(a);
      if (!cells.length) continue;
      expect({ rule: a.rule, first: cells[0] }).toEqual({ rule: a.rule, first: a.cell });
      for (let i = 1; i < cells.length; i++) {
        const [r0, c0] = rowCol(cells[i - 1]!);
        const [r1, c1] = rowCol(cells[i]!);
        if (r1 < r0 || (r1 === r0 && c1 <= c0)) throw new Error(`${a.rule}: ${cells[i - 1]} before ${cells[i]}`);
      }
    }
  });
});
