/**
 * Where owners and comuni are named across the sheets, grouped for the rules that judge the names:
 * a name written the same way on 300 rows (and read as the same name) is one finding, which lists
 * every one of those cells.
 */
import { CellPos, ComuneRef, EnteRef, PlanModel } from '../reading/plan';
import { TableSpec } from '../reading/schema';
import { groupBy } from './groups';

export interface NameGroup<R> {
  kind: TableSpec['kind'];
  field: string;
  written: string;
  ref: R;
  /** Rows written this way. */
  count: number;
  /** The sheet, and every cell written this way on it, in sheet order (rows are read in order). */
  sheet: string;
  cells: string[];
  /** For comuni: the X of an owner written "Comune di X" in Enti. */
  inOwnerName?: boolean;
}

interface Mention<R> {
  kind: TableSpec['kind'];
  r: number;
  field: string;
  written: string | null;
  ref: R;
  inOwnerName?: boolean;
  /** A name written outside the standard tables (a pasted table of totals): its own cell. */
  pos?: CellPos;
}

function grouped<R extends { name: string | null }>(model: PlanModel, mentions: Mention<R>[]): NameGroup<R>[] {
  const sheetOf = (m: Mention<R>) => m.pos?.sheet ?? model.rowSheet(m.kind, m.r);
  const groups = groupBy(mentions, (m) => [m.pos ? 'pos' : m.kind, sheetOf(m), m.written, m.ref.name]);
  return groups.map(({ first, items }) => {
    const cellOf = model.cellNamer(first.kind, first.field);
    return {
    kind: first.kind,
    field: first.field,
    written: first.written!,
    ref: first.ref,
    count: items.length,
    sheet: sheetOf(first),
    cells: items.map((m) => m.pos?.cell ?? cellOf(m.r)),
    ...(first.inOwnerName ? { inOwnerName: true } : {}),
    };
  });
}

/** Owner names (Unita, SAT, Assegnazioni) whose resolution `keep` selects, grouped by spelling and name. */
export function ownerGroups(model: PlanModel, keep: (ref: EnteRef) => boolean): NameGroup<EnteRef>[] {
  const mentions: Mention<EnteRef>[] = [];
  for (const u of model.units) if (u.enteWritten !== null && keep(u.ente)) mentions.push({ kind: 'Unita', r: u.r, field: 'ente', written: u.enteWritten, ref: u.ente });
  for (const s of model.sat) if (s.enteWritten !== null && keep(s.ente)) mentions.push({ kind: 'SAT', r: s.r, field: 'ente', written: s.enteWritten, ref: s.ente });
  for (const a of model.assegnazioni) if (a.enteWritten !== null && keep(a.ente)) mentions.push({ kind: 'Assegnazioni', r: a.r, field: 'ente', written: a.enteWritten, ref: a.ente });
  return grouped(model, mentions);
}

/** Comune names (in Enti owners' names, Unita, SAT) whose resolution `keep` selects, grouped likewise. */
export function comuneGroups(model: PlanModel, keep: (ref: ComuneRef) => boolean): NameGroup<ComuneRef>[] {
  const mentions: Mention<ComuneRef>[] = [];
  for (const e of model.enti) if (e.comune && keep(e.comune)) mentions.push({ kind: 'Enti', r: e.r, field: 'ente', written: e.written, ref: e.comune, inOwnerName: true });
  for (const u of model.units) if (u.comuneWritten !== null && keep(u.comune)) mentions.push({ kind: 'Unita', r: u.r, field: 'comune', written: u.comuneWritten, ref: u.comune });
  for (const s of model.sat) if (s.comuneWritten !== null && keep(s.comune)) mentions.push({ kind: 'SAT', r: s.r, field: 'comune', written: s.comuneWritten, ref: s.comune });
  // A pasted table of totals: a misspelling recognised there is said there too (one not recognised
  // shows as that table's figure against 0).
  for (const d of model.pasted?.declaredG ?? []) {
    if (d.comune?.kind === 'variant' && d.comunePos && d.comuneWritten !== null && keep(d.comune)) mentions.push({ kind: 'Unita', r: -1, field: 'comune', written: d.comuneWritten, ref: d.comune, pos: d.comunePos });
  }
  return grouped(model, mentions);
}

/** The ambito's list the names are resolved against, in words. */
export function comuniUniverse(model: PlanModel): string {
  return model.hasComuniSheet ? `dell'ambito (foglio «${model.table('Comuni')?.sheet.name ?? 'Comuni'}»)` : "della Lombardia (elenco ISTAT; manca il foglio «Comuni»)";
}
