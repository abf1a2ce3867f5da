/** This year's cells the comparison points at: an owner's row in Enti, its first unit, its k. */
import { nameKey } from '../names/normalize';
import { AssegnazioneRow, CellPos, EnteRow, PlanModel, UnitRow } from '../reading/plan';

export function enteRowOf(model: PlanModel, key: string): EnteRow | undefined {
  return model.enti.find((e) => e.name !== null && nameKey(e.name) === key);
}

export function firstUnitOf(model: PlanModel, key: string): UnitRow | undefined {
  return model.units.find((u) => u.ente.name !== null && nameKey(u.ente.name) === key);
}

export function assegnazioniOf(model: PlanModel, key: string): AssegnazioneRow[] {
  return model.assegnazioni.filter((a) => a.ente.name !== null && nameKey(a.ente.name) === key);
}

/** The owner's name cell in Enti, else its first unit's owner cell; null when neither exists. */
export function ownerCell(model: PlanModel, key: string): CellPos | null {
  const e = enteRowOf(model, key);
  if (e) return model.pos('Enti', e.r, 'ente');
  const u = firstUnitOf(model, key);
  return u ? model.pos('Unita', u.r, 'ente') : null;
}
