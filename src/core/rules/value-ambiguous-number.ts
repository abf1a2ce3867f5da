import { at, defineRule } from './rule';

export default defineRule({
  code: 'VALUE_AMBIGUOUS_NUMBER',
  severity: 'warning',
  title: 'Numero di lettura incerta',
  description:
    '«1.006» in un conteggio è interpretato come 1006 (punto delle migliaia, all\'italiana), ma potrebbe essere un decimale incollato male: verificare che sia il valore voluto.',
  check({ model, report }) {
    for (const v of model.valueIssues) {
      if (v.problem !== 'ambiguous-number') continue;
      // Plain digits: "1.028" read as 1028 must not be printed back as 1.028.
      const readAs = String(v.readAs ?? 0);
      report(at(v, { value: v.shown, message: `«${v.shown}» in «${v.label}» è stato interpretato come ${readAs}: il punto è stato preso per il separatore delle migliaia.`, suggestion: `Se il valore è ${readAs}, scriverlo senza punto; altrimenti correggerlo.` }));
    }
  },
});
