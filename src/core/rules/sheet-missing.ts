import { TABLE_ORDER, TABLES } from '../reading/schema';
import { defineRule } from './rule';

export default defineRule({
  code: 'SHEET_MISSING',
  severity: 'error',
  severities: ['error', 'info'],
  title: 'Foglio mancante',
  description:
    "Senza il foglio Unita non si può calcolare quanti alloggi saranno assegnabili (errore). Gli altri fogli (Ambito, Comuni, Enti, SAT, Assegnazioni) sono facoltativi: senza di essi alcuni controlli non si fanno (informazione).",
  check({ model, report }) {
    if (!model.located.ambito) {
      report({ severity: 'info', sheet: 'Ambito', value: '', message: "Foglio Ambito non trovato: nome dell'ambito e anno non indicati; si usano i limiti predefiniti (SAT 10%, Forze di Polizia 10%, auto-manutenzione 8.000 €).", suggestion: 'Usare «Crea fogli standard» per aggiungerlo.' });
    }
    for (const kind of TABLE_ORDER) {
      if (model.located.tables[kind]) continue;
      const spec = TABLES[kind];
      if (spec.required) {
        report({ severity: 'error', sheet: kind, value: '', message: `Foglio ${kind} non trovato: senza l'elenco delle unità non si può calcolare la sezione g.`, suggestion: `Aggiungere un foglio chiamato «${kind}» con le colonne ${spec.fields.filter((f) => f.required).map((f) => `«${f.headers[0]}»`).join(', ')}.` });
      } else {
        report({ severity: 'info', sheet: kind, value: '', message: `Foglio ${kind} non trovato: i controlli che ne dipendono non sono stati eseguiti.` });
      }
    }
  },
});
