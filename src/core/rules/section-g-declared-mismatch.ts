import { enteLabel } from '../names/display';
import { countOf } from '../italian';
import { at, defineRule, num } from './rule';

export default defineRule({
  code: 'SECTION_G_DECLARED_MISMATCH',
  severity: 'error',
  title: 'Tabella dei totali (sezione g) diversa dalla somma delle tabelle b–f',
  description:
    'La tabella dei totali incollata (il totale delle unità assegnabili per ente e comune, come nel documento del piano o nel report della Piattaforma) deve coincidere con la somma delle tabelle b–f: nel piano di Cremona 2023 il Comune di Cremona vi ha 59 unità, mentre le sue righe nelle sezioni b–f ne danno 60, e il totale 261 invece di 262. Piano Offerta non la conta: calcola la sezione g dalle tabelle b–f e la confronta con questa, riga per riga.',
  legalRef: 'R.R. 4/2017, art. 4 c. 2 lett. b',
  check({ model, g, report }) {
    // An owner with a unit whose comune is not recognised: its figures per comune wait for the name
    // to be fixed (COMUNE_UNKNOWN says where); comparing them now would ask to write wrong numbers.
    const unsure = new Set(model.units.filter((u) => u.comune.kind === 'unknown').map((u) => u.ente.name));
    for (const d of model.pasted?.declaredG ?? []) {
      if (d.total) {
        if (d.value === g.totals.g) continue;
        report(at(d.pos, {
          value: num(d.value),
          message: `La tabella dei totali indica in tutto ${countOf(d.value, 'unità assegnabile', 'unità assegnabili')}; dalle tabelle delle sezioni b–f ${g.totals.g === 1 ? 'risulta' : 'risultano'} ${num(g.totals.g)}.`,
          suggestion: `Scrivere ${num(g.totals.g)} nella tabella dei totali, oppure correggere le righe delle tabelle b–f.`,
        }));
        continue;
      }
      if (!d.ente.name || (d.comune && unsure.has(d.ente.name))) continue;
      const where = d.comune?.name ?? null;
      const computed = d.comune ? g.gOf(d.ente.name, where) : g.gOfEnte(d.ente.name);
      if (computed === d.value) continue;
      // «Comune di Crema a Crema» says the comune twice: only another owner's comune is named.
      const place = d.comune && d.ente.name !== `Comune di ${where}` ? ` a ${where}` : '';
      report(at(d.pos, {
        value: num(d.value),
        message: `La tabella dei totali indica ${countOf(d.value, 'unità', 'unità')} per ${enteLabel(d.ente.name, d.enteWritten)}${place}; dalle sue righe nelle tabelle delle sezioni b–f ${computed === 1 ? 'risulta' : 'risultano'} ${num(computed)}.`,
        suggestion: `Scrivere ${num(computed)} nella tabella dei totali, oppure correggere le righe dell'ente nelle tabelle b–f.`,
      }));
    }
  },
});
