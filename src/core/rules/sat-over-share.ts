import { countOf } from '../italian';
import { atRows, defineRule, num } from './rule';
import { placeOf, satGroups } from './sat-groups';

export default defineRule({
  code: 'SAT_OVER_SHARE',
  severity: 'warning',
  title: 'Quota SAT oltre la soglia',
  description: "Le unità destinate ai servizi abitativi transitori superano la quota configurata (10% delle assegnabili, o il valore nel foglio «Ambito»): troppi alloggi transitori riducono quelli per la graduatoria ordinaria. La soglia è una scelta dell'ambito, non un limite di legge.",
  legalRef: 'R.R. 4/2017, art. 4 c. 3 lett. e',
  check(ctx) {
    const share = ctx.model.config.satShare;
    for (const group of satGroups(ctx)) {
      // Above g is SAT_EXCEEDS_G's error; here only what fits in g but is above the share.
      if (group.available === 0 || group.sat > group.available || group.sat <= (group.available * share) / 100) continue;
      const pct = Math.round((group.sat / group.available) * 1000) / 10;
      ctx.report(atRows(ctx.model, 'SAT', 'sat', group.rows, {
        value: String(group.first.sat),
        message: `${placeOf(group)}: ${countOf(group.sat, 'unità destinata', 'unità destinate')} ai SAT su ${countOf(group.available, 'assegnabile', 'assegnabili')} (${num(pct)}%), oltre la quota del ${num(share)}%.`,
      }));
    }
  },
});
