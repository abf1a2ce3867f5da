/** This year's cells the comparison points at: an owner's row in Enti, its first unit, its k. */
import { AssegnazioneRow, CellPos, EnteRow, PlanModel, UnitRow } from '../reading/plan';
import { keyOf } from './year';

interface OwnerIndex {
  enti: Map<string, EnteRow>;
  firstUnit: Map<string, UnitRow>;
}
// Built once per model: the rules ask for many owners, and a plan may have 100,000 units.
const indexes = new WeakMap<PlanModel, OwnerIndex>();

function indexOf(model: PlanModel): OwnerIndex {
  let ix = indexes.get(model);
  if (!ix) {
    ix = { enti: new Map(), firstUnit: new Map() };
    for (const e of model.enti) if (e.name !== null && !ix.enti.has(keyOf(e.name))) ix.enti.set(keyOf(e.name), e);
    for (const u of model.units) if (u.ente.name !== null && !ix.firstUnit.has(keyOf(u.ente.name))) ix.firstUnit.set(keyOf(u.ente.name), u);
    indexes.set(model, ix);
  }
  return ix;
}

export function enteRowOf(model: PlanModel, key: string): EnteRow | undefined {
  return indexOf(model).enti.get(key);
}

export function firstUnitOf(model: PlanModel, key: string): UnitRow | undefined {
  return indexOf(model).firstUnit.get(key);
}

export function assegnazioniOf(model: PlanModel, key: string): AssegnazioneRow[] {
  return model.assegnazioni.filter((a) => a.ente.name !== null && keyOf(a.ente.name) === key);
}

/** The owner's name cell in Enti, else its first unit's owner cell; null when neither exists. */
export function ownerCell(model: PlanModel, key: string): CellPos | null {
  const e = enteRowOf(model, key);
  if (e) return model.pos('Enti', e.r, 'ente');
  const u = firstUnitOf(model, key);
  return u ? model.pos('Unita', u.r, 'ente') : null;
}
