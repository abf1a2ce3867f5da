import { officialComune, officialEnte } from '../names/display';
/** SAT rows added up per ente × comune (two rows for the same place are one destination), with the g they draw on. */
import { SatRow } from '../reading/plan';
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
  const groups = new Map<string, Map<string | null, SatGroup>>();
  const out: SatGroup[] = [];
  for (const s of model.sat) {
    if (s.sat === null || s.sat === 0 || s.ente.name === null) continue;
    let byComune = groups.get(s.ente.name);
    if (!byComune) groups.set(s.ente.name, (byComune = new Map()));
    const group = byComune.get(s.comune.name);
    if (group) {
      group.sat += s.sat;
      group.rows.push(s);
    }
    else {
      const available = s.comune.name === null ? g.gOfEnte(s.ente.name) : g.gOf(s.ente.name, s.comune.name);
      const created = { first: s, rows: [s], ente: s.ente.name, comune: s.comune.name, sat: s.sat, available };
      byComune.set(s.comune.name, created);
      out.push(created);
    }
  }
  return out;
}

export function placeOf(group: SatGroup): string {
  // "Comune di Gombito a Gombito" says the comune twice: a comune's own units are just the comune.
  const ente = officialEnte(group.ente);
  if (group.comune === null || group.ente === `Comune di ${group.comune}`) return ente;
  return `${ente} a ${officialComune(group.comune)}`;
}
