/**
 * The read plan's shape: typed rows with the cell each value came from, and what reading found
 * (unreadable values, empty required cells, totals that do not add up). Each sheet's reader fills
 * its part; the rules read the whole.
 */
import { columnLetter } from '../address';
import { SheetSnapshot } from '../snapshot';
import { Resolution } from '../names/resolver';
import { TableSpec } from './schema';
import { StateClass } from './states';
import { IdKind } from './unit-id';
import { LocatedWorkbook, TableSheet } from './table';
import { ValueProblem } from './values';
import type { DeclaredG } from './sections/declared';

export interface CellPos {
  sheet: string;
  /** A1 reference in the workbook. */
  cell: string;
  /** Zero-based row and column in the workbook. */
  row: number;
  col: number;
}

export interface ValueIssue extends CellPos {
  problem: ValueProblem;
  shown: string;
  field: string;
  /** The field's canonical header, for messages. */
  label: string;
  /** How the value was read, for ambiguous numbers. */
  readAs?: number;
}

export interface MissingValue extends CellPos {
  field: string;
  label: string;
}

export type EnteKind = 'exact' | 'variant' | 'alias' | 'unknown' | 'none';

export interface EnteRef {
  /** Resolved name (as the Enti sheet names it), or the name as written when unknown. */
  name: string | null;
  kind: EnteKind;
  isAler: boolean;
  suggestions: string[];
  /** For variants: whether it came through a misspelled comune in "Comune di X". */
  via?: 'comune' | 'name' | 'aler' | 'comune-column';
}

export interface ComuneRef {
  name: string | null;
  kind: 'exact' | 'variant' | 'unknown' | 'none';
  suggestions: string[];
}

export interface Row {
  /** Index in the sheet snapshot's rows. */
  r: number;
}

export interface AmbitoConfig {
  ambito: string | null;
  capofila: string | null;
  anno: number | null;
  termine: string | null;
  satShare: number;
  worksLimit: number;
  ffooLimit: number;
  /** PREV_SAP_SWING: largest change in an owner's SAP stock from last year, in percent. */
  sapSwing: number;
  positions: Partial<Record<string, CellPos>>;
}

export interface ComuneRow extends Row {
  written: string | null;
  /** How the name stands against the official ISTAT list. */
  official: Resolution;
  istat: string | null;
  soglia: number | null;
  categoria: string | null;
  motivazione: string | null;
  ffoo: number | null;
  risposta: boolean | null;
}

export interface EnteRow extends Row {
  written: string | null;
  tipo: 'Comune' | 'ALER' | 'Operatore accreditato' | null;
  /** Name the plan uses: "Comune di <comune as in Comuni>" for comuni, as written otherwise. */
  name: string | null;
  comune: ComuneRef | null;
  totale: number | null;
  sap: number | null;
  sas: number | null;
  altri: number | null;
  gDichiarato: number | null;
  dataRicezione: string | null;
}

export interface UnitRow extends Row {
  id: string | null;
  idKind: IdKind;
  enteWritten: string | null;
  comuneWritten: string | null;
  statoWritten: string | null;
  state: StateClass | null;
  sas: boolean;
  destinazioneWritten: string | null;
  /** Units on the row; blank reads as 1; null when the cell cannot be read. */
  count: number | null;
  costo: number | null;
  ente: EnteRef;
  comune: ComuneRef;
}

export interface SatRow extends Row {
  enteWritten: string | null;
  comuneWritten: string | null;
  sat: number | null;
  ente: EnteRef;
  comune: ComuneRef;
}

export interface AssegnazioneRow extends Row {
  enteWritten: string | null;
  assegnate: number | null;
  deroga: number | null;
  mobilita: number | null;
  ente: EnteRef;
}

export interface TotalCheck {
  pos: CellPos;
  field: string;
  header: string;
  written: number;
  sum: number;
}

/** What a plan pasted section by section adds to the standard reading. */
export interface PastedReading {
  /** The g tables' declared totals. */
  declaredG: DeclaredG[];
  /** Section rows of owners that also list their units one by one: a summary, checked against the list. */
  summaries: UnitRow[];
}

export interface PlanModel {
  located: LocatedWorkbook;
  /** Set when some standard sheet was read from pasted section tables. */
  pasted?: PastedReading;
  config: AmbitoConfig;
  /** True when the ambito's comuni come from a Comuni sheet; false: the official list stands in. */
  hasComuniSheet: boolean;
  hasEntiSheet: boolean;
  comuni: ComuneRow[];
  enti: EnteRow[];
  units: UnitRow[];
  sat: SatRow[];
  assegnazioni: AssegnazioneRow[];
  valueIssues: ValueIssue[];
  missing: MissingValue[];
  totals: TotalCheck[];
  /** Position of a field's cell on a data row, for reporting. */
  pos(kind: TableSpec['kind'], r: number, field: string): CellPos;
  /** The sheet a table's row is on (pasted tables may span several sheets). */
  rowSheet(kind: TableSpec['kind'], r: number): string;
  /** The A1 reference of a field's cell on any row: the column's letter worked out once (groups of 100,000 rows). */
  cellNamer(kind: TableSpec['kind'], field: string): (r: number) => string;
  table(kind: TableSpec['kind']): TableSheet | undefined;
}

export function positionOf(sheet: SheetSnapshot, r: number, c: number): CellPos {
  if (sheet.at) {
    const p = sheet.at(r, c);
    return { sheet: p.sheet, cell: `${columnLetter(p.col)}${p.row + 1}`, row: p.row, col: p.col };
  }
  const row = sheet.originRow + r;
  const col = sheet.originCol + c;
  return { sheet: sheet.name, cell: `${columnLetter(col)}${row + 1}`, row, col };
}

/** What the sheet readers record as they go, in one place: the rules judge it afterwards. */
export interface Findings {
  valueIssues: ValueIssue[];
  missing: MissingValue[];
  totals: TotalCheck[];
  /** Uncomputed formulas already said (a cell can be read twice: its row, then a total). */
  uncomputedSeen: Set<string>;
}

export function newFindings(): Findings {
  return { valueIssues: [], missing: [], totals: [], uncomputedSeen: new Set() };
}
