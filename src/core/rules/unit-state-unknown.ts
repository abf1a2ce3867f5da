import { groupBy } from './groups';
import { atRows, defineRule, rowsNote } from './rule';

export default defineRule({
  code: 'UNIT_STATE_UNKNOWN',
  severity: 'error',
  title: "Stato dell'alloggio non riconosciuto",
  description:
    "Lo stato decide in quale sezione (b–f) va l'alloggio: se non si riconosce (ad esempio un refuso o una dicitura nuova), la riga non viene conteggiata. Stati riconosciuti: carenza manutentiva, ristrutturazione, nuova edificazione, libero, turnover, libero o turnover, conferito da privati; assegnato, occupato, in vendita, altri usi (esclusi).",
  legalRef: 'R.R. 4/2017, art. 4 c. 3 lett. b',
  check(ctx) {
    const { model } = ctx;
    for (const { first: u, items } of groupBy(model.units, (u) => (u.state?.kind === 'unknown' ? [u.statoWritten] : null))) {
      const n = items.length;
      ctx.report(atRows(model, 'Unita', 'stato', items, {
        value: u.statoWritten!,
        message: `Stato «${u.statoWritten}»${rowsNote(n)} non riconosciuto: ${n > 1 ? 'le righe non sono conteggiate' : 'la riga non è conteggiata'}.`,
        suggestion: 'Scrivere uno degli stati: Carenza manutentiva, Ristrutturazione, Nuova edificazione, Libero, Turnover, Libero o turnover, Conferito da privati, Assegnato.',
      }));
    }
  },
});
