import { a1 } from '../address';
import { TABLE_ORDER } from '../reading/schema';
import { defineRule } from './rule';

export default defineRule({
  code: 'HEADER_MISSING',
  severity: 'error',
  title: 'Colonna obbligatoria non trovata',
  description:
    "Senza una colonna obbligatoria (ad esempio «Stato» nel foglio «Unita») il foglio non si può leggere e i conteggi sarebbero sbagliati. Il messaggio elenca le intestazioni trovate, per capire come rinominarle.",
  check({ model, report }) {
    for (const kind of TABLE_ORDER) {
      const t = model.located.tables[kind];
      if (!t) continue;
      for (const issue of t.headerIssues) {
        if (issue.kind !== 'missing') continue;
        const found = t.headersFound.length ? t.headersFound.map((h) => `«${h}»`).join(', ') : 'nessuna';
        report({
          sheet: t.sheet.name,
          cell: a1(t.sheet.originRow + t.headerRow, t.sheet.originCol),
          value: '',
          message: `Nel foglio «${t.sheet.name}» manca la colonna «${issue.fieldHeader}». Intestazioni trovate: ${found}.`,
          suggestion: `Rinominare la colonna giusta in «${issue.fieldHeader}».`,
        });
      }
    }
    // The Comune column may be left out only by ALER (its aggregates have no comune): otherwise every
    // row would count under "comune non indicato" with nothing said.
    const unita = model.table('Unita');
    if (unita && !unita.columns.has('comune') && model.units.some((u) => u.ente.name !== null && !u.ente.isAler)) {
      report({
        sheet: unita.sheet.name,
        cell: a1(unita.sheet.originRow + unita.headerRow, unita.sheet.originCol),
        value: '',
        message: `Nel foglio «${unita.sheet.name}» manca la colonna «Comune», obbligatoria per le unità dei comuni (solo l'ALER può ometterla).`,
        suggestion: 'Aggiungere la colonna «Comune».',
      });
    }
  },
});
