import { comuneLabel } from '../names/display';
import { isCategorySet } from '../reading/plan';
import { at, defineRule } from './rule';

export default defineRule({
  code: 'CATEGORY_WITHOUT_MOTIVATION',
  severity: 'warning',
  title: 'Categoria aggiuntiva senza motivazione',
  description: "La norma chiede che l'ulteriore categoria di particolare rilevanza sociale sia scelta «sulla base di un'adeguata motivazione»: senza motivazione la scelta del comune è contestabile.",
  legalRef: 'R.R. 4/2017, art. 4 c. 3 lett. d',
  check({ model, report }) {
    for (const c of model.comuni) {
      if (!isCategorySet(c.categoria) || c.motivazione !== null) continue;
      const pos = model.table('Comuni')!.columns.has('motivazione') ? model.pos('Comuni', c.r, 'motivazione') : model.pos('Comuni', c.r, 'categoria');
      report(at(pos, {
        value: c.categoria!,
        message: `${comuneLabel(c.written ?? 'Comune non indicato')}: la categoria aggiuntiva «${c.categoria}» non ha una motivazione.`,
        suggestion: 'Scrivere la motivazione riportata nella delibera del comune.',
      }));
    }
  },
});
