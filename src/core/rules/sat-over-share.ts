import { at, defineRule, num } from './rule';

export default defineRule({
  code: 'SAT_OVER_SHARE',
  severity: 'warning',
  title: 'Quota SAT oltre la soglia',
  description: "Le unità destinate ai servizi abitativi transitori superano la quota configurata (10% delle assegnabili, o il valore nel foglio Ambito): troppi alloggi transitori riducono quelli per la graduatoria ordinaria. La soglia è una scelta dell'ambito, non un limite di legge.",
  legalRef: 'R.R. 4/2017, art. 4 c. 3 lett. e',
  check({ model, g, report }) {
    const share = model.config.satShare;
    for (const s of model.sat) {
      if (s.sat === null || s.sat === 0 || s.ente.name === null) continue;
      const available = s.comune.name === null ? g.gOfEnte(s.ente.name) : g.gOf(s.ente.name, s.comune.name);
      // Above g is SAT_EXCEEDS_G's error; here only what fits in g but is above the share.
      if (available === 0 || s.sat > available || s.sat <= (available * share) / 100) continue;
      const pct = Math.round((s.sat / available) * 1000) / 10;
      const where = s.comune.name === null ? s.ente.name : `${s.ente.name} a ${s.comune.name}`;
      report(at(model.pos('SAT', s.r, 'sat'), {
        value: String(s.sat),
        message: `${where}: ${s.sat} unità SAT su ${available} assegnabili (${num(pct)}%), oltre la quota del ${num(share)}%.`,
      }));
    }
  },
});
