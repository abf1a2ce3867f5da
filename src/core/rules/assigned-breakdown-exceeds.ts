import { enteLabel } from '../names/display';
import { at, defineRule, num } from './rule';

/** "più delle 4 unità assegnate in tutto", and the singular and zero that read otherwise. */
function beyondAssigned(n: number): string {
  if (n === 0) return 'ma nessuna unità risulta assegnata';
  if (n === 1) return "più dell'unica unità assegnata";
  return `più delle ${num(n)} unità assegnate in tutto`;
}

export default defineRule({
  code: 'ASSIGNED_BREAKDOWN_EXCEEDS',
  severity: 'error',
  title: 'Assegnazioni in deroga e per mobilità oltre il totale',
  description: "Le assegnazioni in deroga e per mobilità d'ufficio sono parte delle unità assegnate l'anno precedente e non possono superarle.",
  legalRef: 'R.R. 4/2017, art. 4 c. 3 lett. g',
  check({ model, report }) {
    for (const a of model.assegnazioni) {
      if (a.assegnate === null) continue;
      const parts = (a.deroga ?? 0) + (a.mobilita ?? 0);
      if (parts <= a.assegnate) continue;
      report(at(model.pos('Assegnazioni', a.r, 'assegnate'), {
        value: String(a.assegnate),
        message: `${enteLabel(a.ente.name ?? 'Ente non indicato', a.enteWritten)}: ${num(a.deroga ?? 0)} in deroga e ${num(a.mobilita ?? 0)} per mobilità d'ufficio fanno ${num(parts)}, ${beyondAssigned(a.assegnate)}.`,
      }));
    }
  },
});
