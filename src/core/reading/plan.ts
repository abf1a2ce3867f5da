/**
 * The plan read from the located sheets: one reader per standard sheet (ambito, comuni, enti,
 * unita, sat, assegnazioni), composed here with the name resolution that links them (comuni to the
 * Comuni sheet, owners to the Enti sheet). Problems are recorded, not judged: the rules decide what
 * to report.
 */
import { columnLetter } from '../address';
import { foldText } from '../names/normalize';
import { readAmbito } from './ambito';
import { readAssegnazioni } from './assegnazioni';
import { comuneResolver, officialComuni, readComuni } from './comuni';
import { readEnti } from './enti';
import { CellPos, PlanModel, newFindings, positionOf } from './model';
import { ownerResolver } from './owners';
import { readSat } from './sat';
import { TableSpec } from './schema';
import { LocatedWorkbook } from './table';
import { readUnita } from './unita';
import { readDeclaredG, splitSummaries } from './sections/declared';
import { mentionedComuni } from './sections';

export type * from './model';
export { comuneOfOwner } from './enti';

const NO_CATEGORY = new Set(['no', 'nessuna', 'nessuno', 'n', '-', '']);

export function isCategorySet(categoria: string | null): boolean {
  return categoria !== null && !NO_CATEGORY.has(foldText(categoria));
}

export function readPlan(located: LocatedWorkbook): PlanModel {
  const found = newFindings();
  const { tables } = located;
  const config = readAmbito(located.ambito, found);
  const official = officialComuni();
  const comuni = readComuni(tables.Comuni, found, official);
  // Comuni read from pasted h, i, d bis tables are those that chose something, not the ambito's list.
  const hasComuniSheet = !tables.Comuni?.pasted?.partial && comuni.some((c) => c.written !== null);
  const resolveComune = comuneResolver(comuni, official, hasComuniSheet, located.pasted ? mentionedComuni(located.pasted) : []);
  const enti = readEnti(tables.Enti, found, resolveComune);
  const resolveOwner = ownerResolver(enti, resolveComune);
  const read = splitSummaries(tables.Unita, readUnita(tables.Unita, found, resolveComune, resolveOwner));
  const pasted = located.pasted
    ? { declaredG: readDeclaredG(located.pasted.gBlocks, found, resolveComune, resolveOwner), summaries: read.summaries }
    : undefined;
  return {
    located, config,
    ...(pasted ? { pasted } : {}),
    hasComuniSheet,
    hasEntiSheet: enti.some((e) => e.written !== null),
    comuni, enti,
    units: read.units,
    sat: readSat(tables.SAT, found, resolveComune, resolveOwner),
    assegnazioni: readAssegnazioni(tables.Assegnazioni, found, resolveOwner),
    valueIssues: found.valueIssues,
    missing: found.missing,
    totals: found.totals,
    pos(kind: TableSpec['kind'], r: number, field: string): CellPos {
      const t = tables[kind]!;
      return positionOf(t.sheet, r, t.columns.get(field)?.col ?? 0);
    },
    rowSheet(kind, r) {
      const t = tables[kind]!;
      return t.sheet.at ? t.sheet.at(r, 0).sheet : t.sheet.name;
    },
    cellNamer(kind, field) {
      const t = tables[kind]!;
      if (t.sheet.at) {
        const c = t.columns.get(field)?.col ?? 0;
        return (r) => positionOf(t.sheet, r, c).cell;
      }
      const letter = columnLetter(t.sheet.originCol + (t.columns.get(field)?.col ?? 0));
      const base = t.sheet.originRow + 1;
      return (r) => `${letter}${base + r}`;
    },
    table: (kind) => tables[kind],
  };
}
