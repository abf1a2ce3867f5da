import { idKey } from '../reading/unit-id';
import { UnitRow } from '../reading/plan';
import { joinNames } from '../italian';
import { at, defineRule } from './rule';

export default defineRule({
  code: 'UNIT_ID_DUPLICATE',
  severity: 'error',
  title: 'Codice ID ripetuto',
  description: 'Lo stesso Codice ID su due righe è lo stesso alloggio scritto due volte: sarebbe conteggiato due volte tra gli assegnabili. Ogni occorrenza è segnalata.',
  check({ model, report }) {
    // One map entry per ID; lists only for the IDs seen twice (100,000 unique IDs stay cheap).
    // Numeric keys where the ID fits (Platform IDs do): hashing numbers is much cheaper than strings.
    const first = new Map<number | string, UnitRow>();
    const repeated = new Map<number | string, UnitRow[]>();
    for (const u of model.units) {
      if (u.idKind !== 'valid') continue;
      const k = u.id!.length < 16 ? Number(u.id) : idKey(u.id!);
      const seen = first.get(k);
      if (!seen) first.set(k, u);
      else {
        const list = repeated.get(k);
        if (list) list.push(u);
        else repeated.set(k, [seen, u]);
      }
    }
    for (const rows of repeated.values()) {
      const cells = rows.map((u) => model.pos('Unita', u.r, 'id').cell);
      rows.forEach((u, i) => {
        const others = cells.filter((_, j) => j !== i);
        report(at(model.pos('Unita', u.r, 'id'), { value: u.id!, message: `Il Codice ID ${u.id} compare anche ${others.length === 1 ? 'nella cella' : 'nelle celle'} ${joinNames(others)}.`, suggestion: 'Tenere una sola riga per alloggio.' }));
      });
    }
  },
});
