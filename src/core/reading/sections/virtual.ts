/**
 * The pasted tables as the standard sheets they stand for: each section's rows become rows of a
 * virtual Enti, Unita, Comuni, SAT or Assegnazioni sheet (in the standard columns), every value
 * keeping the pasted cell it came from, so that the sheet readers, the rules and the write-back work
 * on them unchanged and every anomaly lands on the cell the user pasted. What the table does not
 * write in the row comes from where the user sees it: the Stato from the section's title, an owner
 * written once from the row above, a comune from "Comune di X".
 */
import { foldText } from '../../names/normalize';
import { CellValue, SheetSnapshot } from '../../snapshot';
import { TABLES, TableSpec } from '../schema';
import { TableSheet } from '../table';
import { isBlank, readText } from '../values';
import { comuneOfOwner, tipoOfName } from '../enti';
import { officialComuni } from '../comuni';
import { Block } from './blocks';

type Kind = TableSpec['kind'];

/** Where a virtual cell's value was read: a cell of a pasted sheet (snapshot coordinates). */
interface Source {
  sheet: SheetSnapshot;
  r: number;
  c: number;
}

export interface VCell {
  v: CellValue;
  from: Source | null;
  /** True when the value is the pasted cell's own (its format and displayed text apply). */
  own?: boolean;
}

/** Where each row of a virtual sheet comes from, for the rules that treat section tables apart. */
export interface VirtualRowOrigin {
  /** 'list': a unit list with a Stato on each row (ALER's Allegato B); 'section': a b–f table. */
  from: 'list' | 'section';
}

export interface PastedTable {
  origins: Map<number, VirtualRowOrigin>;
  /** Comuni read from h, i, d bis list only the comuni that chose something: not the ambito's list. */
  partial: boolean;
}

const own = (sheet: SheetSnapshot, r: number, c: number | undefined): VCell => {
  if (c === undefined) return { v: null, from: null };
  return { v: sheet.values[r]?.[c] ?? null, from: { sheet, r, c }, own: true };
};
const derived = (v: CellValue, from: Source | null): VCell => ({ v, from });

/** One virtual sheet under construction. */
export class VirtualSheet {
  private rows: VCell[][] = [];
  private headerSources: (Source | null)[] = [];
  readonly dataRows: number[] = [];
  readonly totalRows: number[] = [];
  readonly blockStarts: number[] = [];
  readonly grandTotals = new Set<number>();
  readonly origins = new Map<number, VirtualRowOrigin>();
  /** Per virtual row, the pasted row's own cell that stands for a field the table does not have. */
  private readonly homes: (Source | null)[] = [null];
  readonly fields: string[];

  constructor(readonly kind: Kind) {
    this.fields = TABLES[kind].fields.map((f) => f.key);
    this.rows.push(this.fields.map(() => ({ v: null, from: null })));
    this.headerSources = this.fields.map(() => null);
  }

  /** A new table begins: its totals cover only its own rows. */
  startBlock(block: Block): void {
    this.blockStarts.push(this.rows.length);
    block.cols.forEach((c, field) => {
      const i = this.fields.indexOf(field);
      if (i >= 0 && !this.headerSources[i]) this.headerSources[i] = { sheet: block.sheet, r: block.headerRow, c };
    });
    const first = [...block.cols.values()].sort((a, b) => a - b)[0] ?? 0;
    this.headerSources = this.headerSources.map((s) => s ?? { sheet: block.sheet, r: block.headerRow, c: first });
  }

  add(cells: Partial<Record<string, VCell>>, opts: { total?: boolean; origin?: VirtualRowOrigin; home?: Source } = {}): void {
    const r = this.rows.length;
    this.rows.push(this.fields.map((f) => cells[f] ?? { v: null, from: null }));
    this.homes.push(opts.home ?? null);
    if (opts.total) {
      // A plain «Totale» after a subtotal of the same table («Totale ALER») adds up the whole table.
      const label = cells.ente?.v ?? cells.comune?.v;
      const start = this.blockStarts[this.blockStarts.length - 1] ?? 0;
      if (typeof label === 'string' && /^\s*tot(ale|ali)?\s*$/i.test(label) && this.totalRows.some((t) => t >= start)) this.grandTotals.add(r);
    }
    (opts.total ? this.totalRows : this.dataRows).push(r);
    if (opts.origin) this.origins.set(r, opts.origin);
  }

