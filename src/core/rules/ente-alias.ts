import { officialEnte } from '../names/display';
import { atCells, defineRule, rowsNote } from './rule';
import { ownerGroups } from './references';

export default defineRule({
  code: 'ENTE_ALIAS',
  severity: 'info',
  title: 'Ente ricavato da «ALER» o «COMUNE»',
  description: "Come nell'esportazione della Piattaforma regionale, una riga con il solo «COMUNE» è attribuita al Comune indicato nella riga, e «ALER…» all'unica ALER del foglio «Enti».",
  check({ model, report }) {
    for (const o of ownerGroups(model, (ref) => ref.kind === 'alias')) {
      report(atCells(o.sheet, o.cells, {
        value: o.written,
        message: o.ref.via === 'aler'
          ? `«${o.written}»${rowsNote(o.count)} è stato riconosciuto come «${o.ref.name}», l'unica ALER dell'ambito.`
          : `«${o.written}»${rowsNote(o.count)}, con il comune della riga, è stato riconosciuto come «${officialEnte(o.ref.name!)}».`,
      }));
    }
  },
});
