/** The Assegnazioni sheet (k): the units each owner assigned in the year, with those in derogation and by transfer. */
import { AssegnazioneRow, Findings } from './model';
import { checkTotals, fieldReader } from './field-reader';
import { OwnerResolver } from './owners';
import { TableSheet } from './table';

const FIGURES = ['assegnate', 'deroga', 'mobilita'] as const;

export function readAssegnazioni(t: TableSheet | undefined, found: Findings, resolveOwner: OwnerResolver): AssegnazioneRow[] {
  const rows: AssegnazioneRow[] = [];
  if (!t || !t.columns.has('ente') || !t.columns.has('assegnate')) return rows;
  const rd = fieldReader(t, found);
  for (const r of t.dataRows) {
    const enteWritten = rd.text(r, 'ente');
    rd.require(r, 'ente', enteWritten);
    rows.push({
      r, enteWritten,
      assegnate: rd.count(r, 'assegnate'),
      deroga: rd.count(r, 'deroga'),
      mobilita: rd.count(r, 'mobilita'),
      ente: resolveOwner(enteWritten, { name: null, kind: 'none', suggestions: [] }),
    });
  }
  const byRow = new Map(rows.map((a) => [a.r, a]));
  checkTotals(t, found, [...FIGURES], (r, f) => byRow.get(r)?.[f as (typeof FIGURES)[number]] ?? null);
  return rows;
}
