import { officialEnte } from '../names/display';
import { atCells, defineRule, rowsNote } from './rule';
import { ownerGroups } from './references';

export default defineRule({
  code: 'ENTE_NAME_VARIANT',
  severity: 'warning',
  title: "Nome dell'ente scritto diversamente",
  description: "L'ente è stato riconosciuto da un nome simile a quello del foglio «Enti» (ad esempio «COMUNE DI CASALBUTTANO» per il Comune di Casalbuttano ed Uniti): le unità sono conteggiate per quell'ente. Controllare l'abbinamento e uniformare il nome.",
  check({ model, report }) {
    for (const o of ownerGroups(model, (ref) => ref.kind === 'variant')) {
      report(atCells(o.sheet, o.cells, {
        value: o.written,
        message: `«${o.written}»${rowsNote(o.count)} è stato riconosciuto come «${officialEnte(o.ref.name!)}».`,
        suggestion: `Scrivere «${officialEnte(o.ref.name!)}».`,
      }));
    }
  },
});
