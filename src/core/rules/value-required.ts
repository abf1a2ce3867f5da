import { at, defineRule } from './rule';

export default defineRule({
  code: 'VALUE_REQUIRED',
  severity: 'error',
  title: 'Cella obbligatoria vuota',
  description:
    "Una riga senza ente proprietario, stato o comune (il comune si può omettere solo per gli aggregati ALER) non si può attribuire: resta fuori dai conteggi o finisce sotto «comune non indicato».",
  check({ model, report }) {
    for (const m of model.missing) {
      report(at(m, { value: '', message: `La cella «${m.label}» di questa riga è vuota.`, suggestion: `Compilare «${m.label}».` }));
    }
  },
});
