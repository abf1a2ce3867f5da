import { officialEnte } from '../names/display';
import { groupBy } from './groups';
import { atRows, defineRule, rowsNote } from './rule';

export default defineRule({
  code: 'UNIT_NOT_SAP',
  severity: 'info',
  title: 'Alloggio SAS, escluso dalla sezione g',
  description: 'Gli alloggi dei servizi abitativi sociali (SAS) sono conteggiati nella consistenza del patrimonio (sezione a), ma non tra i SAP assegnabili della sezione g.',
  legalRef: 'R.R. 4/2017, art. 4 c. 3 lett. b',
  check(ctx) {
    const { model } = ctx;
    for (const { first: u, items } of groupBy(model.units, (u) => (u.sas ? [u.ente.name] : null))) {
      const n = items.length;
      ctx.report(atRows(model, 'Unita', 'destinazione', items, {
        value: u.destinazioneWritten ?? '',
        message: `${u.ente.name ? officialEnte(u.ente.name) : 'Ente non indicato'}: ${n > 1 ? 'alloggi destinati' : 'alloggio destinato'} ai servizi abitativi sociali (SAS), ${n > 1 ? 'non conteggiati' : 'non conteggiato'} nella sezione g${rowsNote(n)}.`,
      }));
    }
  },
});
