import { at, defineRule, reportGrouped, rowsNote } from './rule';
import { ownerReferences } from './references';

export default defineRule({
  code: 'ENTE_NAME_VARIANT',
  severity: 'warning',
  title: 'Nome dell\'ente scritto diversamente',
  description: "L'ente è stato riconosciuto da un nome simile a quello del foglio Enti (ad esempio «COMUNE DI CASALBUTTANO» per il Comune di Casalbuttano ed Uniti): le unità contano per quell'ente. Controllare l'abbinamento e uniformare il nome.",
  check(ctx) {
    reportGrouped(ctx, ownerReferences(ctx.model), (o) => (o.ref.kind === 'variant' ? `${o.pos.sheet}\u0000${o.written}` : null), (o, n) =>
      at(o.pos, {
        value: o.written,
        message: `«${o.written}» è stato letto come «${o.ref.name}»${rowsNote(n)}.`,
        suggestion: o.ref.name!,
      }),
    );
  },
});
