import { officialComune, officialEnte } from '../names/display';
/** SAT rows added up per ente × comune (two rows for the same place are one destination), with the g they draw on. */
import { SatRow } from '../reading/plan';
import { groupBy } from './groups';
import { RuleContext } from './rule';

export interface SatGroup {
  first: SatRow;
  /** Every SAT row of this ente × comune, in sheet order. */
  rows: SatRow[];
  ente: string;
  comune: string | null;
  sat: number;
  /** Assignable units it must be found among: the ente × comune's g, or the ente's whole g without a comune. */
  available: number;
}

export function satGroups({ model, g }: Pick<RuleContext, 'model' | 'g'>): SatGroup[] {
  const counted = (s: SatRow) => s.sat !== null && s.sat !== 0 && s.ente.name !== null;
  return groupBy(model.sat, (s) => (counted(s) ? [s.ente.name, s.comune.name] : null)).map(({ first, items }) => {
    const ente = first.ente.name!;
    const comune = first.comune.name;
    const available = comune === null ? g.gOfEnte(ente) : g.gOf(ente, comune);
    return { first, rows: items, ente, comune, sat: items.reduce((n, s) => n + s.sat!, 0), available };
  });
}

export function placeOf(group: SatGroup): string {
  // "Comune di Gombito a Gombito" says the comune twice: a comune's own units are just the comune.
  const ente = officialEnte(group.ente);
  if (group.comune === null || group.ente === `Comune di ${group.comune}`) return ente;
  return `${ente} a ${officialComune(group.comune)}`;
}
