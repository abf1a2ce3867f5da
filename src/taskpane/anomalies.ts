/**
 * The anomaly list as the pane shows it: filtered by severity and free text, grouped by rule. Pure, so
 * the grouping and filtering can be reasoned about (and tested) apart from the components.
 */
import { foldText } from '../core/names/normalize';
import type { ReportAnomaly } from '../core/report';
import { RULES } from '../core/rules';
import { SEVERITY_RANK, type Severity } from '../core/rules/rule';
import { countOf } from './italian';

export type SeverityFilter = 'all' | Severity;

export const SEVERITY_LABEL: Record<Severity, { one: string; many: string; filter: string }> = {
  error: { one: 'errore', many: 'errori', filter: 'Errori' },
  warning: { one: 'avviso', many: 'avvisi', filter: 'Avvisi' },
  info: { one: 'informazione', many: 'informazioni', filter: 'Informazioni' },
};

/** "3 errori", "1 avviso": a count with its severity in words. */
export function severityCount(severity: Severity, n: number): string {
  return countOf(n, SEVERITY_LABEL[severity].one, SEVERITY_LABEL[severity].many);
}

/**
 * «i» or «gli» before a number, by how it is spoken: «gli 8 avvisi», «gli 11 errori», «gli 80…»,
 * «i 56 avvisi», «i 1.200 errori» (mille), «gli 1.000.000» (un milione).
 */
export function masculinePluralArticle(n: number): 'i' | 'gli' {
  let lead = Math.floor(n);
  let groups = 0;
  while (lead >= 1000) {
    lead = Math.floor(lead / 1000);
    groups++;
  }
  if (lead === 1) return groups >= 2 ? 'gli' : 'i';
  return lead === 8 || lead === 11 || (lead >= 80 && lead < 90) || (lead >= 800 && lead < 900) ? 'gli' : 'i';
}

/** What a severity badge does, said with its visible words in it (WCAG 2.5.3): "Mostra i 3 errori". */
export function showSeverityLabel(severity: Severity, n: number): string {
  const counted = severityCount(severity, n);
  if (n === 1) return `Mostra ${counted}`;
  return `Mostra ${severity === 'info' ? 'le' : masculinePluralArticle(n)} ${counted}`;
}

const RULE_ORDER = new Map(RULES.map((r, i) => [r.code, i]));
const RULE_TITLE = new Map(RULES.map((r) => [r.code, r.title]));

/** The rule's Italian title; the code itself for a rule this pane does not know (a newer engine). */
export function ruleTitle(code: string): string {
  return RULE_TITLE.get(code) ?? code;
}

/** "Enti!G27", or the sheet alone when the anomaly concerns a whole sheet. */
export function placeOf(a: Pick<ReportAnomaly, 'sheet' | 'cell'>): string {
  return a.cell ? `${a.sheet}!${a.cell}` : a.sheet;
}

export interface AnomalyGroup {
  rule: string;
  title: string;
  /** The most severe among the group's anomalies (a few rules report at more than one severity). */
  severity: Severity;
  anomalies: ReportAnomaly[];
}

/** Folded once per anomaly: the filter runs on every keystroke, over possibly thousands of them. */
const searchable = new WeakMap<ReportAnomaly, string>();
function searchableText(a: ReportAnomaly): string {
  let text = searchable.get(a);
  if (text === undefined) {
    text = foldText([a.rule, ruleTitle(a.rule), placeOf(a), a.value, a.message, a.suggestion ?? ''].join(' '));
    searchable.set(a, text);
  }
  return text;
}

/**
 * The anomalies matching the severity and every word of the query (case, accents and punctuation
 * ignored: "pozzaglio g27" finds Enti!G27 about Pozzaglio ed Uniti).
 */
export function filterAnomalies(anomalies: readonly ReportAnomaly[], severity: SeverityFilter, query: string): ReportAnomaly[] {
  const words = foldText(query).split(' ').filter(Boolean);
  return anomalies.filter((a) => {
    if (severity !== 'all' && a.severity !== severity) return false;
    if (words.length === 0) return true;
    const text = searchableText(a);
    return words.every((w) => text.includes(w));
  });
}

/** Groups by rule: errors' rules first, then in catalogue order; anomalies keep the report's order. */
export function groupByRule(anomalies: readonly ReportAnomaly[]): AnomalyGroup[] {
  const groups = new Map<string, AnomalyGroup>();
  for (const a of anomalies) {
    let g = groups.get(a.rule);
    if (!g) {
      g = { rule: a.rule, title: ruleTitle(a.rule), severity: a.severity, anomalies: [] };
      groups.set(a.rule, g);
    }
    if (SEVERITY_RANK[a.severity] < SEVERITY_RANK[g.severity]) g.severity = a.severity;
    g.anomalies.push(a);
  }
  const order = (code: string) => RULE_ORDER.get(code) ?? Number.MAX_SAFE_INTEGER;
  return [...groups.values()].sort(
    (x, y) => SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity] || order(x.rule) - order(y.rule) || x.rule.localeCompare(y.rule),
  );
}
