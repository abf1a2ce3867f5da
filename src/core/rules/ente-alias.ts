import { at, defineRule, reportGrouped, rowsNote } from './rule';
import { ownerReferences } from './references';

export default defineRule({
  code: 'ENTE_ALIAS',
  severity: 'info',
  title: 'Ente ricavato da «ALER» o «COMUNE»',
  description: "Come nell'esportazione della Piattaforma regionale, una riga con il solo «COMUNE» è attribuita al Comune indicato nella riga, e «ALER…» all'unica ALER del foglio Enti.",
  check(ctx) {
    reportGrouped(ctx, ownerReferences(ctx.model), (o) => (o.ref.kind === 'alias' ? `${o.pos.sheet}\u0000${o.written}\u0000${o.ref.name}` : null), (o, n) =>
      at(o.pos, {
        value: o.written,
        message: o.ref.via === 'aler'
          ? `«${o.written}» è stato letto come «${o.ref.name}», l'unica ALER dell'ambito${rowsNote(n)}.`
          : `«${o.written}» con il comune della riga è stato letto come «${o.ref.name}»${rowsNote(n)}.`,
        suggestion: o.ref.name!,
      }),
    );
  },
});
