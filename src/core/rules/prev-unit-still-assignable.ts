import { enteLabel } from '../names/display';
import { countOf, joinNames } from '../italian';
import { idKey } from '../reading/unit-id';
import { UnitRow } from '../reading/plan';
import { atRows, defineRule } from './rule';

const SHOWN_IDS = 10;

export default defineRule({
  code: 'PREV_UNIT_STILL_ASSIGNABLE',
  severity: 'info',
  title: "Unità assegnabile già l'anno precedente",
  description: "Con la cartella del piano dell'anno precedente: unità (stesso Codice ID) assegnabili l'anno scorso e di nuovo quest'anno, cioè alloggi rimasti vuoti per un anno; con i piani di più anni, per quanti anni di fila. Un'anomalia per ente e numero di anni, su tutte le celle dei Codici ID.",
  check({ model, previous, report }) {
    if (!previous[0]?.units) return;
    const anno = model.config.anno!;
    // Grouped by owner and run length: one finding per group, every unit's ID cell.
    const groups = new Map<string, { ente: string; years: number; rows: UnitRow[] }>();
    for (const u of model.units) {
      if (u.idKind !== 'valid' || u.sas || u.count === null || u.state?.kind !== 'assignable') continue;
      const k = idKey(u.id!);
      let years = 0;
      while (previous[years]?.units?.get(k)?.assignable) years++;
      if (years === 0) continue;
      const ente = u.ente.name ?? u.enteWritten ?? '';
      const gk = `${years}\u0000${ente}`;
      let g = groups.get(gk);
      if (!g) groups.set(gk, (g = { ente, years, rows: [] }));
      g.rows.push(u);
    }
    for (const { ente, years, rows } of groups.values()) {
      const ids = rows.slice(0, SHOWN_IDS).map((u) => u.id!);
      const more = rows.length > SHOWN_IDS ? ` e altri ${rows.length - SHOWN_IDS}` : '';
      const one = rows.length === 1;
      const since = years === 1
        ? `${one ? 'era già assegnabile' : 'erano già assegnabili'} nel piano ${anno - 1}`
        : `${one ? 'è assegnabile' : 'sono assegnabili'} in ${years + 1} piani di fila (${anno - years}–${anno})`;
      const lead = `${one ? "Un'unità" : countOf(rows.length, 'unità', 'unità')} di ${enteLabel(ente)} ${since}`;
      report(atRows(model, 'Unita', 'id', rows, {
        value: rows[0]!.id!,
        message: `${lead}: Codice ID ${joinNames(ids)}${more}.`,
        suggestion: "Verificare perché l'alloggio non è stato assegnato (lavori, rinunce, graduatoria).",
      }));
    }
  },
});
