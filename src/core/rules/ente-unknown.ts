import { at, defineRule, reportGrouped, rowsNote } from './rule';
import { ownerReferences } from './references';

export default defineRule({
  code: 'ENTE_UNKNOWN',
  severity: 'error',
  title: 'Ente proprietario non riconosciuto',
  description:
    "Ogni alloggio deve appartenere a un ente del foglio Enti: un proprietario che non vi compare, né per nome né per una variante riconoscibile, impedisce di controllare i totali dell'ente. Le sue unità restano contate sotto il nome scritto.",
  check(ctx) {
    reportGrouped(ctx, ownerReferences(ctx.model), (o) => (o.ref.kind === 'unknown' ? `${o.pos.sheet}\u0000${o.ref.name}` : null), (o, n) =>
      at(o.pos, {
        value: o.written,
        message: `L'ente «${o.ref.name}» non è nel foglio Enti${rowsNote(n)}.`,
        ...(o.ref.suggestions.length ? { suggestion: `Forse: ${o.ref.suggestions.join('; ')}` } : { suggestion: "Aggiungere l'ente al foglio Enti o correggere il nome." }),
      }),
    );
  },
});
