import { enteLabel } from '../names/display';
import { italianDate } from '../reading/values';
import { at, defineRule } from './rule';

export default defineRule({
  code: 'ENTE_LATE',
  severity: 'warning',
  title: 'Comunicazione oltre il termine',
  description: "La data di ricezione dei dati dell'ente è successiva al termine fissato dal capofila (foglio «Ambito», «Termine comunicazioni»): annotare il ritardo o sollecitare l'ente.",
  legalRef: 'R.R. 4/2017, art. 4 c. 2',
  check({ model, report }) {
    const termine = model.config.termine;
    if (!termine) return;
    for (const e of model.enti) {
      if (!e.dataRicezione || e.dataRicezione <= termine) continue;
      report(at(model.pos('Enti', e.r, 'dataRicezione'), {
        value: italianDate(e.dataRicezione),
        message: `${enteLabel(e.name ?? e.written ?? 'Ente non indicato', e.written)}: dati ricevuti il ${italianDate(e.dataRicezione)}, dopo il termine del ${italianDate(termine)}.`,
      }));
    }
  },
});
