/**
 * Reads the located sheets into the plan: typed rows with the cell each value came from, owners and
 * comuni resolved to the names of the Enti and Comuni sheets. Problems are recorded, not judged:
 * the rules decide what to report.
 */
import { columnLetter } from '../address';
import { NameResolver, Resolution } from '../names/resolver';
import { foldText, nameKey } from '../names/normalize';
import { comuniAttivi } from '../reference/comuni';
import { CellValue, SheetSnapshot, isExcelError } from '../snapshot';
import { mergedFrom, uncomputedFormula } from './cells';

/** Fields whose merged cells stand for every row they cover (labels); figures count once. */
const MERGED_LABELS = new Set(['ente', 'comune', 'stato', 'destinazione', 'tipo']);
import { AMBITO_KEYS, TABLES, TableSpec } from './schema';
import { StateClass, classifyState } from './states';
import { IdKind, classifyId } from './unit-id';
import { LocatedWorkbook, TableSheet, cellValue, totalCoverage } from './table';
import { Reading, ValueProblem, isBlank, readDate, readNumber, readPercent, readText, readYesNo, shownValue } from './values';

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

export interface PlanModel {
  located: LocatedWorkbook;
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
  /** The A1 reference of a field's cell on any row: the column's letter worked out once (groups of 100,000 rows). */
  cellNamer(kind: TableSpec['kind'], field: string): (r: number) => string;
  table(kind: TableSpec['kind']): TableSheet | undefined;
}

const ALER_RE = /^aler\b/;
/** Reading options of a count, shared (this runs once per cell on 100,000-row sheets). */
const COUNT = { count: true } as const;
const COMUNE_PREFIX = /^comune( di)?\b ?/;

/** Comune part of an owner written as "Comune di X" (or "COMUNE X"); null when it is not one. */
export function comuneOfOwner(written: string): string | null {
  const f = foldText(written);
  if (!COMUNE_PREFIX.test(f)) return null;
  const cleaned = written.replace(/^\s*comune(\s+di)?\s*/i, '').trim();
  return cleaned;
}

function positionOf(sheet: SheetSnapshot, r: number, c: number): CellPos {
  const row = sheet.originRow + r;
  const col = sheet.originCol + c;
  return { sheet: sheet.name, cell: `${columnLetter(col)}${row + 1}`, row, col };
}

function parseTipo(v: string | null, name: string | null): EnteRow['tipo'] {
  const f = foldText(v ?? '');
  if (f.startsWith('aler')) return 'ALER';
  if (f.startsWith('comun')) return 'Comune';
  if (f.startsWith('operator') || f.includes('accreditat')) return 'Operatore accreditato';
  const n = foldText(name ?? '');
  if (ALER_RE.test(n)) return 'ALER';
  if (COMUNE_PREFIX.test(n)) return 'Comune';
  return null;
}

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

const NO_CATEGORY = new Set(['no', 'nessuna', 'nessuno', 'n', '-', '']);

export function isCategorySet(categoria: string | null): boolean {
  return categoria !== null && !NO_CATEGORY.has(foldText(categoria));
}

