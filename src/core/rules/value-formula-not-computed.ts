import { at, defineRule } from './rule';

export default defineRule({
  code: 'VALUE_FORMULA_NOT_COMPUTED',
  severity: 'error',
  title: 'Formula senza risultato',
  description:
    'Alcuni programmi (script, esportazioni, openpyxl) scrivono le formule senza calcolarle: in Excel la cella mostra un valore, ma nel file non c\'è. Finché il file non viene salvato da Excel o LibreOffice, che le calcolano, la cella non si può leggere e non viene conteggiata.',
  check({ model, report }) {
    for (const v of model.valueIssues) {
      if (v.problem !== 'uncomputed-formula') continue;
      report(at(v, {
        value: v.shown,
        message: `La cella «${v.label}» contiene la formula ${v.shown} ma non il suo risultato: il file è stato salvato da un programma che non calcola le formule, e la cella non viene letta.`,
        suggestion: 'Aprire il file in Excel o LibreOffice, salvarlo (le formule vengono calcolate) e controllarlo di nuovo; oppure scrivere il valore.',
      }));
    }
  },
});
