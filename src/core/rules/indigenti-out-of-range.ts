import { comuneLabel } from '../names/display';
import { at, defineRule, num } from './rule';

export default defineRule({
  code: 'INDIGENTI_OUT_OF_RANGE',
  severity: 'error',
  title: 'Soglia indigenti fuori intervallo',
  description: "Il piano indica solo la quota per i nuclei indigenti oltre il 20% già previsto: deve stare tra 0 e 80, perché insieme al 20% non può superare il 100%.",
  legalRef: 'R.R. 4/2017, art. 4 c. 3 lett. c; L.R. 16/2016, art. 23 c. 3',
  check({ model, report }) {
    for (const c of model.comuni) {
      if (c.soglia === null || (c.soglia >= 0 && c.soglia <= 80)) continue;
      report(at(model.pos('Comuni', c.r, 'soglia'), {
        value: `${num(c.soglia)}%`,
        message: `${comuneLabel(c.written ?? 'Comune non indicato')}: la soglia per gli indigenti oltre il 20% è del ${num(c.soglia)}%, fuori dall'intervallo da 0 a 80.`,
        suggestion: 'Scrivere solo la quota oltre il 20% (ad esempio 10 per arrivare al 30%).',
      }));
    }
  },
});
