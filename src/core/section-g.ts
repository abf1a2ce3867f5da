/**
 * Section g: the SAP units assignable in the year, b + c + d + e + f, per owner and comune, with the
 * SAT units of section j beside them. Only readable SAP rows of an assignable state count; a unit
 * whose comune or owner stays unknown still counts, under the name as written.
 */
import { PlanModel } from './reading/plan';
import { SECTIONS, Section } from './reading/states';

export interface Figures {
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
  g: number;
  sat: number;
}

export interface SectionGRow extends Figures {
  ente: string;
  comune: string | null;
  isAler: boolean;
}

export interface SectionG {
  /** Every ente × comune with any figure (rows of zeros are kept out). */
  rows: SectionGRow[];
  byEnte: (Figures & { ente: string; isAler: boolean })[];
  byComune: (Figures & { comune: string | null })[];
  totals: Figures;
  /** g of an owner, over all its comuni. */
  gOfEnte(ente: string): number;
  /** g of one owner in one comune (null: the rows without comune). */
  gOf(ente: string, comune: string | null): number;
}

export function zeroFigures(): Figures {
  return { b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, sat: 0 };
}

function add(into: Figures, from: Figures): void {
  for (const k of [...SECTIONS, 'g', 'sat'] as const) into[k] += from[k];
}

const collator = new Intl.Collator('it', { sensitivity: 'base' });

/** Owners of ALER first (as the regional platform lists them), then by name; no comune first. */
export function compareRows(x: { ente: string; isAler: boolean; comune: string | null }, y: typeof x): number {
  if (x.isAler !== y.isAler) return x.isAler ? -1 : 1;
  const byEnte = collator.compare(x.ente, y.ente);
  if (byEnte !== 0) return byEnte;
  if (x.comune === y.comune) return 0;
  if (x.comune === null) return -1;
  if (y.comune === null) return 1;
  return collator.compare(x.comune, y.comune);
}

export function computeSectionG(model: PlanModel): SectionG {
  const cells = new Map<string, Map<string | null, SectionGRow>>();
  const at = (ente: string, comune: string | null, isAler: boolean): SectionGRow => {
    let byComune = cells.get(ente);
    if (!byComune) cells.set(ente, (byComune = new Map()));
    let row = byComune.get(comune);
    if (!row) {
      row = { ente, comune, isAler, ...zeroFigures() };
      byComune.set(comune, row);
    }
    return row;
  };
  for (const u of model.units) {
    if (u.ente.name === null || u.count === null || u.sas) continue;
    if (u.state?.kind !== 'assignable') continue;
    const row = at(u.ente.name, u.comune.name, u.ente.isAler);
    const s: Section = u.state.section;
    row[s] += u.count;
    row.g += u.count;
  }
  for (const s of model.sat) {
    if (s.ente.name === null || s.sat === null) continue;
    at(s.ente.name, s.comune.name, s.ente.isAler).sat += s.sat;
  }
  const rows = [...cells.values()].flatMap((m) => [...m.values()]).filter((r) => r.g > 0 || r.sat > 0).sort(compareRows);

  const enteMap = new Map<string, Figures & { ente: string; isAler: boolean }>();
  const comuneMap = new Map<string | null, Figures & { comune: string | null }>();
  const totals = zeroFigures();
  for (const r of rows) {
    let e = enteMap.get(r.ente);
    if (!e) enteMap.set(r.ente, (e = { ente: r.ente, isAler: r.isAler, ...zeroFigures() }));
    add(e, r);
    let c = comuneMap.get(r.comune);
    if (!c) comuneMap.set(r.comune, (c = { comune: r.comune, ...zeroFigures() }));
    add(c, r);
    add(totals, r);
  }
  const byEnte = [...enteMap.values()].sort((x, y) => compareRows({ ...x, comune: null }, { ...y, comune: null }));
  const byComune = [...comuneMap.values()].sort((x, y) =>
    x.comune === null ? -1 : y.comune === null ? 1 : collator.compare(x.comune, y.comune),
  );
  return {
    rows,
    byEnte,
    byComune,
    totals,
    gOfEnte: (ente) => enteMap.get(ente)?.g ?? 0,
    gOf: (ente, comune) => cells.get(ente)?.get(comune)?.g ?? 0,
  };
}
