/**
 * What a rule is: a stable code, a severity, what the user reads (Italian title, why it matters, the
 * legal reference) and a check that reports anomalies on the read plan. One rule per module; the
 * catalogue users read is generated from these modules.
 */
import { CellPos, PlanModel, Row } from '../reading/plan';
import type { TableSpec } from '../reading/schema';
import { SectionG } from '../section-g';
import type { YearSummary } from '../previous/year';

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
  /** The previous years given for the comparison, most recent first; empty otherwise. */
  previous: readonly YearSummary[];
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

/** A finding on cells of one sheet already in sheet order (a group read row after row). */
export function atCells(sheet: string, cells: string[], rest: Omit<Finding, 'sheet' | 'cell' | 'cells'>): Finding {
  return { sheet, cell: cells[0]!, cells, ...rest };
}

/** A finding that stands for several rows of a sheet (in sheet order), at one field's cell on each. */
export function atRows(model: PlanModel, kind: TableSpec['kind'], field: string, rows: readonly Row[], rest: Omit<Finding, 'sheet' | 'cell' | 'cells'>): Finding {
  const cellOf = model.cellNamer(kind, field);
  // Rows of pasted tables may lie on several sheets: the cells listed are those on the first row's.
  const sheet = model.rowSheet(kind, rows[0]!.r);
  const same = model.table(kind)!.sheet.at ? rows.filter((x) => model.rowSheet(kind, x.r) === sheet) : rows;
  return atCells(sheet, same.map((x) => cellOf(x.r)), rest);
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
