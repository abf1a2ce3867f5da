import { italianExcelError } from '../italian';
import { at, defineRule } from './rule';

export default defineRule({
  code: 'VALUE_EXCEL_ERROR',
  severity: 'error',
  title: 'Errore di formula Excel',
  description: 'Una cella con #N/D, #RIF!, #VALORE! o un altro errore non contiene un dato: va corretta la formula da cui dipende, altrimenti la cella non viene letta.',
  check({ model, report }) {
    for (const v of model.valueIssues) {
      if (v.problem !== 'excel-error') continue;
      const name = italianExcelError(v.shown);
      report(at(v, { value: name, message: `La cella «${v.label}» contiene l'errore di Excel ${name}: il valore non si può leggere.`, suggestion: 'Correggere la formula, oppure scrivere il valore.' }));
    }
  },
});
