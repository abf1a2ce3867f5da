import { enteLabel } from '../names/display';
import { at, defineRule, num } from './rule';

export default defineRule({
  code: 'ASSIGNED_BREAKDOWN_EXCEEDS',
  severity: 'error',
  title: '«Di cui» oltre le assegnazioni',
  description: "Le assegnazioni in deroga e per mobilità d'ufficio sono parte delle unità assegnate l'anno precedente e non possono superarle.",
  legalRef: 'R.R. 4/2017, art. 4 c. 3 lett. g',
  check({ model, report }) {
    for (const a of model.assegnazioni) {
      if (a.assegnate === null) continue;
      const parts = (a.deroga ?? 0) + (a.mobilita ?? 0);
      if (parts <= a.assegnate) continue;
      report(at(model.pos('Assegnazioni', a.r, 'assegnate'), {
        value: String(a.assegnate),
        message: `${enteLabel(a.ente.name ?? 'Ente non indicato', a.enteWritten)}: ${num(a.deroga ?? 0)} in deroga e ${num(a.mobilita ?? 0)} per mobilità d'ufficio fanno ${num(parts)}, più delle ${num(a.assegnate)} unità assegnate in tutto.`,
      }));
    }
  },
});
