import { comuneLabel } from '../names/display';
import { ComuneRow, PlanModel } from '../reading/plan';
import { at, defineRule } from './rule';

/**
 * The comuni with «Comunicazione ricevuta» = No, split as the rule judges them: those that owed an
 * answer, and those the Enti sheet shows owning no SAP unit. The plan document says the same.
 */
export function comuniWithoutAnswer(model: PlanModel): { owed: ComuneRow[]; notOwed: ComuneRow[] } {
  const sapOf = new Map<string, number | null>();
  for (const e of model.enti) if (e.tipo === 'Comune' && e.comune?.name) sapOf.set(e.comune.name, e.sap);
  const owed: ComuneRow[] = [];
  const notOwed: ComuneRow[] = [];
  for (const c of model.comuni) {
    if (c.risposta !== false || c.written === null) continue;
    (sapOf.get(c.written) === 0 ? notOwed : owed).push(c);
  }
  return { owed, notOwed };
}

export default defineRule({
  code: 'COMUNE_NO_RESPONSE',
  severity: 'warning',
  title: 'Comune che non ha risposto',
  description: "Un comune con «Comunicazione ricevuta» = No. Anche un comune con soli alloggi ALER deve decidere la quota per le Forze di Polizia e le categorie: senza la sua risposta il piano è incompleto. Non si segnala se il foglio «Enti» mostra che il comune non possiede alloggi SAP.",
  legalRef: 'R.R. 4/2017, art. 4 c. 3 lett. c, d, d bis',
  check({ model, report }) {
    for (const c of comuniWithoutAnswer(model).owed) {
      report(at(model.pos('Comuni', c.r, 'risposta'), {
        value: 'No',
        message: `${comuneLabel(c.written ?? 'Comune non indicato')} non ha inviato i dati per il piano.`,
        suggestion: 'Sollecitare il comune; se non risponde, indicarlo nel piano con il motivo.',
      }));
    }
  },
});
