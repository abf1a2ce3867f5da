import { officialEnte } from '../names/display';
import { joinOr } from '../italian';
import { atCells, defineRule, rowsNote, sheetName } from './rule';
import { ownerGroups } from './references';

export default defineRule({
  code: 'ENTE_UNKNOWN',
  severity: 'error',
  title: 'Ente proprietario non riconosciuto',
  description:
    "Ogni alloggio deve appartenere a un ente del foglio «Enti»: un proprietario che non vi compare, né per nome né per una variante riconoscibile, impedisce di controllare i totali dell'ente. Le sue unità restano conteggiate sotto il nome scritto.",
  check({ model, report }) {
    for (const o of ownerGroups(model, (ref) => ref.kind === 'unknown')) {
      report(atCells(o.sheet, o.cells, {
        value: o.written,
        message: `L'ente «${o.ref.name}»${rowsNote(o.count)} non è nel foglio «${sheetName(model, 'Enti')}».`,
        suggestion: o.ref.suggestions.length ? `Forse ${joinOr(o.ref.suggestions.map((n) => `«${officialEnte(n)}»`))}: correggere il nome.` : `Aggiungere l'ente al foglio «${sheetName(model, 'Enti')}», oppure correggere il nome.`,
      }));
    }
  },
});
