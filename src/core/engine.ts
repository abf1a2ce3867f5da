/**
 * The engine: a workbook snapshot in, one result out (the JSON report, the section g, the anomalies
 * and the write plan). Pure: no Office, no files. Every shell (Office.js, .xlsx, CLI, browser) calls
 * this and interprets the write plan.
 */
import { parseA1 } from './address';
import { PlanModel, readPlan } from './reading/plan';
import { locateSheets } from './reading/table';
import { pastedSummary } from './reading/sections/standard';
import { Report } from './report';
import { RULES } from './rules';
import { Anomaly, Finding, Rule, SEVERITY_RANK } from './rules/rule';
import { SectionG, computeSectionG } from './section-g';
import { NotAPlanError, Readiness, notAPlanMessage, readinessOf } from './scope';
import { WorkbookSnapshot } from './snapshot';
import { WritePlan, buildWritePlan } from './output/write-plan';
import { YearSummary, orderPrevious } from './previous/year';
import { PreviousYearTable, previousYearTable } from './output/riepilogo-previous';

export interface EngineResult {
  report: Report;
  model: PlanModel;
  sectionG: SectionG;
  anomalies: Anomaly[];
  writePlan: WritePlan;
  readiness: Readiness;
  /** The previous years compared, most recent first (empty without --previous). */
  previous: YearSummary[];
  /** Which years those are, as the pane, the page and the kept results name them. */
  compared: ComparedYear[];
  /** The per-owner comparison with last year (null without one): Riepilogo writes it, the pane and the page show it. */
  comparison: PreviousYearTable | null;
}

export interface ComparedYear {
  anno: number | null;
  label: string;
  source: YearSummary['source'];
}

export interface CheckOptions {
  /** Last year's plan (and the years before), for the PREV_* rules; PreviousYearError when not comparable. */
  previous?: readonly YearSummary[];
}


function sortKey(a: Anomaly): [number, string, number, number] {
  if (!a.cell) return [SEVERITY_RANK[a.severity], a.sheet, -1, -1];
  const { row, col } = parseA1(a.cell);
  return [SEVERITY_RANK[a.severity], a.sheet, row, col];
}

/** Errors first, then by sheet and position; the rule order breaks ties, so the order is stable. */
function compareAnomalies(x: Anomaly, y: Anomaly): number {
  const [s1, sh1, r1, c1] = sortKey(x);
  const [s2, sh2, r2, c2] = sortKey(y);
  return s1 - s2 || sh1.localeCompare(sh2) || r1 - r2 || c1 - c2 || x.rule.localeCompare(y.rule) || x.message.localeCompare(y.message);
}

export function runRules(model: PlanModel, sectionG: SectionG, rules: readonly Rule[] = RULES, previous: readonly YearSummary[] = []): Anomaly[] {
  const anomalies: Anomaly[] = [];
  for (const rule of rules) {
    const report = (f: Finding) => {
      const { severity, ...rest } = f;
      // Every located anomaly lists its cells, one or many, so a reader never needs two cases.
      const cells = rest.cells ?? (rest.cell ? [rest.cell] : undefined);
      anomalies.push({ rule: rule.code, severity: severity ?? rule.severity, ...rest, ...(cells ? { cells } : {}), ...(rule.legalRef ? { legalRef: rule.legalRef } : {}) });
    };
    rule.check({ model, g: sectionG, report, previous });
  }
  return anomalies.sort(compareAnomalies);
}

/** Throws NotAPlanError when no sheet can be read as Unita (nothing to check, nothing to write). */
export function check(snapshot: WorkbookSnapshot, options: CheckOptions = {}): EngineResult {
  const located = locateSheets(snapshot);
  if (!located.tables.Unita) throw new NotAPlanError(notAPlanMessage(snapshot));
  const model = readPlan(located);
  const sectionG = computeSectionG(model);
  const previous = orderPrevious(model.config, options.previous ?? []);
  const anomalies = runRules(model, sectionG, RULES, previous);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const a of anomalies) counts[a.severity]++;
  const readiness = readinessOf(model, counts.error);
  const report: Report = {
    schemaVersion: 1,
    ambito: model.config.ambito,
    anno: model.config.anno !== null && Number.isInteger(model.config.anno) ? model.config.anno : null,
    sectionG: sectionG.rows.map(({ ente, comune, b, c, d, e, f, g, sat }) => ({ ente, comune, b, c, d, e, f, g, sat })),
    totals: { ...sectionG.totals },
    anomalies: anomalies.map((a) => ({ ...a })),
    counts,
    scope: readiness.scope,
    ready: readiness.ready,
    ...(model.located.pasted ? { pasted: pastedSummary(model.located) } : {}),
  };
  // Built when a shell asks for it: the command line's --json and a re-reading that only compares
  // fingerprints never write, and the write plan (every cell's note, the print layout) costs a third of the check.
  let writePlan: WritePlan | undefined;
  // Built once, when asked: by Riepilogo and by the shells that show it.
  let comparison: PreviousYearTable | null | undefined;
  const comparisonOf = () => (comparison !== undefined ? comparison : (comparison = previousYearTable({ model, sectionG, previous })));
  return {
    report, model, sectionG, anomalies, readiness, previous,
    compared: previous.map((p) => ({ anno: p.anno, label: p.label, source: p.source })),
    get comparison() {
      return comparisonOf();
    },
    get writePlan() {
      return (writePlan ??= buildWritePlan({ model, sectionG, anomalies, report, readiness, previous, comparison: comparisonOf() }));
    },
  };
}

