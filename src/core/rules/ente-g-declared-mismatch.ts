import { enteLabel } from '../names/display';
import { countOf } from '../italian';
import { at, defineRule, num, sheetName } from './rule';

export default defineRule({
  code: 'ENTE_G_DECLARED_MISMATCH',
  severity: 'error',
  title: 'Totale g diverso da quello dichiarato',
  description: "Il numero complessivo di unità disponibili dichiarato dall'ente (come nel report della Piattaforma) deve coincidere con gli alloggi che elenca: nel piano di Cremona 2023 Pozzaglio ed Uniti ne dichiara 2 e ne elenca 3.",
  legalRef: 'R.R. 4/2017, art. 4 c. 2',
  check({ model, g, report }) {
    for (const e of model.enti) {
      if (!e.name || e.gDichiarato === null) continue;
      const computed = g.gOfEnte(e.name);
      if (computed === e.gDichiarato) continue;
      report(at(model.pos('Enti', e.r, 'gDichiarato'), {
        value: num(e.gDichiarato),
        message: `${enteLabel(e.name, e.written)} dichiara ${countOf(e.gDichiarato, 'unità assegnabile', 'unità assegnabili')}, ma dalle righe del foglio «${sheetName(model, 'Unita')}» ne ${computed === 1 ? 'risulta' : 'risultano'} ${num(computed)}.`,
        suggestion: `Scrivere ${num(computed)}, oppure correggere le righe dell'ente nel foglio «${sheetName(model, 'Unita')}».`,
      }));
    }
  },
});
