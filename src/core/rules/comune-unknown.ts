import { officialComune } from '../names/display';
import { joinOr } from '../italian';
import { atCells, defineRule, rowsNote } from './rule';
import { comuneGroups, comuniUniverse } from './references';

export default defineRule({
  code: 'COMUNE_UNKNOWN',
  severity: 'error',
  title: "Comune non dell'ambito",
  description: "Un comune che non è tra quelli dell'ambito e non si riconosce come variante di uno di essi: le unità restano conteggiate sotto il nome scritto, ma il piano non è pronto finché il nome non è corretto. Si suggeriscono i nomi più vicini.",
  check({ model, report }) {
    for (const c of comuneGroups(model, (ref) => ref.kind === 'unknown')) {
      report(atCells(c.sheet, c.cells, {
        value: c.written,
        message: `«${c.ref.name}»${rowsNote(c.count)} non è un comune ${comuniUniverse(model)}: le unità sono conteggiate sotto il nome scritto.`,
        ...(c.ref.suggestions.length ? { suggestion: `Forse ${joinOr(c.ref.suggestions.map((n) => `«${officialComune(n)}»`))}: correggere il nome.` } : {}),
      }));
    }
  },
});
