import { countOf, num } from '../italian';
import { atRows, defineRule } from './rule';
import { placeOf, satGroups } from './sat-groups';

export default defineRule({
  code: 'SAT_EXCEEDS_G',
  severity: 'error',
  title: 'SAT oltre gli alloggi assegnabili',
  description: "Gli alloggi per i servizi abitativi transitori si scelgono tra quelli assegnabili della sezione g: non possono essere di più (Oglio Po 2021: San Martino del Lago, 2 SAT con 0 alloggi assegnabili). Le righe SAT dello stesso ente e comune si sommano; una riga senza comune si confronta con tutti gli assegnabili dell'ente.",
  legalRef: 'R.R. 4/2017, art. 4 c. 3 lett. e; L.R. 16/2016, art. 23 c. 13',
  check(ctx) {
    for (const group of satGroups(ctx)) {
      if (group.sat <= group.available) continue;
      ctx.report(atRows(ctx.model, 'SAT', 'sat', group.rows, {
        value: String(group.first.sat),
        message: `${placeOf(group)}: ${countOf(group.sat, 'unità destinata', 'unità destinate')} ai SAT, ma ${group.available === 0 ? 'nessuna unità assegnabile' : `solo ${countOf(group.available, 'unità assegnabile', 'unità assegnabili')}`}.`,
        suggestion: group.available === 0 ? 'Togliere le unità SAT, oppure aggiungere le unità assegnabili mancanti.' : `Scrivere al massimo ${num(group.available)}.`,
      }));
    }
  },
});
