import { at, defineRule } from './rule';

export default defineRule({
  code: 'VALUE_NEGATIVE',
  severity: 'error',
  title: 'Valore negativo',
  description: 'Un numero di alloggi, un importo o una percentuale non può essere negativo: la cella non viene conteggiata.',
  check({ model, report }) {
    for (const v of model.valueIssues) {
      if (v.problem !== 'negative') continue;
      report(at(v, { value: v.shown, message: `«${v.label}» è negativo: ${v.shown}.`, suggestion: 'Scrivere il valore senza il segno meno, oppure correggerlo.' }));
    }
  },
});
