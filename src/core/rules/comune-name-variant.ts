import { officialComune } from '../names/display';
import { atCells, defineRule, rowsNote } from './rule';
import { comuneGroups } from './references';

export default defineRule({
  code: 'COMUNE_NAME_VARIANT',
  severity: 'warning',
  title: 'Nome del comune scritto diversamente',
  description: "Il comune è stato riconosciuto da una grafia diversa (ad esempio «Vaiano» per Vaiano Cremasco, «CASTELIDONE» per Casteldidone): le unità sono conteggiate sotto il nome ufficiale, ma nel documento va scritto quello.",
  check({ model, report }) {
    for (const c of comuneGroups(model, (ref) => ref.kind === 'variant')) {
      report(atCells(c.sheet, c.cells, {
        value: c.written,
        message: c.inOwnerName
          ? `Nel nome dell'ente «${c.written}» il comune è stato riconosciuto come «${officialComune(c.ref.name!)}».`
          : `«${c.written}»${rowsNote(c.count)} è stato riconosciuto come «${officialComune(c.ref.name!)}».`,
        suggestion: `Scrivere «${c.inOwnerName ? `Comune di ${officialComune(c.ref.name!)}` : officialComune(c.ref.name!)}».`,
      }));
    }
  },
});
