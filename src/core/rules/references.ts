/** Where owners and comuni are named across the sheets, for the rules that judge the names. */
import { CellPos, ComuneRef, EnteRef, PlanModel } from '../reading/plan';

export interface OwnerReference {
  pos: CellPos;
  written: string;
  ref: EnteRef;
}

export interface ComuneReference {
  pos: CellPos;
  written: string;
  ref: ComuneRef;
  /** The comune is the X of an owner written "Comune di X" in Enti. */
  inOwnerName: boolean;
}

export function* ownerReferences(model: PlanModel): Generator<OwnerReference> {
  for (const u of model.units) if (u.enteWritten !== null) yield { pos: model.pos('Unita', u.r, 'ente'), written: u.enteWritten, ref: u.ente };
  for (const s of model.sat) if (s.enteWritten !== null) yield { pos: model.pos('SAT', s.r, 'ente'), written: s.enteWritten, ref: s.ente };
  for (const a of model.assegnazioni) if (a.enteWritten !== null) yield { pos: model.pos('Assegnazioni', a.r, 'ente'), written: a.enteWritten, ref: a.ente };
}

export function* comuneReferences(model: PlanModel): Generator<ComuneReference> {
  for (const e of model.enti) {
    if (e.comune && e.written !== null) yield { pos: model.pos('Enti', e.r, 'ente'), written: e.written, ref: e.comune, inOwnerName: true };
  }
  for (const u of model.units) {
    if (u.comuneWritten !== null) yield { pos: model.pos('Unita', u.r, 'comune'), written: u.comuneWritten, ref: u.comune, inOwnerName: false };
  }
  for (const s of model.sat) {
    if (s.comuneWritten !== null) yield { pos: model.pos('SAT', s.r, 'comune'), written: s.comuneWritten, ref: s.comune, inOwnerName: false };
  }
}

/** The ambito's list the names are resolved against, in words. */
export function comuniUniverse(model: PlanModel): string {
  return model.hasComuniSheet ? "dell'ambito (foglio Comuni)" : "della Lombardia (elenco ISTAT; manca il foglio Comuni)";
}
