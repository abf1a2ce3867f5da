import { comuneLabel } from '../names/display';
import { nameKey } from '../names/normalize';
import { at, defineRule } from './rule';

export default defineRule({
  code: 'PREV_COMUNE_RESPONSE',
  severity: 'warning',
  severities: ['warning', 'info'],
  title: "Comune che ha risposto l'anno precedente e non quest'anno (o il contrario)",
  description: "Con la cartella del piano dell'anno precedente: un comune con «Comunicazione ricevuta» = Sì l'anno scorso e No quest'anno (avviso), o No l'anno scorso e Sì quest'anno (informazione).",
  legalRef: 'R.R. 4/2017, art. 4 c. 3',
  check({ model, previous, report }) {
    const last = previous[0];
    if (!last?.comuni || !model.hasComuniSheet) return;
    for (const c of model.comuni) {
      if (c.written === null || c.risposta === null) continue;
      const before = last.comuni.get(nameKey(c.written))?.risposta;
      if (before === undefined || before === null || before === c.risposta) continue;
      const pos = model.pos('Comuni', c.r, 'risposta');
      if (before) {
        report(at(pos, { value: 'No', message: `${comuneLabel(c.written)} aveva risposto per il piano ${last.anno}, ma non per il piano ${model.config.anno}.`, suggestion: 'Sollecitare il comune.' }));
      } else {
        report(at(pos, { severity: 'info', value: 'Sì', message: `${comuneLabel(c.written)} risponde per il piano ${model.config.anno}; per il piano ${last.anno} non aveva risposto.` }));
      }
    }
  },
});
