/** The SAT sheet (j): the units each owner sets aside for transitory housing, per comune. */
import { Findings, SatRow } from './model';
import { checkTotals, fieldReader } from './field-reader';
import { ComuneResolver } from './comuni';
import { OwnerResolver } from './owners';
import { TableSheet } from './table';

export function readSat(t: TableSheet | undefined, found: Findings, resolveComune: ComuneResolver, resolveOwner: OwnerResolver): SatRow[] {
  const sat: SatRow[] = [];
  if (!t || !t.columns.has('ente') || !t.columns.has('sat')) return sat;
  const rd = fieldReader(t, found);
  for (const r of t.dataRows) {
    const enteWritten = rd.text(r, 'ente');
    const comuneWritten = rd.text(r, 'comune');
    const comune = resolveComune(comuneWritten);
    const n = rd.count(r, 'sat');
    rd.require(r, 'ente', enteWritten);
    rd.require(r, 'sat', n);
    sat.push({ r, enteWritten, comuneWritten, sat: n, comune, ente: resolveOwner(enteWritten, comune) });
  }
  const byRow = new Map(sat.map((s) => [s.r, s]));
  checkTotals(t, found, ['sat'], (r) => byRow.get(r)?.sat ?? null);
  return sat;
}
