import { enteLabel } from '../names/display';
import { countOf } from '../italian';
import { assegnazioniOf, ownerCell } from '../previous/cells';
import { at, defineRule, sheetName } from './rule';

export default defineRule({
  code: 'PREV_K_VS_G',
  severity: 'info',
  title: "Unità assegnate rispetto alle assegnabili dell'anno precedente",
  description: "Con il piano dell'anno precedente: per ogni ente, le unità indicate come assegnabili l'anno scorso (sezione g) e quelle effettivamente assegnate quest'anno (sezione k), per rispondere all'Assemblea se gli alloggi annunciati sono stati assegnati.",
  legalRef: 'R.R. 4/2017, art. 4 c. 3 lett. k',
  check({ model, previous, report }) {
    const last = previous[0];
    if (!last || !model.table('Assegnazioni')) return;
    for (const [key, o] of last.owners) {
      if (o.g === 0) continue;
      const rows = assegnazioniOf(model, key);
      const k = rows.reduce((s, a) => s + (a.assegnate ?? 0), 0);
      const where = rows[0] ? model.pos('Assegnazioni', rows[0].r, 'assegnate') : ownerCell(model, key);
      const msg = `Nel piano ${last.anno} ${enteLabel(o.ente)} aveva ${countOf(o.g, 'unità assegnabile', 'unità assegnabili')} (sezione g); nel ${model.config.anno} ne risultano assegnate ${k} (sezione k)${rows.length ? '' : ': l\'ente non compare nel foglio «' + sheetName(model, 'Assegnazioni') + '»'}.`;
      const rest = { value: String(k), message: msg };
      report(where ? at(where, rest) : { sheet: sheetName(model, 'Assegnazioni'), ...rest });
    }
  },
});
