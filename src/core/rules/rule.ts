/**
 * What a rule is: a stable code, a severity, what the user reads (Italian title, why it matters, the
 * legal reference) and a check that reports anomalies on the read plan. One rule per module; the
 * catalogue users read is generated from these modules.
 */
import { CellPos, PlanModel } from '../reading/plan';
import type { TableSpec } from '../reading/schema';
import { SectionG } from '../section-g';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
/** Errors first: the order anomalies are listed and the worse of two is chosen. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface Anomaly {
  rule: string;
  severity: Severity;
  sheet: string;
  /** A1 reference of the cell the anomaly is about (the first, when it stands for several); absent when it concerns a whole sheet. */
  cell?: string;
  /** Every cell it stands for, in sheet order, `cell` included (spec: "Every anomaly is located"). */
  cells?: string[];
  value: string;
  message: string;
  suggestion?: string;
  legalRef?: string;
}

export type Finding = Omit<Anomaly, 'rule' | 'severity' | 'legalRef'> & { severity?: Severity };

export interface RuleContext {
  model: PlanModel;
  g: SectionG;
  report(finding: Finding): void;
}

export interface Rule {
  code: string;
  /** The usual severity; `severities` lists all when a rule reports at more than one. */
  severity: Severity;
  severities?: Severity[];
  /** Italian, short: what the anomaly is. */
  title: string;
  /** Italian, one or two sentences for a comune employee: why it matters, what to do. */
  description: string;
  legalRef?: string;
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** A finding at a cell position. */
export function at(pos: CellPos, rest: Omit<Finding, 'sheet' | 'cell'>): Finding {
  return { sheet: pos.sheet, cell: pos.cell, ...rest };
}

/**
 * A finding that stands for several cells of one sheet (a group of rows): `cell` is the first in sheet
 * order, `cells` all of them.
 */
export function atAll(positions: readonly CellPos[], rest: Omit<Finding, 'sheet' | 'cell' | 'cells'>): Finding {
  const sorted = [...positions].sort((x, y) => x.row - y.row || x.col - y.col);
  const first = sorted[0]!;
  return { sheet: first.sheet, cell: first.cell, cells: sorted.map((p) => p.cell), ...rest };
}

export { num } from '../italian';
import { num } from '../italian';

/** The user's own name of a standard sheet («Unità», «Allegato B»), or the standard name when it is absent. */
export function sheetName(model: PlanModel, kind: TableSpec['kind'] | 'Ambito'): string {
  if (kind === 'Ambito') return model.located.ambito?.sheet.name ?? 'Ambito';
  return model.table(kind)?.sheet.name ?? kind;
}

/** " (12 righe)" when a finding stands for more than one row. */
export function rowsNote(count: number): string {
  return count > 1 ? ` (su ${num(count)} righe)` : '';
}