  get size(): number {
    return this.dataRows.length;
  }

  /** The virtual sheet as the table readers take it: a snapshot whose cells say where they were pasted. */
  build(partial = false): TableSheet {
    const fields = this.fields;
    const spec = TABLES[this.kind];
    const first = this.headerSources.find((s) => s) ?? null;
    const name = first?.sheet.name ?? this.kind;
    const values: CellValue[][] = this.rows.map((row, r) => (r === 0 ? spec.fields.map((f) => f.headers[0]!) : row.map((x) => x.v)));
    const formats = this.rows.map((row) => row.map((x) => (x.own && x.from ? x.from.sheet.formats?.[x.from.r]?.[x.from.c] ?? null : null)));
    const text = this.rows.map((row) => row.map((x) => (x.own && x.from ? x.from.sheet.text?.[x.from.r]?.[x.from.c] ?? null : null)));
    const rows = this.rows;
    const homes = this.homes;
    const headerSources = this.headerSources;
    // A field the pasted table does not have (an ID, a Destinazione) is placed on its row's own cell,
    // never on the owner written once rows above.
    const at = (r: number, c: number) => {
      const src = r === 0 ? headerSources[c] : rows[r]?.[c]?.from ?? homes[r] ?? rows[r]?.find((x) => x.from)?.from ?? null;
      const s = src ?? first;
      if (!s) return { sheet: name, row: 0, col: 0 };
      return { sheet: s.sheet.name, row: s.sheet.originRow + s.r, col: s.sheet.originCol + s.c };
    };
    const sheet: SheetSnapshot = { name, originRow: 0, originCol: 0, values, formats, text, at };
    const pasted: PastedTable = { origins: this.origins, partial };
    return {
      kind: this.kind,
      sheet,
      headerRow: 0,
      columns: new Map(fields.map((field, col) => [field, { field, col, header: spec.fields[col]!.headers[0]! }])),
      headersFound: spec.fields.map((f) => f.headers[0]!),
      headerIssues: [],
      dataRows: this.dataRows,
      totalRows: this.totalRows,
      ownedCol: null,
      foundBy: 'headers',
      blockStarts: this.blockStarts,
      grandTotals: this.grandTotals,
      pasted,
    };
  }
}

/** "-", "—", "n.d.": no comune. */
const NO_COMUNE = /^[-–—_/]+$|^n\.?\s?d\.?$/i;
/** "U.O. CREMONA": an ALER operating unit, not a comune. */
const OPERATING_UNIT = /^(u\.\s?o\.|uo\s)/i;

/** The row's comune cell as pasted; «-», «n.d.», «U.O. …», «COMUNI VARI» read as no comune (an empty value at that cell). */
export function comuneCell(block: Block, r: number): VCell | null {
  const c = block.cols.get('comune');
  if (c === undefined) return null;
  const cell = own(block.sheet, r, c);
  const t = readText(cell.v);
  if (t !== null && (NO_COMUNE.test(t) || OPERATING_UNIT.test(t) || /^comuni vari\b/i.test(t))) return derived(null, cell.from);
  return cell;
}

/** Owner and comune of a row, with what the table leaves to the reader: the owner above, "Comune di X". */
export function ownerAndComune(block: Block, r: number, carried: { ente: VCell | null }): { ente: VCell | null; comune: VCell | null } {
  let ente: VCell | null = block.cols.has('ente') ? own(block.sheet, r, block.cols.get('ente')) : null;
  // Written once for the rows below it; a blank with nothing above stays the row's own (empty) cell.
  if (ente && isBlank(ente.v)) ente = carried.ente ?? ente;
  else if (ente) carried.ente = ente;
  let comune = comuneCell(block, r);
  const comuneText = comune ? readText(comune.v) : null;
  if (!block.cols.has('ente') && comune && comuneText) {
    // A table of comuni only (seed 002's j): the owner is the comune.
    const bare = comuneOfOwner(comuneText) ?? comuneText;
    ente = derived(`Comune di ${bare}`, comune.from);
    comune = derived(bare, comune.from);
  } else if ((!comune || comuneText === null) && ente) {
    // "COMUNE DI X" with no Comune column, or "-" in it: the comune's own units are in X.
    const part = readText(ente.v) !== null ? comuneOfOwner(readText(ente.v)!) : null;
    if (part) comune = derived(part.replace(/\*+$/, '').trim(), comune?.from ?? ente.from);
  }
  return { ente, comune };
}

