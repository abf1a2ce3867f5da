import { at, defineRule } from './rule';

export default defineRule({
  code: 'COMUNE_NOT_SPECIFIED',
  severity: 'warning',
  title: 'Comune non indicato',
  description: "La sezione g è per ente e comune: una riga senza comune è ammessa per gli aggregati ALER (ad esempio il turnover), ma è contata sotto «comune non indicato» e non rientra nei totali di nessun comune.",
  check({ model, report }) {
    for (const u of model.units) {
      if (u.comuneWritten !== null || !u.ente.isAler || u.count === null || u.count === 0) continue;
      report(at(model.pos('Unita', u.r, 'comune'), {
        value: '',
        message: `${u.count} unità di ${u.ente.name} senza comune: contate sotto «comune non indicato».`,
        suggestion: 'Indicare il comune, se noto.',
      }));
    }
    if (!model.table('SAT')?.columns.has('comune')) return;
    for (const s of model.sat) {
      if (s.comuneWritten !== null || !s.sat) continue;
      report(at(model.pos('SAT', s.r, 'comune'), {
        value: '',
        message: `${s.sat} unità SAT di ${s.ente.name} senza comune: confrontate con le unità assegnabili dell'ente in tutti i comuni.`,
      }));
    }
  },
});
