/**
 * The Unita sheet: one row per unit (or per group of units, with Numero unità), its owner, comune,
 * state and destination: what section g counts.
 */
import { foldText } from '../names/normalize';
import { Findings, UnitRow } from './model';
import { checkTotals, fieldReader } from './field-reader';
import { mergedFrom } from './cells';
import { ComuneResolver } from './comuni';
import { OwnerResolver } from './owners';
import { classifyState } from './states';
import { classifyId } from './unit-id';
import { TableSheet, cellValue } from './table';
import { isBlank } from './values';

const sasCache = new Map<string, boolean>();
function isSas(v: string | null): boolean {
  if (v === null) return false;
  let sas = sasCache.get(v);
  if (sas === undefined) {
    const f = ` ${foldText(v)} `;
    sas = / sas /.test(f) || f.includes('social');
    if (sasCache.size < 1000) sasCache.set(v, sas);
  }
  return sas;
}

export function readUnita(t: TableSheet | undefined, found: Findings, resolveComune: ComuneResolver, resolveOwner: OwnerResolver): UnitRow[] {
  const units: UnitRow[] = [];
  if (!t || !t.columns.has('ente') || !t.columns.has('stato')) return units;
  const rd = fieldReader(t, found);
  const numeroCol = t.columns.get('numero')?.col;
  const blank = (r: number) => numeroCol === undefined || isBlank(cellValue(t.sheet, r, numeroCol));
  for (const r of t.dataRows) {
    const enteWritten = rd.text(r, 'ente');
    const comuneWritten = rd.text(r, 'comune');
    const statoWritten = rd.text(r, 'stato');
    const destinazioneWritten = rd.text(r, 'destinazione');
    const comune = resolveComune(comuneWritten);
    const ente = resolveOwner(enteWritten, comune);
    rd.require(r, 'ente', enteWritten);
    rd.require(r, 'stato', statoWritten);
    if (!ente.isAler) rd.require(r, 'comune', comuneWritten);
    // Numero unità: a blank is one unit; a count merged over several rows is written once and counts once.
    const count = numeroCol !== undefined && mergedFrom(t.sheet, r, numeroCol) ? 0 : blank(r) ? 1 : rd.count(r, 'numero');
    const id = rd.text(r, 'id');
    units.push({
      r, id, idKind: classifyId(id),
      enteWritten, comuneWritten, statoWritten, destinazioneWritten,
      state: statoWritten === null ? null : classifyState(statoWritten),
      sas: isSas(destinazioneWritten),
      count,
      costo: rd.amount(r, 'costo'),
      ente, comune,
    });
  }
  if (t.totalRows.length) {
    const byRow = new Map(units.map((u) => [u.r, u]));
    const blankAsZero = (r: number) => (numeroCol !== undefined && blank(r) ? 0 : byRow.get(r)?.count ?? null);
    checkTotals(t, found, ['numero'], (r) => byRow.get(r)?.count ?? null, blankAsZero);
  }
  return units;
}
