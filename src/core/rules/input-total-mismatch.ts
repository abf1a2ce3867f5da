import { at, defineRule, num } from './rule';

export default defineRule({
  code: 'INPUT_TOTAL_MISMATCH',
  severity: 'error',
  title: 'Riga TOTALE non coerente',
  description:
    "Una riga Totale/TOTALE il cui valore non è la somma delle righe sopra: è l'errore che arriva fino al piano approvato (Crema 2019, sezione a). Le righe di totale non sono mai conteggiate come dati.",
  check({ model, report }) {
    for (const t of model.totals) {
      report(at(t.pos, {
        value: num(t.written),
        message: `La riga dei totali riporta ${num(t.written)} in «${t.header}», ma la somma delle righe è ${num(t.sum)}.`,
        suggestion: `Scrivere ${num(t.sum)}.`,
      }));
    }
  },
});
