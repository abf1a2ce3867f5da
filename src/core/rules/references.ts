/**
 * Where owners and comuni are named across the sheets, grouped for the rules that judge the names:
 * a name written the same way on 300 rows (and read as the same name) is one finding. Groups are
 * nested maps (sheet → spelling → resolved name), so the 100,000 exact rows cost a comparison each and
 * no string is built per row.
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

function grouper<R extends { name: string | null }>(keep: (ref: R) => boolean) {
  const groups = new Map<string, Map<string, Map<string | null, NameGroup<R>>>>();
  const out: NameGroup<R>[] = [];
  const add: Sink<R> = (kind, r, field, written, ref, inOwnerName) => {
    if (written === null || !keep(ref)) return;
    let inSheet = groups.get(kind);
    if (!inSheet) groups.set(kind, (inSheet = new Map()));
    let bySpelling = inSheet.get(written);
    if (!bySpelling) inSheet.set(written, (bySpelling = new Map()));
    const g = bySpelling.get(ref.name);
    if (g) g.count++;
    else {
      const group = { kind, r, field, written, ref, count: 1, ...(inOwnerName ? { inOwnerName } : {}) };
      bySpelling.set(ref.name, group);
      out.push(group);
    }
  };
  return { add, result: () => out };
}

/** Owner names (Unita, SAT, Assegnazioni) whose resolution `keep` selects, grouped by spelling and name. */
export function ownerGroups(model: PlanModel, keep: (ref: EnteRef) => boolean): NameGroup<EnteRef>[] {
  const g = grouper(keep);
  for (const u of model.units) g.add('Unita', u.r, 'ente', u.enteWritten, u.ente);
  for (const s of model.sat) g.add('SAT', s.r, 'ente', s.enteWritten, s.ente);
  for (const a of model.assegnazioni) g.add('Assegnazioni', a.r, 'ente', a.enteWritten, a.ente);
  return g.result();
}

/** Comune names (in Enti owners' names, Unita, SAT) whose resolution `keep` selects, grouped likewise. */
export function comuneGroups(model: PlanModel, keep: (ref: ComuneRef) => boolean): NameGroup<ComuneRef>[] {
  const g = grouper(keep);
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
