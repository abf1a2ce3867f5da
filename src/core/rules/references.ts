/**
 * Where owners and comuni are named across the sheets, grouped for the rules that judge the names:
 * a name written the same way on 300 rows is one finding. Resolutions are shared objects (cached per
 * spelling), so grouping needs no string keys and the 100,000 exact rows cost a comparison each.
 */
import { CellPos, ComuneRef, EnteRef, PlanModel } from '../reading/plan';
import { TableSpec } from '../reading/schema';

export interface NameGroup<R> {
  kind: TableSpec['kind'];
  r: number;
  field: string;
  written: string;
  ref: R;
  /** Rows written this way. */
  count: number;
  /** For comuni: the X of an owner written "Comune di X" in Enti. */
  inOwnerName?: boolean;
}

type Sink<R> = (kind: TableSpec['kind'], r: number, field: string, written: string | null, ref: R, inOwnerName?: boolean) => void;

function grouper<R extends object>(keep: (ref: R) => boolean, by: 'ref' | 'written') {
  const groups = new Map<string, Map<unknown, NameGroup<R>>>();
  const add: Sink<R> = (kind, r, field, written, ref, inOwnerName) => {
    if (written === null || !keep(ref)) return;
    let inSheet = groups.get(kind);
    if (!inSheet) groups.set(kind, (inSheet = new Map()));
    const key = by === 'ref' ? ref : written;
    const g = inSheet.get(key);
    if (g) g.count++;
    else inSheet.set(key, { kind, r, field, written, ref, count: 1, ...(inOwnerName ? { inOwnerName } : {}) });
  };
  return { add, result: () => [...groups.values()].flatMap((m) => [...m.values()]) };
}

/** Owner names (Unita, SAT, Assegnazioni) whose resolution `keep` selects, one group per resolution. */
export function ownerGroups(model: PlanModel, keep: (ref: EnteRef) => boolean): NameGroup<EnteRef>[] {
  const g = grouper(keep, 'ref');
  for (const u of model.units) g.add('Unita', u.r, 'ente', u.enteWritten, u.ente);
  for (const s of model.sat) g.add('SAT', s.r, 'ente', s.enteWritten, s.ente);
  for (const a of model.assegnazioni) g.add('Assegnazioni', a.r, 'ente', a.enteWritten, a.ente);
  return g.result();
}

/** Comune names (in Enti owners' names, Unita, SAT) whose resolution `keep` selects, one group per spelling. */
export function comuneGroups(model: PlanModel, keep: (ref: ComuneRef) => boolean): NameGroup<ComuneRef>[] {
  const g = grouper(keep, 'written');
  for (const e of model.enti) if (e.comune) g.add('Enti', e.r, 'ente', e.written, e.comune, true);
  for (const u of model.units) g.add('Unita', u.r, 'comune', u.comuneWritten, u.comune);
  for (const s of model.sat) g.add('SAT', s.r, 'comune', s.comuneWritten, s.comune);
  return g.result();
}

export function positionOf(model: PlanModel, g: NameGroup<unknown>): CellPos {
  return model.pos(g.kind, g.r, g.field);
}

/** The ambito's list the names are resolved against, in words. */
export function comuniUniverse(model: PlanModel): string {
  return model.hasComuniSheet ? "dell'ambito (foglio Comuni)" : "della Lombardia (elenco ISTAT; manca il foglio Comuni)";
}
