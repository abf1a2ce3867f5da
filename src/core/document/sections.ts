/**
 * Sections a–k of the data chapter: the engine's figures as the approved plans lay them out. Every
 * figure comes from the engine's result (section g and its totals as computed, the stock's total row
 * summed here, never the total the user typed); an empty section gets the seeds' sentence.
 */
import type { EngineResult } from '../engine';
import { num, percent } from '../italian';
import { officialComune, officialEnte } from '../names/display';
import { isCategorySet, UnitRow } from '../reading/plan';
import { Section } from '../reading/states';
import { compareRows } from '../section-g';
import type { Block, Column, Table } from './model';
import * as W from './wording';

const col = (header: string, width: number, numeric = false): Column => ({ header, numeric, width });
const figure = (header: string, width = 10): Column => col(header, width, true);

/** The year the plan is for, when the workbook gives a whole one. */
export const yearOf = (anno: number | null): number | null => (anno !== null && Number.isInteger(anno) ? anno : null);

const enteShown = (name: string) => officialEnte(name);
const comuneShown = (name: string | null) => (name === null ? W.NOT_GIVEN : officialComune(name));

function heading(section: string, textOf: string): Block {
  return { kind: 'heading', level: 2, text: textOf, section };
}

function table(caption: string, columns: Column[], rows: string[][], total?: string[]): Table {
  return { kind: 'table', caption, columns, rows, ...(total ? { total } : {}) };
}

/** a) The stock per owner, with its total row computed from the rows. */
function sectionA({ model }: EngineResult): Block[] {
  const out: Block[] = [heading('a', W.SECTION_HEADING.a())];
  const enti = model.enti.filter((e): e is typeof e & { name: string } => e.name !== null);
  const figures = ['totale', 'sap', 'sas', 'altri'] as const;
  const known = (k: (typeof figures)[number]) => enti.some((e) => e[k] !== null);
  if (!figures.some(known)) return [...out, { kind: 'paragraph', text: W.NO_STOCK }];
  // «Altri usi» only where some owner has them (seeds 000 and 002 print three columns).
  const shown = figures.filter((k) => k !== 'altri' || enti.some((e) => (e.altri ?? 0) > 0));
  const header = { totale: W.COLUMN.totaleUnita, sap: W.COLUMN.sap, sas: W.COLUMN.sas, altri: W.COLUMN.altri };
  const sorted = [...enti].sort((x, y) => compareRows({ ente: x.name, isAler: x.tipo === 'ALER', comune: null }, { ente: y.name, isAler: y.tipo === 'ALER', comune: null }));
  const cell = (v: number | null) => (v === null ? W.NOT_GIVEN : num(v));
  const sum = (k: (typeof figures)[number]) => (known(k) ? num(enti.reduce((n, e) => n + (e[k] ?? 0), 0)) : W.NOT_GIVEN);
  out.push(
    table(
      W.CAPTION.a,
      [col(W.COLUMN.ente, 40), ...shown.map((k) => figure(header[k], 15))],
      sorted.map((e) => [enteShown(e.name), ...shown.map((k) => cell(e[k]))]),
      [W.TOTAL, ...shown.map(sum)],
    ),
  );
  return out;
}

/**
 * Units listed one by one with their ID up to this many in a list (seed 000 lists each ID); beyond,
 * as seed 001 does for ALER's units, a row per owner and comune, the IDs staying in the workbook.
 */
export const MAX_LISTED_UNITS = 300;

/** The rows of a unit list: a row per unit with its ID, the counts without ID summed per owner and comune. */
function unitRows(units: UnitRow[]): { rows: string[][]; withId: boolean; total: number; grouped: boolean } {
  type Line = { ente: string; isAler: boolean; comune: string | null; id: string | null; count: number };
  const grouped = units.filter((u) => u.id?.trim()).length > MAX_LISTED_UNITS;
  const lines: Line[] = [];
  const aggregate = new Map<string, Line>();
  for (const u of units) {
    const ente = u.ente.name!;
    const id = grouped ? null : u.id?.trim() || null;
    if (id !== null) {
      lines.push({ ente, isAler: u.ente.isAler, comune: u.comune.name, id, count: u.count! });
      continue;
    }
    const key = `${ente}\u0000${u.comune.name ?? ''}`;
    const prev = aggregate.get(key);
    if (prev) prev.count += u.count!;
    else {
      const line = { ente, isAler: u.ente.isAler, comune: u.comune.name, id: null, count: u.count! };
      aggregate.set(key, line);
      lines.push(line);
    }
  }
  lines.sort((x, y) => compareRows(x, y) || (x.id === null ? -1 : y.id === null ? 1 : x.id.localeCompare(y.id, 'it', { numeric: true })));
  const withId = lines.some((l) => l.id !== null);
  return {
    withId,
    grouped,
    total: lines.reduce((n, l) => n + l.count, 0),
    rows: lines.map((l) => [enteShown(l.ente), comuneShown(l.comune), ...(withId ? [l.id ?? ''] : []), num(l.count)]),
  };
}

