/**
 * A pasted plan as the standard sheets it stands for: what «Crea fogli standard» writes for a
 * workbook read this way (new sheets; the pasted ones stay as they are), so that next year starts
 * from the standard layout. And the summary of what was recognised, for the report.
 */
import { foldText } from '../../names/normalize';
import { comuniAttivi } from '../../reference/comuni';
import { CellValue } from '../../snapshot';
import type { PlanModel } from '../model';
import { TABLES, TABLE_ORDER, TableSpec } from '../schema';
import { LocatedWorkbook } from '../table';
import { sectionLabel, sectionOrder } from './titles';

type Rows = Partial<Record<TableSpec['kind'], CellValue[][]>>;

const clean = (v: CellValue | undefined): CellValue => (v === undefined ? null : typeof v === 'string' ? v.trim() : v);

/**
 * The standard sheets read from pasted tables, as data rows in the standard columns (no header, no
 * totals). Unita holds the units counted (a table that sums up an owner's own list is left out, or
 * the list would count twice); Comuni every comune the plan names, by its official name, with the
 * choices of the h, i, d bis tables (who answered is for the capofila to fill in).
 */
export function standardRowsFromPaste(model: PlanModel): Rows {
  const out: Rows = {};
  const { tables } = model.located;
  for (const kind of TABLE_ORDER) {
    const t = tables[kind];
    if (!t?.pasted || kind === 'Comuni') continue;
    const rows = kind === 'Unita' ? model.units.map((u) => u.r) : t.dataRows;
    if (rows.length) out[kind] = rows.map((r) => t.sheet.values[r]!.map(clean));
  }
  if (tables.Unita?.pasted && !(tables.Comuni && !tables.Comuni.pasted)) out.Comuni = comuniRows(model);
  return out;
}

/** A Comuni row as the standard sheet has it, by its fields: the name, the ISTAT code, the rest given or blank. */
export function comuneRow(nome: string, istat: string, rest: Partial<Record<string, CellValue>> = {}): CellValue[] {
  return TABLES.Comuni.fields.map((f) => (f.key === 'comune' ? nome : f.key === 'istat' ? istat : rest[f.key] ?? null));
}

/** The Comuni rows sorted as the standard sheet lists them, by name. */
export function sortedComuni(rows: CellValue[][]): CellValue[][] {
  return rows.sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'it'));
}

function comuniRows(model: PlanModel): CellValue[][] {
  const istat = new Map(comuniAttivi().map((c) => [foldText(c.nome), c.istat]));
  const byName = new Map<string, { nome: string; choices: Partial<Record<string, CellValue>> }>();
  const add = (name: string | null | undefined) => {
    if (!name || byName.has(name) || !istat.has(foldText(name))) return;
    byName.set(name, { nome: name, choices: {} });
  };
  for (const u of model.units) if (u.comune.kind !== 'unknown') add(u.comune.name);
  for (const e of model.enti) if (e.comune && e.comune.kind !== 'unknown') add(e.comune.name);
  for (const s of model.sat) if (s.comune.kind !== 'unknown') add(s.comune.name);
  for (const c of model.comuni) {
    const name = c.official.kind === 'unknown' ? null : c.official.name;
    add(name);
    const row = name ? byName.get(name) : undefined;
    if (row) row.choices = { soglia: c.soglia, categoria: c.categoria, motivazione: c.motivazione, ffoo: c.ffoo };
  }
  return sortedComuni([...byName.values()].map((c) => comuneRow(c.nome, istat.get(foldText(c.nome))!, c.choices)));
}

export function pastedSummary(located: LocatedWorkbook): { sheets: string[]; sections: string[]; standard: string[]; otherYear?: { sheet: string; years: number[] }[] } {
  const p = located.pasted!;
  const listed = [...p.found.map((f) => ({ s: f.section, empty: false })), ...p.empty.map((e) => ({ s: e.section, empty: true }))];
  listed.sort((a, b) => sectionOrder(a.s) - sectionOrder(b.s));
  const sections = [...new Set(listed.map((x) => `${sectionLabel(x.s)}${x.empty ? ' (vuota)' : ''}`))];
  const standard = TABLE_ORDER.filter((k) => located.tables[k]?.pasted);
  return { sheets: p.sheets, sections, standard, ...(p.otherYear.length ? { otherYear: p.otherYear } : {}) };
}
