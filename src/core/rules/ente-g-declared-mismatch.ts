import { at, defineRule } from './rule';

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
        value: String(e.gDichiarato),
        message: `${e.name} dichiara ${e.gDichiarato} unità assegnabili, ma dal foglio Unita ne risultano ${computed}.`,
        suggestion: String(computed),
      }));
    }
  },
});
