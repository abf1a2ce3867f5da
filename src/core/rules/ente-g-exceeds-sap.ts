import { enteLabel } from '../names/display';
import { countOf } from '../italian';
import { at, defineRule, num, sheetName } from './rule';

export default defineRule({
  code: 'ENTE_G_EXCEEDS_SAP',
  severity: 'error',
  title: 'Unità assegnabili oltre gli alloggi SAP posseduti',
  description: "Un ente non può mettere a disposizione nell'anno più alloggi SAP di quanti ne possiede: la sezione g dell'ente supera le sue unità SAP della sezione a.",
  check({ model, g, report }) {
    for (const e of model.enti) {
      if (!e.name || e.sap === null) continue;
      const gEnte = g.gOfEnte(e.name);
      if (gEnte <= e.sap) continue;
      report(at(model.pos('Enti', e.r, 'sap'), {
        value: num(e.sap),
        message: `${enteLabel(e.name, e.written)} ha ${countOf(gEnte, 'unità assegnabile', 'unità assegnabili')} (sezione g), ma ${e.sap === 0 ? 'non possiede alloggi SAP' : `possiede solo ${countOf(e.sap, 'alloggio SAP', 'alloggi SAP')}`} (sezione a).`,
        suggestion: `Verificare il numero di alloggi SAP dichiarato, oppure le righe dell'ente nel foglio «${sheetName(model, 'Unita')}».`,
      }));
    }
  },
});
