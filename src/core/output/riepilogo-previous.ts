/** Riepilogo, «Confronto con l'anno precedente»: per owner, g last year, k this year, units still listed. */
import { countOf } from '../italian';
import { keyOf as nameKey } from '../previous/year';
import { NO_COMPARED_OWNERS } from '../previous/wording';
import { idKey } from '../reading/unit-id';
import { compareRows } from '../section-g';
import { SheetBuilder } from './sheet-builder';
import type { PlanInput } from './write-plan';

/** The per-owner comparison as a table: Riepilogo writes it, the pane and the page show it. */
export interface PreviousYearTable {
  title: string;
  header: string[];
  rows: (string | number)[][];
  total: (string | number)[];
}

export function previousYearTable({ model, sectionG, previous }: Pick<PlanInput, 'model' | 'sectionG' | 'previous'>): PreviousYearTable | null {
  const last = previous?.[0];
  if (!last) return null;
  const anno = model.config.anno;
  const names = new Map<string, string>();
  for (const o of last.owners.values()) if (o.g > 0) names.set(nameKey(o.ente), o.ente);
  for (const e of sectionG.byEnte) if (e.g > 0) names.set(nameKey(e.ente), e.ente);
  const assigned = new Map<string, number>();
  for (const a of model.assegnazioni) if (a.ente.name) assigned.set(nameKey(a.ente.name), (assigned.get(nameKey(a.ente.name)) ?? 0) + (a.assegnate ?? 0));
  // Units assignable last year and again this year, by owner (IDs known only from a workbook).
  const still = new Map<string, number>();
  if (last.units) {
    for (const u of model.units) {
      if (u.idKind !== 'valid' || u.sas || u.count === null || u.state?.kind !== 'assignable' || !u.ente.name) continue;
      if (last.units.get(idKey(u.id!))?.assignable) still.set(nameKey(u.ente.name), (still.get(nameKey(u.ente.name)) ?? 0) + 1);
    }
  }
  const hasK = !!model.table('Assegnazioni');
  const gNow = new Map(sectionG.byEnte.map((e) => [nameKey(e.ente), e.g]));
  // The order of the other per-owner tables: ALER first, then by name.
  const ordered = [...names].sort(([, x], [, y]) => compareRows({ ente: x, isAler: /^aler\b/i.test(x), comune: null }, { ente: y, isAler: /^aler\b/i.test(y), comune: null }));
  const rows = ordered.map(([k, ente]) => [
    ente,
    last.owners.get(k)?.g ?? 0,
    hasK ? (assigned.get(k) ?? 0) : '',
    last.units ? (still.get(k) ?? 0) : '',
    gNow.get(k) ?? 0,
  ]);
  const total = (i: number) => rows.reduce((n, r) => n + (typeof r[i] === 'number' ? (r[i] as number) : 0), 0);
  return {
    title: `Confronto con l'anno precedente (piano ${last.anno}${last.source === 'report' ? ', dal report JSON: solo la sezione g' : ''})`,
    header: ['Ente proprietario', `g nel piano ${last.anno}`, `assegnate (k) nel piano ${anno ?? ''}`.trim(), `ancora assegnabili (stesso Codice ID)`, `g nel piano ${anno ?? ''}`.trim()],
    rows,
    total: [`Totale (${countOf(rows.length, 'ente', 'enti')})`, total(1), hasK ? total(2) : '', last.units ? total(3) : '', total(4)],
  };
}

export function previousYearSection(s: SheetBuilder, input: PlanInput): void {
  const table = input.comparison !== undefined ? input.comparison : previousYearTable(input);
  if (!table) return;
  s.subtitle(table.title);
  s.pagedTable('RiepilogoConfronto', table.header, table.rows, { emptyText: NO_COMPARED_OWNERS, total: table.total });
  s.paragraph(null, "Le differenze con l'anno precedente (enti e comuni che non rispondono più, unità con un altro ente o comune, alloggi SAP molto diversi) sono nel foglio «Anomalie», con le regole PREV_*.");
}
