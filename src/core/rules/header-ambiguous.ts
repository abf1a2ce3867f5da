import { a1, columnLetter } from '../address';
import { TABLE_ORDER } from '../reading/schema';
import { defineRule } from './rule';

export default defineRule({
  code: 'HEADER_AMBIGUOUS',
  severity: 'warning',
  title: 'Due colonne per lo stesso dato',
  description:
    'Due colonne hanno intestazioni che indicano lo stesso dato: si usa la prima, ma si rischia di leggere quella sbagliata. Rinominare o eliminare quella che non serve.',
  check({ model, report }) {
    for (const kind of TABLE_ORDER) {
      const t = model.located.tables[kind];
      if (!t) continue;
      for (const issue of t.headerIssues) {
        if (issue.kind !== 'ambiguous' || !issue.candidates) continue;
        const [used, ...others] = issue.candidates;
        for (const other of others) {
          report({
            sheet: t.sheet.name,
            cell: a1(t.sheet.originRow + t.headerRow, t.sheet.originCol + other.col),
            value: other.header,
            message: `Le colonne ${columnLetter(t.sheet.originCol + used!.col)} («${used!.header}») e ${columnLetter(t.sheet.originCol + other.col)} («${other.header}») possono entrambe contenere «${issue.fieldHeader}»: è stata usata la colonna ${columnLetter(t.sheet.originCol + used!.col)}.`,
            suggestion: `Cambiare l'intestazione della colonna che non contiene «${issue.fieldHeader}», oppure eliminarla.`,
          });
        }
      }
    }
  },
});
