/**
 * What pasted tables declare rather than list: the g table's totals per owner (and comune), and the
 * section tables' figures for an owner whose units come one by one in a list of its own (ALER's
 * Allegato B, which the document's b–e tables only sum up). Both are checked, never counted.
 */
import { ComuneRef, EnteRef, Findings, UnitRow, positionOf } from '../model';
import { ComuneResolver } from '../comuni';
import { OwnerResolver } from '../owners';
import { comuneOfOwner } from '../enti';
import { foldText } from '../../names/normalize';
import { TableSheet } from '../table';
import { isBlank, readNumber, readText } from '../values';
import { Block } from './blocks';
import { VCell, comuneCell, inOrder, ownerAndComune } from './virtual';
import type { CellPos } from '../model';

export interface DeclaredG {
  pos: CellPos;
  enteWritten: string | null;
  comuneWritten: string | null;
  ente: EnteRef;
  /** null: the owner's g over all its comuni (no comune, "-", or a table per owner). */
  comune: ComuneRef | null;
  /** The cell the comune is written in, when the table has a comune column and it names one. */
  comunePos: CellPos | null;
  value: number;
  /** The table's TOTALE row: the plan's whole g. */
  total: boolean;
}

const COUNT = { count: true } as const;

/** The g tables' rows, each figure read as a count (so «1 + 5da turn over» is said not to be a number). */
export function readDeclaredG(blocks: Block[], found: Findings, resolveComune: ComuneResolver, resolveOwner: OwnerResolver): DeclaredG[] {
  const out: DeclaredG[] = [];
  for (const b of blocks) {
    const sheet = b.sheet;
    const comuneCol = b.cols.get('comune');
    const count = (r: number, c: number) => {
      const v = sheet.values[r]?.[c] ?? null;
      const reading = readNumber(v, COUNT);
      if (reading.problem) found.valueIssues.push({ ...positionOf(sheet, r, c), problem: reading.problem, shown: reading.shown ?? String(v), field: 'gDichiarato', label: b.headers.get(c) ?? 'g' });
      return reading.problem && reading.problem !== 'ambiguous-number' ? null : reading.value;
    };
    const carried = { ente: null as VCell | null };
    for (const { r, total: isTotal } of inOrder(b)) {
      for (const c of b.parts) count(r, c);
      const totalCol = b.cols.get('total')!;
      if (isBlank(sheet.values[r]?.[totalCol] ?? null)) continue;
      const value = count(r, totalCol);
      if (value === null) continue;
      const pos = positionOf(sheet, r, totalCol);
      if (isTotal) {
        // A labelled subtotal («Totale ALER») is not the plan's whole g: only a plain «Totale» is.
        const label = sheet.values[r]?.find((v) => typeof v === 'string' && v.trim() !== '');
        if (typeof label === 'string' && !/^(totale|totali|tot|totale complessivo|totale generale|totale ambito)$/.test(foldText(label))) continue;
        out.push({ pos, enteWritten: null, comuneWritten: null, ente: { name: null, kind: 'none', isAler: false, suggestions: [] }, comune: null, comunePos: null, value, total: true });
        continue;
      }
      // The owner as the unit tables read it (written once for the rows below, or the comune of a table
      // of comuni); the comune only as written in its column («-», «U.O. …» are none).
      const { ente } = ownerAndComune(b, r, carried);
      const enteWritten = ente ? readText(ente.v) : null;
      const cell = comuneCell(b, r);
      const comuneWritten = cell?.own ? readText(cell.v) : null;
      // A table per owner: "Comune di X" is X's own units; any other owner, all its comuni.
      const comune = comuneWritten === null ? null : resolveComune(comuneWritten);
      const rowComune = comune ?? resolveComune(enteWritten ? comuneOfOwner(enteWritten) : null);
      const comunePos = comune && comuneCol !== undefined ? positionOf(sheet, r, comuneCol) : null;
      out.push({ pos, enteWritten, comuneWritten, ente: resolveOwner(enteWritten, rowComune), comune, comunePos, value, total: false });
    }
  }
  return out;
}

/**
 * Units of section tables whose owner also sends a list of its units: the list counts, the tables'
 * rows for that owner become what they are in the document, a summary of it.
 */
export function splitSummaries(t: TableSheet | undefined, units: UnitRow[]): { units: UnitRow[]; summaries: UnitRow[] } {
  const origins = t?.pasted?.origins;
  if (!origins) return { units, summaries: [] };
  const listed = new Set<string | null>();
  for (const u of units) if (origins.get(u.r)?.from === 'list' && u.ente.name) listed.add(listOwner(u));
  if (listed.size === 0) return { units, summaries: [] };
  const kept: UnitRow[] = [];
  const summaries: UnitRow[] = [];
  for (const u of units) {
    if (origins.get(u.r)?.from !== 'section' || !listed.has(listOwner(u))) kept.push(u);
    // «COMUNI VARI vedi allegato» in the ID column points at the list: nothing to compare.
    else if (u.idKind !== 'invalid') summaries.push(u);
  }
  return { units: kept, summaries };
}

/** The owner a list and a table share: ALER however written ("ALER" in its list, "ALER BS – CR- MN" in the document). */
export function listOwner(u: UnitRow): string | null {
  return u.ente.isAler ? '\u0000ALER' : u.ente.name;
}
