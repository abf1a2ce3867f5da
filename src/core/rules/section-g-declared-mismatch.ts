import { enteLabel } from '../names/display';
import { countOf } from '../italian';
import { at, defineRule, num } from './rule';

export default defineRule({
  code: 'SECTION_G_DECLARED_MISMATCH',
  severity: 'error',
  title: 'Tabella g diversa dalla somma delle sezioni b–f',
  description:
    'La tabella g incollata (il totale delle unità assegnabili per ente e comune, come nel documento del piano o nel report della Piattaforma) deve coincidere con la somma delle tabelle b–f: nel piano di Cremona 2023 il Comune di Cremona vi ha 59 unità, mentre le sue righe nelle sezioni b–f ne danno 60, e il totale 261 invece di 262. Piano Offerta non conta la tabella g: la calcola e la confronta.',
  legalRef: 'R.R. 4/2017, art. 4 c. 2 lett. b',
  check({ model, g, report }) {
    for (const d of model.pasted?.declaredG ?? []) {
      if (d.total) {
        if (d.value === g.totals.g) continue;
        report(at(d.pos, {
          value: num(d.value),
          message: `La tabella g indica un totale di ${countOf(d.value, 'unità assegnabile', 'unità assegnabili')}; dalle sezioni b–f ${g.totals.g === 1 ? 'risulta' : 'risultano'} ${num(g.totals.g)}.`,
          suggestion: `Scrivere ${num(g.totals.g)}, oppure correggere le righe delle sezioni b–f.`,
        }));
        continue;
      }
      if (!d.ente.name) continue;
      const where = d.comune?.name ?? null;
      const computed = d.comune ? g.gOf(d.ente.name, where) : g.gOfEnte(d.ente.name);
      if (computed === d.value) continue;
      const place = d.comune ? ` a ${where}` : '';
      report(at(d.pos, {
        value: num(d.value),
        message: `La tabella g assegna a ${enteLabel(d.ente.name, d.enteWritten)}${place} ${countOf(d.value, 'unità', 'unità')}; dalle sue righe nelle sezioni b–f ${computed === 1 ? 'risulta' : 'risultano'} ${num(computed)}.`,
        suggestion: `Scrivere ${num(computed)}, oppure correggere le righe dell'ente nelle sezioni b–f.`,
      }));
    }
  },
});
