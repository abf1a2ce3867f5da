import { at, defineRule } from './rule';

export default defineRule({
  code: 'VALUE_NOT_NUMBER',
  severity: 'error',
  title: 'Testo al posto di un numero',
  description:
    'Scritte come «1 + 5da turn over» o «29 di cui 7 per altri usi abitativi» non si possono sommare: il numero va nella sua colonna e il commento a parte (nel foglio «Unita», nella colonna «Note»). Lo stesso per una data non leggibile.',
  check({ model, report }) {
    // Only the Unita sheet has a Note column: elsewhere the comment goes to a column of the user's.
    const unita = model.table('Unita');
    const withNotes = unita && !unita.pasted && unita.columns.has('note') ? unita.sheet.name : null;
    for (const v of model.valueIssues) {
      if (v.problem === 'not-number') {
        const where = v.sheet === withNotes ? 'nella colonna «Note»' : "in un'altra colonna";
        report(at(v, { value: v.shown, message: `«${v.shown}» in «${v.label}» non è un numero: la cella non viene conteggiata.`, suggestion: `Scrivere solo il numero e spostare il commento ${where}.` }));
      } else if (v.problem === 'not-date') {
        report(at(v, { value: v.shown, message: `«${v.shown}» in «${v.label}» non è una data leggibile.`, suggestion: 'Scrivere la data come gg/mm/aaaa.' }));
      }
    }
  },
});
