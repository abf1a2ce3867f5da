import { TABLE_ORDER } from '../reading/schema';
import { defineRule } from './rule';

/** What is lost without each optional sheet, as the user reads it. */
const MESSAGE: Record<string, string> = {
  Comuni: "Foglio «Comuni» non trovato: senza i comuni dell'ambito e le loro scelte (sezioni h, i, d bis) i nomi sono confrontati con l'elenco ISTAT della Lombardia, e il piano non è pronto per l'Assemblea.",
  Enti: 'Foglio «Enti» non trovato: senza gli enti proprietari e il loro patrimonio (sezione a) non si controllano i nomi degli enti né i totali dichiarati, e il piano non è pronto per l\'Assemblea.',
  SAT: 'Foglio «SAT» non trovato: si intende che nessun comune destini unità ai servizi abitativi transitori (sezione j).',
  Assegnazioni: "Foglio «Assegnazioni» non trovato: mancano le unità assegnate l'anno precedente (sezione k), e il piano non è pronto per l'Assemblea.",
};

export default defineRule({
  code: 'SHEET_MISSING',
  severity: 'info',
  title: 'Foglio mancante',
  description:
    "Un piano si compone dei fogli «Ambito», «Comuni», «Enti», «Unita», «SAT» e «Assegnazioni»: senza uno di essi i controlli che ne dipendono non si fanno, e senza «Ambito», «Comuni», «Enti» o «Assegnazioni» il piano non è pronto per l'Assemblea. Un file senza l'elenco delle unità non è un piano e non viene controllato. L'elenco di un solo ente (ad esempio l'Allegato B dell'ALER) si controlla anche da solo.",
  check({ model, report }) {
    const { ambito, tables } = model.located;
    // One owner's list on its own (scope "ente"): the other sheets are not expected, so not missed.
    if (!ambito && !tables.Comuni && !tables.Enti) return;
    if (!ambito) {
      report({ sheet: 'Ambito', value: '', message: "Foglio «Ambito» non trovato: mancano il nome dell'ambito e l'anno, e si usano i limiti predefiniti (SAT 10%, Forze di Polizia 10%, auto-manutenzione 8.000 €).", suggestion: "Aggiungere un foglio «Ambito» con il nome dell'ambito e l'anno (nel componente aggiuntivo di Excel lo crea il pulsante «Crea fogli standard»)." });
    }
    for (const kind of TABLE_ORDER) {
      const message = MESSAGE[kind];
      if (!tables[kind] && message) report({ sheet: kind, value: '', message });
    }
  },
});
