import { enteLabel } from '../names/display';
import { countOf } from '../italian';
import { groupBy } from './groups';
import { atRows, defineRule, num } from './rule';
import { listOwner } from '../reading/sections/declared';

export default defineRule({
  code: 'SECTION_LIST_MISMATCH',
  severity: 'error',
  title: "Tabella di sezione diversa dall'elenco delle unità",
  description:
    "Quando un ente (di solito l'ALER) allega l'elenco delle sue unità una per una, le tabelle b–f del documento ne sono il riepilogo: conta l'elenco, e ogni cifra delle tabelle deve coincidere con le unità elencate per lo stesso comune e la stessa sezione.",
  legalRef: 'R.R. 4/2017, art. 4 c. 2 lett. b',
  check({ model, report }) {
    const summaries = model.pasted?.summaries ?? [];
    if (summaries.length === 0) return;
    const section = (u: (typeof summaries)[number]) => (u.state?.kind === 'assignable' ? u.state.section : null);
    const listed = new Map<string, number>();
    const key = (ente: string | null, comune: string | null, s: string | null) => `${ente}\u0000${comune}\u0000${s}`;
    for (const u of model.units) {
      if (u.state?.kind !== 'assignable' || u.sas) continue;
      const k = key(listOwner(u), u.comune.name, u.state.section);
      listed.set(k, (listed.get(k) ?? 0) + (u.count ?? 0));
    }
    for (const { first, items } of groupBy(summaries, (u) => (u.count === null || !section(u) ? null : [listOwner(u), u.comune.name, section(u)]))) {
      const declared = items.reduce((n, u) => n + (u.count ?? 0), 0);
      const counted = listed.get(key(listOwner(first), first.comune.name, section(first))) ?? 0;
      if (declared === counted) continue;
      const place = first.comune.name ? ` a ${first.comune.name}` : '';
      report(atRows(model, 'Unita', 'numero', items, {
        value: num(declared),
        message: `La tabella «${first.statoWritten}» indica ${countOf(declared, 'unità', 'unità')} di ${enteLabel(first.ente.name!, first.enteWritten)}${place}; il suo elenco delle unità ne conta ${num(counted)}.`,
        suggestion: "Correggere la tabella oppure l'elenco: conta l'elenco.",
      }));
    }
  },
});
