import { comuniAttivi, findCeased } from '../reference/comuni';
import { nameKey } from '../names/normalize';
import { italianDate } from '../reading/values';
import { at, defineRule } from './rule';

/** ANPR gives the last day of the old comune; the new one exists from the day after. */
function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export default defineRule({
  code: 'COMUNE_CEASED',
  severity: 'warning',
  title: 'Comune soppresso',
  description: "Un comune che non esiste più, di solito per fusione (ad esempio Piadena, dal 2019 Piadena Drizzona): nel piano va usato il nome del comune attuale.",
  check({ model, report }) {
    for (const c of model.comuni) {
      if (c.written === null || c.official.kind === 'exact') continue;
      const ceased = findCeased(c.written);
      if (!ceased) continue;
      const key = nameKey(ceased.nome);
      const heir = comuniAttivi().find((a) => a.provincia === ceased.provincia && nameKey(a.nome).includes(key));
      report(at(model.pos('Comuni', c.r, 'comune'), {
        value: c.written,
        message: `«${c.written}» (${ceased.provincia}) non esiste più dal ${italianDate(dayAfter(ceased.cessazione))}${heir ? `: è confluito in ${heir.nome}` : ''}.`,
        ...(heir ? { suggestion: `Scrivere «${heir.nome}».` } : {}),
      }));
    }
  },
});
