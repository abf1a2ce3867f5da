import { countOf } from '../italian';
import { officialEnte } from '../names/display';
import { at, defineRule } from './rule';

/** "dell'ente «ALER Brescia-Cremona-Mantova»": reads right whatever the owner's name («Comune di Crema» too). */
const ofEnte = (name: string | null) => `dell'ente «${name ? officialEnte(name) : 'non indicato'}»`;

export default defineRule({
  code: 'COMUNE_NOT_SPECIFIED',
  severity: 'warning',
  title: 'Comune non indicato',
  description: "La sezione g è per ente e comune: una riga senza comune è ammessa per gli aggregati ALER (ad esempio il turnover), ma è conteggiata sotto «comune non indicato» e non rientra nei totali di nessun comune.",
  check({ model, report }) {
    for (const u of model.units) {
      // Only rows that count in g: an assigned or SAS unit without comune changes nothing.
      if (u.comuneWritten !== null || !u.ente.isAler || !u.count || u.sas || u.state?.kind !== 'assignable') continue;
      report(at(model.pos('Unita', u.r, 'comune'), {
        value: '',
        message: `${countOf(u.count, 'unità', 'unità')} ${ofEnte(u.ente.name)} senza comune: ${u.count === 1 ? 'è conteggiata' : 'sono conteggiate'} sotto «comune non indicato».`,
        suggestion: 'Scrivere il comune, se è noto.',
      }));
    }
    if (!model.table('SAT')?.columns.has('comune')) return;
    for (const s of model.sat) {
      if (s.comuneWritten !== null || !s.sat) continue;
      report(at(model.pos('SAT', s.r, 'comune'), {
        value: '',
        message: `${countOf(s.sat, 'unità SAT', 'unità SAT')} ${ofEnte(s.ente.name)} senza comune: ${s.sat === 1 ? 'è confrontata' : 'sono confrontate'} con le unità assegnabili dell'ente in tutti i comuni.`,
      }));
    }
  },
});