/** A list of units (b, c, d, f, a part of e): the sentence with the count, the table, its total. */
function unitList(list: W.UnitList, units: UnitRow[], total?: number): Block[] {
  const { rows, withId, total: summed, grouped } = unitRows(units);
  if (rows.length === 0) return [{ kind: 'paragraph', text: W.noUnits(list) }];
  const n = total ?? summed;
  const columns = [col(W.COLUMN.ente, 34), col(W.COLUMN.comune, 26), ...(withId ? [col(W.COLUMN.codiceId, 20)] : []), figure(W.COLUMN.unita, 16)];
  return [
    { kind: 'paragraph', text: W.unitsFound(list, n) },
    table(W.UNITS_CAPTION[list], columns, rows, [W.TOTAL, '', ...(withId ? [''] : []), num(n)]),
    ...(grouped ? [{ kind: 'paragraph', text: W.idsInWorkbook(MAX_LISTED_UNITS) } as const] : []),
  ];
}

/** The unit rows counted in section g (the same rows computeSectionG counts), by section. */
function countedUnits(result: EngineResult): Map<Section, UnitRow[]> {
  const by = new Map<Section, UnitRow[]>();
  for (const u of result.model.units) {
    if (u.ente.name === null || u.count === null || u.sas || u.state?.kind !== 'assignable' || u.count === 0) continue;
    const list = by.get(u.state.section) ?? [];
    list.push(u);
    by.set(u.state.section, list);
  }
  return by;
}

function sectionsBtoF(result: EngineResult): Block[] {
  const anno = yearOf(result.model.config.anno);
  const units = countedUnits(result);
  const totals = result.sectionG.totals;
  const of = (s: Section) => units.get(s) ?? [];
  const out: Block[] = [];
  for (const s of ['b', 'c', 'd'] as const) out.push(heading(s, W.SECTION_HEADING[s](anno)), ...unitList(s, of(s), totals[s]));
  // e) split as seed 001 does: already free, by turnover; the aggregate rows the platform counts together apart.
  out.push(heading('e', W.SECTION_HEADING.e()));
  const e = of('e');
  const part = (state: string) => e.filter((u) => u.state?.kind === 'assignable' && u.state.state === state);
  const parts = ([['eLibere', part('Libero')], ['eTurnover', part('Turnover')], ['eInsieme', part('Libero o turnover')]] as const).filter(([, rows]) => rows.length);
  if (parts.length === 0) out.push(...unitList('e', []));
  // One part alone needs no heading of its own (seed 002 lists free and turnover units together).
  for (const [list, rows] of parts) out.push(...(parts.length > 1 ? [{ kind: 'heading', level: 3, text: W.E_PART[list] } as const] : []), ...unitList(list, rows));
  out.push(heading('f', W.SECTION_HEADING.f()), ...unitList('f', of('f'), totals.f));
  return out;
}

/** g) Per owner × comune with b–f, the engine's rows and totals as they are. */
function sectionG({ model, sectionG }: EngineResult): Block[] {
  const out: Block[] = [heading('g', W.SECTION_HEADING.g(yearOf(model.config.anno)))];
  const rows = sectionG.rows.filter((r) => r.g > 0);
  if (rows.length === 0) return [...out, { kind: 'paragraph', text: W.NO_G }];
  const t = sectionG.totals;
  const figures = (x: { b: number; c: number; d: number; e: number; f: number; g: number }) => [x.b, x.c, x.d, x.e, x.f, x.g].map(num);
  out.push(
    { kind: 'paragraph', text: W.gIntro(t.g) },
    table(
      W.CAPTION.g,
      [col(W.COLUMN.ente, 32), col(W.COLUMN.comune, 26), ...W.G_COLUMNS.map((h, i) => figure(h, i === 5 ? 9 : 7))],
      rows.map((r) => [enteShown(r.ente), comuneShown(r.comune), ...figures(r)]),
      [W.TOTAL, '', ...figures(t)],
    ),
  );
  return out;
}

