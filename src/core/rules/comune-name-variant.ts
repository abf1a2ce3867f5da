import { at, defineRule, reportGrouped, rowsNote } from './rule';
import { comuneReferences } from './references';

export default defineRule({
  code: 'COMUNE_NAME_VARIANT',
  severity: 'warning',
  title: 'Nome del comune scritto diversamente',
  description: "Il comune è stato riconosciuto da una grafia diversa (ad esempio «Vaiano» per Vaiano Cremasco, «CASTELIDONE» per Casteldidone): le unità contano sotto il nome ufficiale, ma nel documento va scritto quello.",
  check(ctx) {
    reportGrouped(ctx, comuneReferences(ctx.model), (c) => (c.ref.kind === 'variant' ? `${c.pos.sheet}\u0000${c.written}` : null), (c, n) =>
      at(c.pos, {
        value: c.written,
        message: c.inOwnerName
          ? `Nel nome dell'ente «${c.written}» il comune è stato letto come «${c.ref.name}».`
          : `«${c.written}» è stato letto come «${c.ref.name}»${rowsNote(n)}.`,
        suggestion: c.inOwnerName ? `Comune di ${c.ref.name}` : c.ref.name!,
      }),
    );
  },
});
