/**
 * Finding the standard sheets and reading their tables as people really paste them: the sheet by its
 * name or, failing that, by its headers; the header row anywhere in the first rows; columns by
 * canonical header or synonym, in any order; blank rows skipped; TOTALE rows kept apart.
 */
import { foldText } from '../names/normalize';
import { CellValue, SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import {
  AMBITO_KEYS,
  OUTPUT_SHEET_KEYS,
  OWNED_COLUMN_KEYS,
  SheetKind,
  TABLE_ORDER,
  TABLES,
  HEADER_INDEX,
  TOTAL_LABEL,
  TableSpec,
  headerKey,
} from './schema';
import { isBlank, readText } from './values';
import type { PastedPlan, PastedTable } from './sections';
import { pastedPlan, readSections } from './sections';

/** How many rows from the top may hold titles before the header row. */
const HEADER_SCAN_ROWS = 30;

export interface ColumnMatch {
  field: string;
  col: number; // index into the snapshot's row arrays
  header: string;
}

export interface HeaderIssue {
  kind: 'missing' | 'ambiguous';
  field: string;
  fieldHeader: string;
  /** For ambiguous: the columns that could be the field (sheet column indexes); the first is used. */
  candidates?: { col: number; header: string }[];
}

/** One table sheet, located and mapped. */
export interface TableSheet {
  kind: TableSpec['kind'];
  sheet: SheetSnapshot;
  /** Index in snapshot rows of the header row. */
  headerRow: number;
  columns: Map<string, ColumnMatch>;
  headersFound: string[];
  headerIssues: HeaderIssue[];
  /** Snapshot row indexes of data rows (non-blank, not totals) and total rows. */
  dataRows: number[];
  totalRows: number[];
  /** Column (snapshot index) where the add-in's own column is, when a previous run wrote one. */
  ownedCol: number | null;
  foundBy: 'name' | 'headers';
  /** Virtual rows where a new pasted table begins: a TOTALE adds up only its own table's rows. */
  blockStarts?: number[];
  /** Set when the table was read from pasted section tables (its sheet is virtual). */
  pasted?: PastedTable;
  /** Total rows that add up their whole table though subtotals come before them (a plain «Totale» after «Totale ALER»). */
  grandTotals?: Set<number>;
}

export interface AmbitoSheet {
  sheet: SheetSnapshot;
  /** key → snapshot position of the value cell. */
  entries: Map<string, { row: number; col: number }>;
}

export interface LocatedWorkbook {
  tables: Partial<Record<TableSpec['kind'], TableSheet>>;
  ambito: AmbitoSheet | null;
  /** The plan's section tables as pasted, when the workbook has them. */
  pasted?: PastedPlan;
}

export function cellValue(sheet: SheetSnapshot, row: number, col: number | undefined): CellValue {
  if (col === undefined) return null;
  const r = sheet.values[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}


interface MappedHeader {
  columns: Map<string, ColumnMatch>;
  issues: HeaderIssue[];
  headersFound: string[];
  ownedCol: number | null;
  score: number;
}

/** Map one row of headers to fields: the best-ranked synonym wins each field, one field a column. */
function mapHeaderRow(spec: TableSpec, row: CellValue[]): MappedHeader {
  const index = HEADER_INDEX.get(spec.kind)!;
  const candidates: { col: number; header: string; field: string; rank: number }[] = [];
  const headersFound: string[] = [];
  let ownedCol: number | null = null;
  row.forEach((v, col) => {
    const header = readText(v);
    if (header === null) return;
    const key = headerKey(header);
    if (OWNED_COLUMN_KEYS.has(key)) {
      ownedCol = col;
      return;
    }
    headersFound.push(header);
    for (const m of index.get(key) ?? []) candidates.push({ col, header, ...m });
  });
  candidates.sort((x, y) => x.rank - y.rank || x.col - y.col);
  const columns = new Map<string, ColumnMatch>();
  const used = new Set<number>();
  const rivals = new Map<string, { col: number; header: string }[]>();
  for (const c of candidates) {
    if (used.has(c.col)) continue;
    const taken = columns.get(c.field);
    if (taken) {
      // Same field, equally good name: the user must tell us which one is meant.
      const takenRank = candidates.find((x) => x.col === taken.col && x.field === c.field)!.rank;
      if (takenRank === c.rank) {
        const list = rivals.get(c.field) ?? [{ col: taken.col, header: taken.header }];
        list.push({ col: c.col, header: c.header });
        rivals.set(c.field, list);
      }
      continue;
    }
    columns.set(c.field, { field: c.field, col: c.col, header: c.header });
    used.add(c.col);
  }
  const issues: HeaderIssue[] = [];
  for (const f of spec.fields) {
    const r = rivals.get(f.key);
    if (r) issues.push({ kind: 'ambiguous', field: f.key, fieldHeader: f.headers[0]!, candidates: r });
    if (f.required && !columns.has(f.key)) issues.push({ kind: 'missing', field: f.key, fieldHeader: f.headers[0]! });
  }
  const requiredFound = spec.fields.filter((f) => f.required && columns.has(f.key)).length;
  return { columns, issues, headersFound, ownedCol, score: columns.size + requiredFound };
}

function findHeaderRow(spec: TableSpec, sheet: SheetSnapshot): { row: number; mapped: MappedHeader } | null {
  let best: { row: number; mapped: MappedHeader } | null = null;
  const limit = Math.min(sheet.values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const mapped = mapHeaderRow(spec, sheet.values[r] ?? []);
    if (mapped.columns.size === 0) continue;
    if (!best || mapped.score > best.mapped.score) best = { row: r, mapped };
  }
  return best;
}

function isTotalRow(sheet: SheetSnapshot, r: number, labelCols: number[]): boolean {
  for (const c of labelCols) {
    const v = cellValue(sheet, r, c);
    // Cheap test first: only a label starting with "tot" can be a total.
    if (typeof v !== 'string' || !/^[\s']*tot/i.test(v)) continue;
    const t = readText(v);
    if (t !== null && TOTAL_LABEL.test(foldText(t))) return true;
  }
  return false;
}

function isBlankRow(row: CellValue[] | undefined, ignoreCol: number | null): boolean {
  if (!row) return true;
  for (let c = 0; c < row.length; c++) {
    if (c === ignoreCol) continue;
    if (!isBlank(row[c] ?? null)) return false;
  }
  return true;
}

function buildTable(spec: TableSpec, sheet: SheetSnapshot, found: { row: number; mapped: MappedHeader }, foundBy: 'name' | 'headers'): TableSheet {
  const { row: headerRow, mapped } = found;
  // The label columns where a TOTALE may be written: the owner or comune column, else the first column.
  const labelCols = ['ente', 'comune'].map((f) => mapped.columns.get(f)?.col).filter((c): c is number => c !== undefined);
  labelCols.push(0);
  const dataRows: number[] = [];
  const totalRows: number[] = [];
  for (let r = headerRow + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    if (isBlankRow(row, mapped.ownedCol)) continue;
    if (isTotalRow(sheet, r, labelCols)) totalRows.push(r);
    else dataRows.push(r);
  }
  return {
    kind: spec.kind,
    sheet,
    headerRow,
    columns: mapped.columns,
    headersFound: mapped.headersFound,
    headerIssues: mapped.issues,
    dataRows,
    totalRows,
    ownedCol: mapped.ownedCol,
    foundBy,
  };
}

/**
 * The data rows each TOTALE row adds up: those since the previous total row; a total right after
 * other totals (a grand total under subtotals) adds up every data row above it.
 */
export function totalCoverage(t: TableSheet): Map<number, number[]> {
  const out = new Map<number, number[]>();
  let start = 0;
  // Pasted tables one under another: a total never reaches into the table above its own.
  const blockOf = (r: number) => (t.blockStarts ? t.blockStarts.filter((b) => b <= r).length : 0);
  for (const tr of t.totalRows) {
    const since: number[] = [];
    while (start < t.dataRows.length && t.dataRows[start]! < tr) since.push(t.dataRows[start++]!);
    const own = since.filter((r) => blockOf(r) === blockOf(tr));
    const whole = !own.length || t.grandTotals?.has(tr);
    out.set(tr, whole ? t.dataRows.filter((r) => r < tr && blockOf(r) === blockOf(tr)) : own);
  }
  return out;
}

export function sheetKindByName(name: string): SheetKind | null {
  const f = foldText(name);
  if (OUTPUT_SHEET_KEYS.has(f)) return null;
  if (f === 'ambito' || f.startsWith('ambito ') || f === 'dati ambito') return 'Ambito';
  for (const kind of TABLE_ORDER) {
    for (const n of TABLES[kind].names) if (f === n || f.startsWith(n + ' ')) return kind;
  }
  return null;
}

function readAmbito(sheet: SheetSnapshot): AmbitoSheet {
  const entries = new Map<string, { row: number; col: number }>();
  const labels = new Map<string, string>();
  for (const k of AMBITO_KEYS) for (const l of k.labels) labels.set(foldText(l), k.key);
  sheet.values.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      const t = readText(row[c] ?? null);
      if (t === null) continue;
      const key = labels.get(foldText(t));
      if (key && !entries.has(key)) {
        // The value is the next non-empty cell on the row (a blank column between is common).
        let vc = c + 1;
        while (vc < row.length && isBlank(row[vc] ?? null)) vc++;
        entries.set(key, { row: r, col: vc < row.length ? vc : c + 1 });
      }
      break; // only the first non-empty cell of a row is a label
    }
  });
  return { sheet, entries };
}

export function locateSheets(workbook: WorkbookSnapshot): LocatedWorkbook {
  const tables: Partial<Record<TableSpec['kind'], TableSheet>> = {};
  let ambito: AmbitoSheet | null = null;
  const unclaimed: SheetSnapshot[] = [];
  for (const sheet of workbook.sheets) {
    const kind = sheetKindByName(sheet.name);
    if (kind === 'Ambito') {
      if (!ambito) ambito = readAmbito(sheet);
      continue;
    }
    if (kind && !tables[kind]) {
      const spec = TABLES[kind];
      const found = findHeaderRow(spec, sheet) ?? { row: 0, mapped: mapHeaderRow(spec, sheet.values[0] ?? []) };
      tables[kind] = buildTable(spec, sheet, found, 'name');
      continue;
    }
    if (!OUTPUT_SHEET_KEYS.has(foldText(sheet.name))) unclaimed.push(sheet);
  }
  // Sheets of pasted section tables (titles such as «b) Unità … in carenza manutentiva») stand for
  // the standard sheets the workbook does not have.
  const sections: { sheet: SheetSnapshot; read: NonNullable<ReturnType<typeof readSections>> }[] = [];
  const rest: SheetSnapshot[] = [];
  for (const sheet of unclaimed) {
    const read = readSections(sheet);
    if (read) sections.push({ sheet, read });
    else rest.push(sheet);
  }
  // A sheet named otherwise ("Foglio1", "Allegato B") is recognised by its headers: all required
  // fields and at least two fields in all.
  for (const sheet of rest) {
    let best: { kind: TableSpec['kind']; found: { row: number; mapped: MappedHeader } } | null = null;
    for (const kind of TABLE_ORDER) {
      // A sheet named like the kind but empty (a template next to ALER's "Allegato B") gives way to
      // a sheet whose headers say the same and that has rows.
      const named = tables[kind];
      if (named && (named.dataRows.length > 0 || named.foundBy === 'headers')) continue;
      const found = findHeaderRow(TABLES[kind], sheet);
      if (!found || found.mapped.issues.some((i) => i.kind === 'missing') || found.mapped.columns.size < 2) continue;
      if (!best || found.mapped.score > best.found.mapped.score) best = { kind, found };
    }
    if (best) {
      const table = buildTable(TABLES[best.kind], sheet, best.found, 'headers');
      if (!tables[best.kind] || table.dataRows.length > 0) tables[best.kind] = table;
    }
    else if (!ambito) {
      const a = readAmbito(sheet);
      if (a.entries.size >= 2) ambito = a;
    }
  }
  // A unit list on a sheet of its own (ALER's Allegato B, found by its headers) joins the pasted
  // tables as the owner's list; a sheet named Unita is the plan's own and wins (as after «Crea fogli standard»).
  const unitList = tables.Unita?.foundBy === 'headers' ? tables.Unita : undefined;
  const pasted = pastedPlan(sections, unitList, ambito ? yearOf(ambito) : null);
  if (pasted) {
    for (const [kind, table] of Object.entries(pasted.tables) as [TableSpec['kind'], TableSheet][]) {
      const own = tables[kind];
      if (!own || own === unitList || (own.dataRows.length === 0 && table.dataRows.length > 0)) tables[kind] = table;
    }
    return { tables, ambito, pasted };
  }
  return { tables, ambito };
}

/** The plan's year as the Ambito sheet writes it, when it is a plain year. */
function yearOf(ambito: AmbitoSheet): number | null {
  const at = ambito.entries.get('anno');
  const v = at ? cellValue(ambito.sheet, at.row, at.col) : null;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : null;
}
