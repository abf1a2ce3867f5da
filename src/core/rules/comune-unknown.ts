import { at, defineRule, reportGrouped, rowsNote } from './rule';
import { comuneReferences, comuniUniverse } from './references';

export default defineRule({
  code: 'COMUNE_UNKNOWN',
  severity: 'error',
  title: "Comune non dell'ambito",
  description: "Un comune che non è tra quelli dell'ambito e non si riconosce come variante di uno di essi: le unità restano contate sotto il nome scritto, ma il piano non è pronto finché il nome non è corretto. Si suggeriscono i nomi più vicini.",
  check(ctx) {
    const { model } = ctx;
    reportGrouped(ctx, comuneReferences(model), (c) => (c.ref.kind === 'unknown' ? `${c.pos.sheet}\u0000${c.ref.name}` : null), (c, n) =>
      at(c.pos, {
        value: c.written,
        message: `«${c.ref.name}» non è un comune ${comuniUniverse(model)}${rowsNote(n)}.`,
        ...(c.ref.suggestions.length ? { suggestion: `Forse: ${c.ref.suggestions.join('; ')}` } : {}),
      }),
    );
  },
});
