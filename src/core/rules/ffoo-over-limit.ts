import { comuneLabel } from '../names/display';
import { at, defineRule, num } from './rule';

export default defineRule({
  code: 'FFOO_OVER_LIMIT',
  severity: 'error',
  title: 'Quota Forze di Polizia oltre il limite',
  description: "Alle Forze di Polizia e al Corpo nazionale dei Vigili del Fuoco si può riservare al massimo il 10% delle unità disponibili nell'anno (o il limite indicato nel foglio «Ambito»).",
  legalRef: 'R.R. 4/2017, art. 4 c. 3 lett. d bis e art. 7 bis',
  check({ model, report }) {
    const limit = model.config.ffooLimit;
    for (const c of model.comuni) {
      if (c.ffoo === null || c.ffoo <= limit) continue;
      report(at(model.pos('Comuni', c.r, 'ffoo'), {
        value: `${num(c.ffoo)}%`,
        message: `${comuneLabel(c.written ?? 'Comune non indicato')}: la quota per Forze di Polizia e Vigili del Fuoco è del ${num(c.ffoo)}%, oltre il massimo del ${num(limit)}%.`,
        suggestion: `Scrivere al massimo ${num(limit)}%.`,
      }));
    }
  },
});
