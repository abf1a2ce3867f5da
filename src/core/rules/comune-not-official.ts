import { findCeased } from '../reference/comuni';
import { at, defineRule } from './rule';

export default defineRule({
  code: 'COMUNE_NOT_OFFICIAL',
  severity: 'warning',
  title: "Comune assente dall'elenco ISTAT",
  description: "Un nome del foglio «Comuni» che non è un comune lombardo attivo nell'elenco ISTAT (ad esempio «Castelveverde» nel piano di Cremona 2023): finirebbe così nel piano approvato. Si suggerisce il nome ufficiale più vicino.",
  check({ model, report }) {
    for (const c of model.comuni) {
      if (c.written === null || c.official.kind === 'exact' || findCeased(c.written)) continue;
      const suggestion = c.official.kind === 'variant' ? c.official.name : c.official.suggestions[0];
      report(at(model.pos('Comuni', c.r, 'comune'), {
        value: c.written,
        message: `«${c.written}» non è nell'elenco ISTAT dei comuni lombardi attivi.`,
        ...(suggestion ? { suggestion: `Scrivere «${suggestion}», se è questo il comune.` } : {}),
      }));
    }
  },
});
