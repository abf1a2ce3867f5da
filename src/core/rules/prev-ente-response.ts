import { enteLabel } from '../names/display';
import { answeringOwners } from '../previous/year';
import { ownerCell } from '../previous/cells';
import { at, defineRule, sheetName } from './rule';

export default defineRule({
  code: 'PREV_ENTE_RESPONSE',
  severity: 'warning',
  severities: ['warning', 'info'],
  title: "Ente che ha risposto l'anno precedente e non quest'anno (o il contrario)",
  description: "Con il piano dell'anno precedente: un ente che l'anno scorso aveva inviato le sue unità e quest'anno non compare (avviso: sollecitarlo), o un ente che risponde quest'anno e non l'anno scorso (informazione). Ha risposto un ente con righe nel foglio «Unita» o con il g dichiarato nel foglio «Enti»; da un report JSON, un ente con unità nella sezione g.",
  check({ model, previous, report }) {
    const last = previous[0];
    if (!last) return;
    const now = answeringOwners(model);
    for (const [key, o] of last.owners) {
      if (!o.answered || now.has(key)) continue;
      const where = ownerCell(model, key);
      const rest = {
        value: o.ente,
        message: `${enteLabel(o.ente)} aveva inviato i dati per il piano ${last.anno}, ma non per il piano ${model.config.anno}.`,
        suggestion: "Sollecitare l'ente; se non ha unità assegnabili, indicarlo con g dichiarato 0 nel foglio «Enti».",
      };
      report(where ? at(where, rest) : { sheet: sheetName(model, 'Unita'), ...rest });
    }
    if (last.source !== 'workbook') return;
    for (const [key, name] of now) {
      if (last.owners.get(key)?.answered) continue;
      const where = ownerCell(model, key);
      if (!where) continue;
      report(at(where, { severity: 'info', value: name, message: `${enteLabel(name)} invia i dati per il piano ${model.config.anno}, ma non li aveva inviati per il piano ${last.anno}.` }));
    }
  },
});