/** "29 di cui 7 per altri usi abitativi", "10 (di cui 4 per mobilità d'ufficio)": the figure and its part. */
export function splitOfWhich(v: CellValue): { whole: number; part: number; of: 'altri' | 'mobilita' | 'deroga' } | null {
  if (typeof v !== 'string') return null;
  const m = /^\s*(\d[\d.]*)\s*\(?\s*di cui\s+(\d+)\s+(?:per\s+|in\s+)?(.*?)\)?\s*$/i.exec(v);
  if (!m) return null;
  const what = foldText(m[3]!);
  const of = /altri usi/.test(what) ? 'altri' : /mobilita/.test(what) ? 'mobilita' : /deroga/.test(what) ? 'deroga' : null;
  if (!of) return null;
  return { whole: Number(m[1]!.replace(/\./g, '')), part: Number(m[2]), of };
}

function figure(block: Block, r: number, field: string): VCell {
  return own(block.sheet, r, block.cols.get(field));
}

function totalRow(block: Block, r: number, fields: string[], label: string): Partial<Record<string, VCell>> {
  const labelCol = block.cols.get('ente') ?? block.cols.get('comune');
  const out: Partial<Record<string, VCell>> = { [label]: own(block.sheet, r, labelCol ?? 0) };
  if (isBlank(out[label]!.v)) out[label] = derived('Totale', { sheet: block.sheet, r, c: labelCol ?? 0 });
  for (const f of fields) out[f] = figure(block, r, f);
  return out;
}

/** Every column the block has that the standard sheet has too, read as pasted. */
function ownCells(v: VirtualSheet, block: Block, r: number): Partial<Record<string, VCell>> {
  const out: Partial<Record<string, VCell>> = {};
  for (const [field, c] of block.cols) if (v.fields.includes(field)) out[field] = own(block.sheet, r, c);
  return out;
}

/** The row's own cell that stands for it: its figure, its ID, its owner or comune, else its first column. */
function homeOf(block: Block, r: number): Source {
  for (const f of ['numero', 'sat', 'assegnate', 'totale', 'sap', 'id', 'ente', 'comune']) {
    const c = block.cols.get(f);
    if (c !== undefined && !isBlank(block.sheet.values[r]?.[c] ?? null)) return { sheet: block.sheet, r, c };
  }
  return { sheet: block.sheet, r, c: Math.min(...block.cols.values()) };
}

/** Data rows and total rows in the order they were pasted (a subtotal adds up only the rows above it). */
export function inOrder(block: Block): { r: number; total: boolean }[] {
  return [...block.rows.map((r) => ({ r, total: false })), ...block.totals.map((r) => ({ r, total: true }))].sort((x, y) => x.r - y.r);
}

export function addUnits(v: VirtualSheet, block: Block): void {
  const listed = block.section.kind === 'list';
  const state = block.section.kind === 'units' ? block.section.state : undefined;
  const stateFrom: Source = block.title ? { sheet: block.sheet, r: block.title.r, c: block.title.c } : { sheet: block.sheet, r: block.headerRow, c: 0 };
  const carried = { ente: null as VCell | null };
  v.startBlock(block);
  for (const { r, total } of inOrder(block)) {
    if (total) {
      if (block.cols.has('numero')) v.add(totalRow(block, r, ['numero'], 'ente'), { total: true, home: homeOf(block, r) });
      continue;
    }
    const { ente, comune } = ownerAndComune(block, r, carried);
    const cells = ownCells(v, block, r);
    const numero = figure(block, r, 'numero');
    const id = figure(block, r, 'id');
    const ownState = figure(block, r, 'stato');
    // A count table's row without a count says nothing (seed 003's "COMUNE DI CALVATONE*").
    if (isBlank(numero.v) && isBlank(id.v) && (listed ? isBlank(ownState.v) : true)) continue;
    const stato = !isBlank(ownState.v) || listed ? ownState : derived(state!, stateFrom);
    v.add(
      { ...cells, ente: ente ?? undefined, comune: comune ?? undefined, stato },
      { origin: { from: listed ? 'list' : 'section' }, home: homeOf(block, r) },
    );
  }
}

const official = (() => {
  let resolver: ReturnType<typeof officialComuni> | null = null;
  return () => (resolver ??= officialComuni());
})();

