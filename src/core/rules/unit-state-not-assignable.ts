import { officialEnte } from '../names/display';
import { groupBy } from './groups';
import { atRows, defineRule, rowsNote } from './rule';

export default defineRule({
  code: 'UNIT_STATE_NOT_ASSIGNABLE',
  severity: 'warning',
  title: 'Alloggio non assegnabile nell\'anno',
  description: 'Il piano conta solo gli alloggi prevedibilmente assegnabili nell\'anno: quelli assegnati, occupati, in vendita o ad altri usi restano fuori dalla sezione g. Controllare che l\'elenco non li includa per errore.',
  legalRef: 'R.R. 4/2017, art. 4 c. 3 lett. b',
  check(ctx) {
    const { model } = ctx;
    for (const { first: u, items } of groupBy(model.units, (u) => (u.state?.kind === 'not-assignable' ? [u.ente.name, u.statoWritten] : null))) {
      const n = items.length;
      ctx.report(atRows(model, 'Unita', 'stato', items, {
        value: u.statoWritten!,
        message: `Stato «${u.statoWritten}» (${u.ente.name ? officialEnte(u.ente.name) : 'ente non indicato'}): ${n > 1 ? 'alloggi non assegnabili, esclusi' : 'alloggio non assegnabile, escluso'} dalla sezione g${rowsNote(n)}.`,
      }));
    }
  },
});
