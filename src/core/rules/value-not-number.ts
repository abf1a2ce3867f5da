import { at, defineRule } from './rule';

export default defineRule({
  code: 'VALUE_NOT_NUMBER',
  severity: 'error',
  title: 'Testo al posto di un numero',
  description:
    'Scritte come «1 + 5da turn over» o «29 di cui 7 per altri usi abitativi» non si possono sommare: il numero va nella sua colonna e il commento nelle Note. Lo stesso per una data non leggibile.',
  check({ model, report }) {
    for (const v of model.valueIssues) {
      if (v.problem === 'not-number') {
        report(at(v, { value: v.shown, message: `«${v.shown}» non è un numero (${v.label}): la cella non viene contata.`, suggestion: 'Scrivere solo il numero; spostare il commento nella colonna Note.' }));
      } else if (v.problem === 'not-date') {
        report(at(v, { value: v.shown, message: `«${v.shown}» non è una data leggibile (${v.label}).`, suggestion: 'Scrivere la data come gg/mm/aaaa.' }));
      }
    }
  },
});
