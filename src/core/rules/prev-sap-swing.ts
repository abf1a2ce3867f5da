import { enteLabel } from '../names/display';
import { nameKey } from '../names/normalize';
import { countOf, num, percent } from '../italian';
import { at, defineRule } from './rule';

export default defineRule({
  code: 'PREV_SAP_SWING',
  severity: 'warning',
  title: "Alloggi SAP molto diversi dall'anno precedente",
  description: "Con la cartella del piano dell'anno precedente: le unità SAP di un ente (sezione a) cambiano più della soglia (foglio «Ambito», «Variazione massima alloggi SAP %», 20% se non indicata) senza che il totale delle sue unità cambi altrettanto (alloggi costruiti, venduti o demoliti). Spesso è un numero scritto male.",
  legalRef: 'R.R. 4/2017, art. 4 c. 3 lett. a',
  check({ model, previous, report }) {
    const last = previous[0];
    if (!last || last.source !== 'workbook') return;
    const limit = model.config.sapSwing;
    for (const e of model.enti) {
      if (!e.name || e.sap === null) continue;
      const before = last.owners.get(nameKey(e.name));
      if (!before || before.sap === null || before.sap === 0) continue;
      const delta = e.sap - before.sap;
      const share = (Math.abs(delta) / before.sap) * 100;
      if (share <= limit) continue;
      // The whole stock moving the same way explains it (units built, sold or demolished).
      const dTot = e.totale !== null && before.totale !== null ? e.totale - before.totale : null;
      if (dTot !== null && Math.sign(dTot) === Math.sign(delta) && Math.abs(dTot) >= Math.abs(delta)) continue;
      report(at(model.pos('Enti', e.r, 'sap'), {
        value: num(e.sap),
        message: `${enteLabel(e.name, e.written)} dichiara ${countOf(e.sap, 'alloggio SAP', 'alloggi SAP')}; nel piano ${last.anno} erano ${num(before.sap)} (${delta > 0 ? '+' : '−'}${percent(share)}, oltre la soglia del ${percent(limit, 0)})${dTot === null ? '' : dTot === 0 ? ', mentre il totale delle unità non cambia' : `, mentre il totale delle unità cambia di ${dTot > 0 ? '+' : ''}${num(dTot)}`}.`,
        suggestion: "Verificare il numero di alloggi SAP con l'ente; se è giusto, annotarne il motivo nel piano.",
      }));
    }
  },
});
