import { at, defineRule } from './rule';

export default defineRule({
  code: 'VALUE_NOT_INTEGER',
  severity: 'error',
  title: 'Conteggio con decimali',
  description: 'Gli alloggi si contano a unità intere: un numero con decimali in un conteggio è quasi sempre un errore di battitura, e la cella non viene conteggiata.',
  check({ model, report }) {
    for (const v of model.valueIssues) {
      if (v.problem !== 'not-integer') continue;
      report(at(v, { value: v.shown, message: `«${v.shown}» ha i decimali, ma «${v.label}» è un numero di unità.`, suggestion: 'Scrivere un numero intero.' }));
    }
  },
});
