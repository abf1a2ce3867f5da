import { enteLabel } from '../names/display';
import { at, defineRule, num } from './rule';

export default defineRule({
  code: 'ENTE_TOTAL_MISMATCH',
  severity: 'error',
  title: 'Totale unità diverso da SAP + SAS + altri usi',
  description: 'La consistenza del patrimonio di ogni ente deve tornare: il totale delle unità è la somma di quelle SAP, SAS e ad altri usi (Oglio Po 2021: 16 + 311 + 30 fanno 357, non 331).',
  legalRef: 'R.R. 4/2017, art. 4 c. 3 lett. a',
  check({ model, report }) {
    for (const e of model.enti) {
      if (e.totale === null || (e.sap === null && e.sas === null && e.altri === null)) continue;
      const sum = (e.sap ?? 0) + (e.sas ?? 0) + (e.altri ?? 0);
      if (sum === e.totale) continue;
      report(at(model.pos('Enti', e.r, 'totale'), {
        value: num(e.totale),
        message: `${enteLabel(e.name ?? e.written ?? 'Ente non indicato', e.written)}: il totale è ${num(e.totale)}, ma SAP ${num(e.sap ?? 0)} + SAS ${num(e.sas ?? 0)} + altri usi ${num(e.altri ?? 0)} fanno ${num(sum)}.`,
        suggestion: `Scrivere ${num(sum)}, oppure correggere SAP, SAS o altri usi.`,
      }));
    }
  },
});
