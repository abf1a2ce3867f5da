import { at, defineRule } from './rule';

export default defineRule({
  code: 'SAT_EXCEEDS_G',
  severity: 'error',
  title: 'SAT oltre gli alloggi assegnabili',
  description: "Gli alloggi per i servizi abitativi transitori si scelgono tra quelli assegnabili della sezione g: non possono essere di più (Oglio Po 2021: San Martino del Lago, 2 SAT con 0 alloggi assegnabili). Una riga SAT senza comune si confronta con tutti gli assegnabili dell'ente.",
  legalRef: 'R.R. 4/2017, art. 4 c. 3 lett. e; L.R. 16/2016, art. 23 c. 13',
  check({ model, g, report }) {
    for (const s of model.sat) {
      if (s.sat === null || s.sat === 0 || s.ente.name === null) continue;
      const available = s.comune.name === null ? g.gOfEnte(s.ente.name) : g.gOf(s.ente.name, s.comune.name);
      if (s.sat <= available) continue;
      const where = s.comune.name === null ? s.ente.name : `${s.ente.name} a ${s.comune.name}`;
      report(at(model.pos('SAT', s.r, 'sat'), {
        value: String(s.sat),
        message: `${where}: ${s.sat} unità SAT ma solo ${available} unità assegnabili.`,
        suggestion: `Al massimo ${available}.`,
      }));
    }
  },
});
