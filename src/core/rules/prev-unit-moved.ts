import { comuneLabel, enteLabel } from '../names/display';
import { keyOf as nameKey } from '../previous/year';
import { idKey } from '../reading/unit-id';
import { at, defineRule } from './rule';

const same = (a: string | null, b: string | null) => a === null || b === null || nameKey(a) === nameKey(b);

export default defineRule({
  code: 'PREV_UNIT_MOVED',
  severity: 'warning',
  title: "Unità con un altro ente o comune rispetto all'anno precedente",
  description: "Con la cartella del piano dell'anno precedente: lo stesso Codice ID era di un altro ente proprietario o in un altro comune. Un alloggio non cambia comune: di solito è un Codice ID scritto male o la riga di un altro ente.",
  check({ model, previous, report }) {
    const last = previous[0];
    if (!last?.units) return;
    for (const u of model.units) {
      if (u.idKind !== 'valid') continue;
      const before = last.units.get(idKey(u.id!));
      if (!before) continue;
      const enteChanged = !same(before.ente, u.ente.name);
      const comuneChanged = !same(before.comune, u.comune.name);
      if (!enteChanged && !comuneChanged) continue;
      const parts: string[] = [];
      if (enteChanged) parts.push(`come ente ${enteLabel(before.ente!)} (ora ${enteLabel(u.ente.name!)})`);
      if (comuneChanged) parts.push(`come comune ${comuneLabel(before.comune!)} (ora ${comuneLabel(u.comune.name!)})`);
      report(at(model.pos('Unita', u.r, enteChanged ? 'ente' : 'comune'), {
        value: enteChanged ? (u.enteWritten ?? u.ente.name!) : (u.comuneWritten ?? u.comune.name!),
        message: `Il Codice ID ${u.id} nel piano ${last.anno} aveva ${parts.join(' e ')}.`,
        suggestion: "Verificare il Codice ID e l'ente o il comune della riga.",
      }));
    }
  },
});