/** h), i) A, i) B: what each comune chose. */
function sectionsHI({ model }: EngineResult): Block[] {
  const anno = yearOf(model.config.anno);
  const comuni = model.comuni.filter((c): c is typeof c & { written: string } => c.written !== null);
  const out: Block[] = [heading('h', W.SECTION_HEADING.h())];
  const soglia = comuni.filter((c) => c.soglia !== null && c.soglia > 0);
  out.push(
    soglia.length
      ? table(W.CAPTION.h, [col(W.COLUMN.comune, 60), figure(W.COLUMN.soglia, 40)], soglia.map((c) => [officialComune(c.written), percent(c.soglia!, 2)]))
      : { kind: 'paragraph', text: W.noSoglia(anno) },
  );
  out.push(heading('i A', W.SECTION_HEADING.iA()));
  const categoria = comuni.filter((c) => isCategorySet(c.categoria));
  const motivated = categoria.some((c) => c.motivazione?.trim());
  out.push(
    categoria.length
      ? table(
          W.CAPTION.iA,
          [col(W.COLUMN.comune, 28), col(W.COLUMN.categoria, motivated ? 36 : 72), ...(motivated ? [col(W.COLUMN.motivazione, 36)] : [])],
          categoria.map((c) => [officialComune(c.written), c.categoria!.trim(), ...(motivated ? [c.motivazione?.trim() ?? ''] : [])]),
        )
      : { kind: 'paragraph', text: W.noCategoria(anno) },
  );
  out.push(heading('i B', W.SECTION_HEADING.iB()));
  const ffoo = comuni.filter((c) => c.ffoo !== null && c.ffoo > 0);
  out.push(
    ffoo.length
      ? table(W.CAPTION.iB, [col(W.COLUMN.comune, 60), figure(W.COLUMN.ffoo, 40)], ffoo.map((c) => [officialComune(c.written), percent(c.ffoo!, 2)]))
      : { kind: 'paragraph', text: W.noFfoo(anno) },
  );
  return out;
}

/** j) SAT per owner × comune, from the engine's section g rows. */
function sectionJ({ sectionG }: EngineResult): Block[] {
  const out: Block[] = [heading('j', W.SECTION_HEADING.j())];
  const rows = sectionG.rows.filter((r) => r.sat > 0);
  if (rows.length === 0) return [...out, { kind: 'paragraph', text: W.NO_SAT }];
  out.push(
    { kind: 'paragraph', text: W.satIntro(sectionG.totals.sat) },
    table(
      W.CAPTION.j,
      [col(W.COLUMN.ente, 40), col(W.COLUMN.comune, 35), figure(W.COLUMN.sat, 25)],
      rows.map((r) => [enteShown(r.ente), comuneShown(r.comune), num(r.sat)]),
      [W.TOTAL, '', num(sectionG.totals.sat)],
    ),
  );
  return out;
}

/** k) Assigned in the previous year, per owner; «di cui» columns only where some owner has them. */
function sectionK({ model }: EngineResult): Block[] {
  const anno = yearOf(model.config.anno);
  const out: Block[] = [heading('k', W.SECTION_HEADING.k())];
  const rows = model.assegnazioni
    .map((a) => ({ ente: a.ente.name ?? a.enteWritten, isAler: a.ente.isAler, a }))
    .filter((x): x is typeof x & { ente: string } => x.ente !== null)
    .sort((x, y) => compareRows({ ...x, comune: null }, { ...y, comune: null }));
  if (rows.length === 0) return [...out, { kind: 'paragraph', text: W.noAssigned(anno) }];
  const sum = (k: 'assegnate' | 'deroga' | 'mobilita') => rows.reduce((n, r) => n + (r.a[k] ?? 0), 0);
  const extra = (['deroga', 'mobilita'] as const).filter((k) => sum(k) > 0);
  const cell = (v: number | null) => (v === null ? W.NOT_GIVEN : num(v));
  out.push(
    table(
      W.CAPTION.k,
      [col(W.COLUMN.ente, 46), figure(W.COLUMN.assegnate(anno), 22), ...extra.map((k) => figure(W.COLUMN[k], 16))],
      rows.map((r) => [enteShown(r.ente), cell(r.a.assegnate), ...extra.map((k) => cell(r.a[k]))]),
      [W.TOTAL, num(sum('assegnate')), ...extra.map((k) => num(sum(k)))],
    ),
  );
  if (!extra.includes('deroga')) out.push({ kind: 'paragraph', text: W.noDeroga(anno) });
  return out;
}

export function sections(result: EngineResult): Block[] {
  return [...sectionA(result), ...sectionsBtoF(result), ...sectionG(result), ...sectionsHI(result), ...sectionJ(result), ...sectionK(result)];
}