export function readPlan(located: LocatedWorkbook): PlanModel {
  const valueIssues: ValueIssue[] = [];
  const uncomputedSeen = new Set<string>();
  const missing: MissingValue[] = [];
  const totals: TotalCheck[] = [];

  const pos = (kind: TableSpec['kind'], r: number, field: string): CellPos => {
    const t = located.tables[kind]!;
    const c = t.columns.get(field)?.col ?? 0;
    return positionOf(t.sheet, r, c);
  };

  // Reads one field of a row, recording problems with the cell they came from.
  function reader(t: TableSheet) {
    const sheet = t.sheet;
    const label = (field: string) => TABLES[t.kind].fields.find((f) => f.key === field)?.headers[0] ?? field;
    const cols: Record<string, number | undefined> = Object.create(null);
    for (const [field, m] of t.columns) cols[field] = m.col;
    const col = (field: string) => cols[field];
    const values = sheet.values;
    const raw = (r: number, field: string): CellValue => {
      const c = cols[field];
      if (c === undefined) return null;
      const v = values[r]?.[c];
      if (v !== undefined && v !== null) return v;
      // A label merged over several rows is what each of them shows.
      if (sheet.merges && MERGED_LABELS.has(field)) {
        const top = mergedFrom(sheet, r, c);
        if (top) return values[top.row]?.[top.col] ?? null;
      }
      if (sheet.uncomputed) uncomputed(r, field, c);
      return null;
    };
    // Said once per cell, whichever reading of the row meets it first.
    const uncomputed = (r: number, field: string, c: number) => {
      const formula = uncomputedFormula(sheet, r, c);
      const key = `${sheet.name}!${r},${c}`;
      if (formula === null || uncomputedSeen.has(key)) return;
      uncomputedSeen.add(key);
      valueIssues.push({ ...positionOf(sheet, r, c), problem: 'uncomputed-formula', shown: `=${formula}`, field, label: label(field) });
    };
    const note = <T>(r: number, field: string, reading: Reading<T>): T | null => {
      if (reading.problem) {
        const c = col(field)!;
        const issue: ValueIssue = { ...positionOf(sheet, r, c), problem: reading.problem, shown: reading.shown ?? '', field, label: label(field) };
        if (reading.problem === 'ambiguous-number' && typeof reading.value === 'number') issue.readAs = reading.value;
        valueIssues.push(issue);
      }
      return reading.value;
    };
    return {
      text(r: number, field: string): string | null {
        const v = raw(r, field);
        if (isExcelError(v)) {
          valueIssues.push({ ...positionOf(sheet, r, col(field)!), problem: 'excel-error', shown: String(v), field, label: label(field) });
          return null;
        }
        return readText(v);
      },
      count: (r: number, field: string) => note(r, field, readNumber(raw(r, field), COUNT)),
      amount: (r: number, field: string) => note(r, field, readNumber(raw(r, field))),
      percent(r: number, field: string) {
        const c = col(field);
        const fmt = c === undefined ? null : sheet.formats?.[r]?.[c] ?? null;
        const txt = c === undefined ? null : sheet.text?.[r]?.[c] ?? null;
        return note(r, field, readPercent(raw(r, field), fmt, txt));
      },
      date: (r: number, field: string) => note(r, field, readDate(raw(r, field))),
      yesNo: (r: number, field: string) => note(r, field, readYesNo(raw(r, field))),
      // Empty means empty: a cell that holds something unreadable ("due", "2,5", -1, #N/A) has its own anomaly.
      require(r: number, field: string, value: unknown) {
        const c = col(field);
        if ((value === null || value === undefined) && c !== undefined && isBlank(raw(r, field)) && uncomputedFormula(sheet, r, c) === null) {
          missing.push({ ...positionOf(sheet, r, col(field)!), field, label: label(field) });
        }
      },
      shown: (r: number, field: string) => shownValue(raw(r, field)),
    };
  }

  // Totals: each numeric field of a TOTALE row against the sum of the data rows it covers. `altValue`
  // is a second reading that is also right (a blank Numero unità is one unit, but =SOMMA counts it 0).
  function checkTotals(
    t: TableSheet,
    fields: string[],
    rowValue: (r: number, field: string) => number | null,
    altValue?: (r: number, field: string) => number | null,
  ) {
    const rd = reader(t);
    for (const [tr, covered] of totalCoverage(t)) {
      for (const field of fields) {
        const c = t.columns.get(field);
        if (!c) continue;
        const written = rd.count(tr, field);
        if (written === null) continue;
        const sumOf = (value: (r: number, field: string) => number | null) => covered.reduce((n, r) => n + (value(r, field) ?? 0), 0);
        const sum = sumOf(rowValue);
        if (Math.abs(sum - written) < 1e-9 || (altValue && Math.abs(sumOf(altValue) - written) < 1e-9)) continue;
        totals.push({ pos: positionOf(t.sheet, tr, c.col), field, header: c.header, written, sum });
      }
    }
  }

  // ---- Ambito
  const config: AmbitoConfig = {
    ambito: null, capofila: null, anno: null, termine: null,
    satShare: 10, worksLimit: 8000, ffooLimit: 10, positions: {},
  };
  if (located.ambito) {
    const { sheet, entries } = located.ambito;
    for (const [key, p] of entries) {
      const v = cellValue(sheet, p.row, p.col);
      const at = positionOf(sheet, p.row, p.col);
      config.positions[key] = at;
      const formula = v === null ? uncomputedFormula(sheet, p.row, p.col) : null;
      if (formula !== null) {
        const label = AMBITO_KEYS.find((k) => k.key === key)?.labels[0] ?? key;
        valueIssues.push({ ...at, problem: 'uncomputed-formula', shown: `=${formula}`, field: key, label });
      }
      const record = <T>(reading: Reading<T>): T | null => {
        if (reading.problem) {
          const label = AMBITO_KEYS.find((k) => k.key === key)?.labels[0] ?? key;
          valueIssues.push({ ...at, problem: reading.problem, shown: reading.shown ?? '', field: key, label });
        }
        return reading.value;
      };
      switch (key) {
        case 'ambito': config.ambito = readText(v); break;
        case 'capofila': config.capofila = readText(v); break;
        case 'anno': config.anno = record(readNumber(v)); break;
        case 'termine': config.termine = record(readDate(v)); break;
        case 'satShare': config.satShare = record(readPercent(v, sheet.formats?.[p.row]?.[p.col], sheet.text?.[p.row]?.[p.col])) ?? 10; break;
        case 'worksLimit': config.worksLimit = record(readNumber(v)) ?? 8000; break;
        case 'ffooLimit': config.ffooLimit = record(readPercent(v, sheet.formats?.[p.row]?.[p.col], sheet.text?.[p.row]?.[p.col])) ?? 10; break;
      }
    }
  }

  // ---- Comuni
  const official = new NameResolver(comuniAttivi().map((c) => c.nome));
  const comuni: ComuneRow[] = [];
  const tComuni = located.tables.Comuni;
  if (tComuni && tComuni.columns.has('comune')) {
    const rd = reader(tComuni);
    for (const r of tComuni.dataRows) {
      const written = rd.text(r, 'comune');
      rd.require(r, 'comune', written);
      comuni.push({
        r,
        written,
        official: written ? official.resolve(written) : { kind: 'unknown', suggestions: [] },
        istat: rd.text(r, 'istat'),
        soglia: rd.percent(r, 'soglia'),
        categoria: rd.text(r, 'categoria'),
        motivazione: rd.text(r, 'motivazione'),
        ffoo: rd.percent(r, 'ffoo'),
        risposta: rd.yesNo(r, 'risposta'),
      });
    }
  }
  const hasComuniSheet = comuni.some((c) => c.written !== null);
  // Without a Comuni sheet (an owner checking its own list) the official list stands for the ambito.
  const comuneResolver = hasComuniSheet
    ? new NameResolver(comuni.flatMap((c) => (c.written ? [c.written] : [])))
    : official;
  const NO_COMUNE: ComuneRef = { name: null, kind: 'none', suggestions: [] };
  const comuneCache = new Map<string, ComuneRef>();
  const resolveComune = (written: string | null): ComuneRef => {
    if (written === null) return NO_COMUNE;
    let ref = comuneCache.get(written);
    if (!ref) {
      const res = comuneResolver.resolve(written);
      ref = res.kind === 'unknown' ? { name: written, kind: 'unknown', suggestions: res.suggestions } : { name: res.name, kind: res.kind, suggestions: [] };
      comuneCache.set(written, ref);
    }
    return ref;
  };

  // ---- Enti
  const enti: EnteRow[] = [];
  const tEnti = located.tables.Enti;
  if (tEnti && tEnti.columns.has('ente')) {
    const rd = reader(tEnti);
    for (const r of tEnti.dataRows) {
      const written = rd.text(r, 'ente');
      rd.require(r, 'ente', written);
      const tipo = parseTipo(rd.text(r, 'tipo'), written);
      let comune: ComuneRef | null = null;
      let name = written;
      if (written && tipo === 'Comune') {
        const part = comuneOfOwner(written) ?? written;
        comune = resolveComune(part);
        if (comune.kind !== 'unknown') name = `Comune di ${comune.name}`;
      }
      enti.push({
        r, written, tipo, name, comune,
        totale: rd.count(r, 'totale'),
        sap: rd.count(r, 'sap'),
        sas: rd.count(r, 'sas'),
        altri: rd.count(r, 'altri'),
        gDichiarato: rd.count(r, 'gDichiarato'),
        dataRicezione: rd.date(r, 'dataRicezione'),
      });
    }
    const byRow = new Map(enti.map((e) => [e.r, e]));
    checkTotals(tEnti, ['totale', 'sap', 'sas', 'altri', 'gDichiarato'], (r, f) => {
      const e = byRow.get(r);
      return e ? (e[f as 'totale'] as number | null) : null;
    });
  }
  const hasEntiSheet = enti.some((e) => e.written !== null);

  // ---- Owner resolution
  const comuneOwners = new Map<string, EnteRow>();
  const alerOwners: EnteRow[] = [];
  for (const e of enti) {
    if (!e.name) continue;
    if (e.tipo === 'Comune' && e.comune && e.comune.kind !== 'unknown' && !comuneOwners.has(e.comune.name!)) comuneOwners.set(e.comune.name!, e);
    if (e.tipo === 'ALER') alerOwners.push(e);
  }
  const enteByKey = new Map<string, EnteRow>();
  for (const e of enti) {
    for (const n of [e.written, e.name]) if (n && !enteByKey.has(nameKey(n))) enteByKey.set(nameKey(n), e);
  }
  const enteResolver = new NameResolver(enti.flatMap((e) => (e.name ? [e.name] : [])));
  const enteNames = new Map(enti.map((e) => [e.name, e]));
  const ownerCache = new Map<string, Map<string | null, EnteRef>>();

  const owner = (e: EnteRow, kind: EnteKind, via?: EnteRef['via']): EnteRef => ({
    name: e.name, kind, isAler: e.tipo === 'ALER', suggestions: [], ...(via ? { via } : {}),
  });

  function resolveOwner(written: string | null, rowComune: ComuneRef): EnteRef {
    if (written === null) return { name: null, kind: 'none', isAler: false, suggestions: [] };
    let byComune = ownerCache.get(written);
    if (!byComune) ownerCache.set(written, (byComune = new Map()));
    let ref = byComune.get(rowComune.name);
    if (!ref) {
      ref = computeOwner(written, rowComune);
      byComune.set(rowComune.name, ref);
    }
    return ref;
  }

  function computeOwner(written: string, rowComune: ComuneRef): EnteRef {
    const f = foldText(written);
    const looksAler = ALER_RE.test(f);
    // "COMUNE" alone: the comune of the row, as the regional platform exports it.
    if (f === 'comune' || f === 'comune di' || f === 'comuni') {
      if (rowComune.kind === 'none') return { name: written, kind: 'unknown', isAler: false, suggestions: [] };
      const e = comuneOwners.get(rowComune.name!);
      if (e) return owner(e, 'alias', 'comune-column');
      const name = `Comune di ${rowComune.name}`;
      return hasEntiSheet
        ? { name, kind: 'unknown', isAler: false, suggestions: [] }
        : { name, kind: 'alias', isAler: false, suggestions: [], via: 'comune-column' };
    }
    const exact = enteByKey.get(nameKey(written));
    if (exact) return owner(exact, 'exact');
    if (!hasEntiSheet) {
      const part = comuneOfOwner(written);
      if (part !== null) {
        const c = resolveComune(part);
        if (c.kind !== 'unknown' && c.name) return { name: `Comune di ${c.name}`, kind: c.kind === 'exact' ? 'exact' : 'variant', isAler: false, suggestions: [], via: 'comune' };
      }
      return { name: written, kind: 'exact', isAler: looksAler, suggestions: [] };
    }
    const part = comuneOfOwner(written);
    if (part !== null) {
      const c = resolveComune(part);
      if (c.kind !== 'unknown') {
        const e = comuneOwners.get(c.name!);
        if (e) return owner(e, c.kind === 'exact' ? 'exact' : 'variant', 'comune');
      }
    }
    // "ALER", "ALER BS – CR- MN": the ambito's ALER, when there is exactly one.
    if (looksAler && alerOwners.length === 1) return owner(alerOwners[0]!, 'alias', 'aler');
    const res = enteResolver.resolve(written);
    if (res.kind !== 'unknown') {
      const e = enteNames.get(res.name);
      if (e) return owner(e, 'variant', 'name');
    }
    return { name: written, kind: 'unknown', isAler: looksAler, suggestions: res.kind === 'unknown' ? res.suggestions : [] };
  }

  // ---- Unita
  const units: UnitRow[] = [];
  const tUnita = located.tables.Unita;
  if (tUnita && tUnita.columns.has('ente') && tUnita.columns.has('stato')) {
    const rd = reader(tUnita);
    const numeroCol = tUnita.columns.get('numero')?.col;
    for (const r of tUnita.dataRows) {
      const enteWritten = rd.text(r, 'ente');
      const comuneWritten = rd.text(r, 'comune');
      const statoWritten = rd.text(r, 'stato');
      const destinazioneWritten = rd.text(r, 'destinazione');
      const comune = resolveComune(comuneWritten);
      const ente = resolveOwner(enteWritten, comune);
      rd.require(r, 'ente', enteWritten);
      rd.require(r, 'stato', statoWritten);
      if (!ente.isAler) rd.require(r, 'comune', comuneWritten);
      // Numero unità: blank means one unit.
      // A count merged over several rows is written once and counts once; a blank one is one unit.
      const count = numeroCol !== undefined && mergedFrom(tUnita.sheet, r, numeroCol) ? 0
        : numeroCol === undefined || isBlank(cellValue(tUnita.sheet, r, numeroCol)) ? 1 : rd.count(r, 'numero');
      const id = rd.text(r, 'id');
      units.push({
        r,
        id,
        idKind: classifyId(id),
        enteWritten, comuneWritten, statoWritten, destinazioneWritten,
        state: statoWritten === null ? null : classifyState(statoWritten),
        sas: isSas(destinazioneWritten),
        count,
        costo: rd.amount(r, 'costo'),
        ente, comune,
      });
    }
    if (tUnita.totalRows.length) {
      const byRow = new Map(units.map((u) => [u.r, u]));
      const numeroCol = tUnita.columns.get('numero')?.col;
      const blankAsZero = (r: number) => (numeroCol !== undefined && isBlank(cellValue(tUnita.sheet, r, numeroCol)) ? 0 : byRow.get(r)?.count ?? null);
      checkTotals(tUnita, ['numero'], (r) => byRow.get(r)?.count ?? null, blankAsZero);
    }
  }

  // ---- SAT
  const sat: SatRow[] = [];
  const tSat = located.tables.SAT;
  if (tSat && tSat.columns.has('ente') && tSat.columns.has('sat')) {
    const rd = reader(tSat);
    for (const r of tSat.dataRows) {
      const enteWritten = rd.text(r, 'ente');
      const comuneWritten = rd.text(r, 'comune');
      const comune = resolveComune(comuneWritten);
      const n = rd.count(r, 'sat');
      rd.require(r, 'ente', enteWritten);
      rd.require(r, 'sat', n);
      sat.push({ r, enteWritten, comuneWritten, sat: n, comune, ente: resolveOwner(enteWritten, comune) });
    }
    const byRow = new Map(sat.map((s) => [s.r, s]));
    checkTotals(tSat, ['sat'], (r) => byRow.get(r)?.sat ?? null);
  }

  // ---- Assegnazioni
  const assegnazioni: AssegnazioneRow[] = [];
  const tAss = located.tables.Assegnazioni;
  if (tAss && tAss.columns.has('ente') && tAss.columns.has('assegnate')) {
    const rd = reader(tAss);
    for (const r of tAss.dataRows) {
      const enteWritten = rd.text(r, 'ente');
      rd.require(r, 'ente', enteWritten);
      assegnazioni.push({
        r, enteWritten,
        assegnate: rd.count(r, 'assegnate'),
        deroga: rd.count(r, 'deroga'),
        mobilita: rd.count(r, 'mobilita'),
        ente: resolveOwner(enteWritten, { name: null, kind: 'none', suggestions: [] }),
      });
    }
    const byRow = new Map(assegnazioni.map((a) => [a.r, a]));
    checkTotals(tAss, ['assegnate', 'deroga', 'mobilita'], (r, f) => {
      const a = byRow.get(r);
      return a ? (a[f as 'assegnate'] as number | null) : null;
    });
  }

  return {
    located, config, hasComuniSheet, hasEntiSheet, comuni, enti, units, sat, assegnazioni,
    valueIssues, missing, totals, pos,
    cellNamer(kind, field) {
      const t = located.tables[kind]!;
      const letter = columnLetter(t.sheet.originCol + (t.columns.get(field)?.col ?? 0));
      const base = t.sheet.originRow + 1;
      return (r) => `${letter}${base + r}`;
    },
    table: (kind) => located.tables[kind],
  };
}