export function addEnti(v: VirtualSheet, block: Block): void {
  v.startBlock(block);
  const read = (r: number) => {
    const cells = ownCells(v, block, r);
    const totale = cells.totale;
    const split = totale ? splitOfWhich(totale.v) : null;
    if (split?.of === 'altri') {
      cells.totale = derived(split.whole, totale!.from);
      if (!cells.altri || isBlank(cells.altri.v)) cells.altri = derived(split.part, totale!.from);
    }
    return cells;
  };
  for (const { r, total } of inOrder(block)) {
    const cells = read(r);
    if (total) {
      v.add({ ...cells, ente: totalRow(block, r, [], 'ente').ente }, { total: true, home: homeOf(block, r) });
      continue;
    }
    const name = cells.ente ? readText(cells.ente.v) : null;
    if (name === null) continue;
    // The platform writes a comune's stock under the comune's bare name ("ANNICCO").
    if (!cells.tipo || isBlank(cells.tipo.v)) {
      const tipo = tipoOfName(name) ?? (official().resolve(name).kind !== 'unknown' ? 'Comune' : null);
      if (tipo) cells.tipo = derived(tipo, cells.ente!.from);
    }
    v.add(cells, { home: homeOf(block, r) });
  }
}

export function addSat(v: VirtualSheet, block: Block): void {
  v.startBlock(block);
  const carried = { ente: null as VCell | null };
  for (const { r, total } of inOrder(block)) {
    if (total) {
      v.add(totalRow(block, r, ['sat'], 'ente'), { total: true, home: homeOf(block, r) });
      continue;
    }
    const { ente, comune } = ownerAndComune(block, r, carried);
    const sat = figure(block, r, 'sat');
    if (isBlank(sat.v)) continue;
    v.add({ ente: ente ?? undefined, comune: comune ?? undefined, sat }, { home: homeOf(block, r) });
  }
}

export function addAssegnazioni(v: VirtualSheet, block: Block): void {
  v.startBlock(block);
  const read = (r: number) => {
    const cells = ownCells(v, block, r);
    delete cells.ente;
    const assegnate = cells.assegnate!;
    const split = splitOfWhich(assegnate.v);
    if (split && split.of !== 'altri') {
      cells.assegnate = derived(split.whole, assegnate.from);
      if (!cells[split.of] || isBlank(cells[split.of]!.v)) cells[split.of] = derived(split.part, assegnate.from);
    }
    return cells;
  };
  const carried = { ente: null as VCell | null };
  for (const { r, total } of inOrder(block)) {
    const cells = read(r);
    if (total) {
      v.add({ ...cells, ente: totalRow(block, r, [], 'ente').ente }, { total: true, home: homeOf(block, r) });
      continue;
    }
    // The owner is read first: written once, it stands for the rows below even when this one is blank.
    const { ente } = ownerAndComune(block, r, carried);
    if (isBlank(cells.assegnate!.v)) continue;
    v.add({ ...cells, ente: ente ?? undefined }, { home: homeOf(block, r) });
  }
}

/** h, i, d bis: one virtual Comuni row per comune, whichever tables name it. */
export class VirtualComuni {
  private byName = new Map<string, Partial<Record<string, VCell>>>();
  readonly sheet = new VirtualSheet('Comuni');

  add(block: Block): void {
    if (block.section.kind !== 'comuni') return;
    const field = block.section.field;
    const keyCol = block.cols.get('comune') ?? block.cols.get('ente');
    for (const r of block.rows) {
      const name = own(block.sheet, r, keyCol);
      const written = readText(name.v);
      const value = figure(block, r, field);
      if (written === null || isBlank(value.v)) continue;
      const bare = (comuneOfOwner(written) ?? written).replace(/\*+$/, '').trim();
      const key = foldText(bare);
      let row = this.byName.get(key);
      if (!row) {
        if (this.byName.size === 0) this.sheet.startBlock(block);
        row = { comune: bare === written ? name : derived(bare, name.from) };
        this.byName.set(key, row);
      }
      row[field] = value;
      if (field === 'categoria' && block.cols.has('motivazione')) row.motivazione = figure(block, r, 'motivazione');
    }
  }

  build(): TableSheet | null {
    if (this.byName.size === 0) return null;
    for (const row of this.byName.values()) this.sheet.add(row);
    return this.sheet.build(true);
  }
}

