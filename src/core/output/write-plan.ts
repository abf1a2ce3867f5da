/**
 * The write plan: everything the add-in puts into a workbook, as data any shell can apply. Output
 * sheets (Sezione g, Anomalie, Riepilogo) are written whole; on the input sheets only fills and notes
 * on cells with anomalies, and the computed columns the add-in owns. No value a user typed is touched,
 * and nothing here depends on the clock, so two runs write the same workbook.
 */
import type { PreviousYearTable } from './riepilogo-previous';
import { a1, parseA1 } from '../address';
import { PlanModel, UnitRow } from '../reading/plan';
import { OUTPUT_SHEETS, OWNED_COLUMNS } from '../reading/schema';
import { totalCoverage } from '../reading/table';
import { Report } from '../report';
import { Readiness } from '../scope';
import { SheetSnapshot } from '../snapshot';
import { countOf, num } from '../italian';
import { Anomaly, SEVERITY_RANK, Severity } from '../rules/rule';
import { SectionG } from '../section-g';
import { buildRiepilogo } from './riepilogo';
import type { YearSummary } from '../previous/year';
import { NOTE_SIGNATURE } from './signature';
import { CellInput, OutSheet, SheetBuilder, SEVERITY_LABEL } from './sheet-builder';
import { verdictOf } from './verdict';
import { RULES } from '../rules';

const RULE_TITLES = new Map(RULES.map((r) => [r.code, r.title]));

export type { OutCell, OutSheet, OutTable, CellStyle, ChartSpec } from './sheet-builder';

export interface Annotation {
  sheet: string;
  cell: string;
  /** Zero-based, in the workbook. */
  row: number;
  col: number;
  severity: Severity;
  note: string;
}

export interface ComputedColumn {
  sheet: string;
  header: string;
  /** Zero-based column and header row in the workbook. */
  col: number;
  headerRow: number;
  cells: { row: number; value: string | number; severity?: Severity }[];
}

export interface WritePlan {
  sheets: OutSheet[];
  annotations: Annotation[];
  columns: ComputedColumn[];
}

export interface PlanInput {
  model: PlanModel;
  sectionG: SectionG;
  anomalies: Anomaly[];
  report: Report;
  readiness: Readiness;
  /** The previous years compared (most recent first): Riepilogo adds «Confronto con l'anno precedente». */
  previous?: readonly YearSummary[];
  /** Their per-owner comparison, when the engine has it already (built from `previous` otherwise). */
  comparison?: PreviousYearTable | null;
}

export const worse = (a: Severity, b: Severity): Severity => (SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b);

export const FIGURE_HEADERS = [
  'b – Carenza manutentiva',
  'c – Ristrutturazione',
  'd – Nuova edificazione',
  'e – Libere e turnover',
  'f – Conferite da privati',
  'g – Totale assegnabili',
  'SAT (j)',
];
export const NO_COMUNE = '(comune non indicato)';

function title(model: PlanModel): string {
  const anno = model.config.anno ? ` ${model.config.anno}` : '';
  return `${model.config.ambito ?? 'Ambito non indicato'}${anno}`;
}

function buildSezioneG({ model, sectionG }: PlanInput): OutSheet {
  // One column layout for the three tables (owner, comune, figures): the header repeated at the top of
  // every printed page is then true for each of them. 154 units: 91% on A4 landscape in LibreOffice, 97% in Excel.
  const s = new SheetBuilder(OUTPUT_SHEETS.sezioneG, [30, 26, 15, 16, 14, 14, 15, 14, 10], [0, 1]);
  const figures = (x: { b: number; c: number; d: number; e: number; f: number; g: number; sat: number }) => [x.b, x.c, x.d, x.e, x.f, x.g, x.sat];
  s.title(`Sezione g – Unità SAP assegnabili nell'anno${model.config.anno ? ` ${model.config.anno}` : ''}`);
  s.subtitle(`${title(model)} · g = b + c + d + e + f per ente proprietario e comune, calcolata da Piano Offerta dalle righe del foglio «${model.table('Unita')?.sheet.name ?? 'Unita'}»`);
  s.blank();
  // Frozen (and repeated in print) before the tables are laid out: the pages are counted below these rows.
  s.freeze(4);
  s.table('SezioneG', ['Ente proprietario', 'Comune', ...FIGURE_HEADERS], sectionG.rows.map((r) => [r.ente, r.comune ?? NO_COMUNE, ...figures(r)]));
  s.totalRow(['Totale', '', ...figures(sectionG.totals)]);
  s.blank();
  // In the summaries the other column counts what each row adds up: "12 comuni", "2 enti".
  const comuniOf = new Map<string, { named: number; unnamed: boolean }>();
  const entiOf = new Map<string | null, number>();
  for (const r of sectionG.rows) {
    const c = comuniOf.get(r.ente) ?? { named: 0, unnamed: false };
    if (r.comune === null) c.unnamed = true;
    else c.named++;
    comuniOf.set(r.ente, c);
    entiOf.set(r.comune, (entiOf.get(r.comune) ?? 0) + 1);
  }
  const comuniText = ({ named, unnamed }: { named: number; unnamed: boolean }) =>
    named === 0 ? NO_COMUNE : `${countOf(named, 'comune', 'comuni')}${unnamed ? ' + non indicato' : ''}`;
  s.subtitle('Totali per ente proprietario');
  const perEnte = s.table(
    'SezioneGEnti',
    ['Ente proprietario', 'Comuni', ...FIGURE_HEADERS],
    sectionG.byEnte.map((e) => [e.ente, comuniText(comuniOf.get(e.ente) ?? { named: 0, unnamed: true }), ...figures(e)]),
  );
  s.totalRow(['Totale', '', ...figures(sectionG.totals)]);
  s.blank();
  s.subtitle('Totali per comune');
  s.table(
    'SezioneGComuni',
    ['Enti proprietari', 'Comune', ...FIGURE_HEADERS],
    sectionG.byComune.map((c) => [countOf(entiOf.get(c.comune) ?? 0, 'ente', 'enti'), c.comune ?? NO_COMUNE, ...figures(c)]),
  );
  s.totalRow(['Totale', '', ...figures(sectionG.totals)]);
  // Under the last table (beside it would widen the page): Excel draws it, the .xlsx copy has none.
  if (perEnte) s.barChart('Unità assegnabili (g) per ente proprietario', perEnte, 7);
  return s.build();
}

/** Cells of one anomaly listed a row each in Anomalie; beyond, one line says where the rest are. */
export const MAX_ROWS_PER_ANOMALY = 5_000;
/** Rows of the Anomalie table in all (a sheet a person can still scroll and Excel writes quickly). */
export const MAX_ANOMALY_ROWS = 10_000;

/**
 * The cells an anomaly is listed at, a row each: every cell of an error or a warning (each needs a
 * look), the first of an information (context: the rest are counted on that row).
 */
function listedCells(a: Anomaly, budget: number): { cells: string[]; unlisted: number } {
  const all = a.cells ?? (a.cell ? [a.cell] : []);
  const room = a.severity === 'info' ? 1 : Math.max(1, Math.min(MAX_ROWS_PER_ANOMALY, budget));
  return { cells: all.slice(0, room), unlisted: Math.max(0, all.length - room) };
}

/** The text of a link: "D31", "D31 · 2 di 5", or "C2 e altre 153" for a grouped information (short: a link does not wrap). */
function linkText(cell: string, i: number, total: number, info: boolean): string {
  if (total <= 1) return cell;
  if (info) return `${cell} e ${total === 2 ? "un'altra" : `altre ${num(total - 1)}`}`;
  return `${cell} · ${num(i + 1)} di ${num(total)}`;
}

function buildAnomalie({ model, anomalies, report, readiness }: PlanInput): OutSheet {
  // 155 characters in all: an A4 landscape page at about 85%, the long texts wrapped.
  const s = new SheetBuilder(OUTPUT_SHEETS.anomalie, [12, 20, 12, 14, 14, 41, 27, 15], [1, 4, 5, 6, 7]);
  const verdict = verdictOf(report, readiness);
  s.title(`Anomalie – ${title(model)}`);
  s.subtitle(
    `${verdict.headline} · ${countOf(report.counts.error, 'errore', 'errori')}, ${countOf(report.counts.warning, 'avviso', 'avvisi')}, ${countOf(report.counts.info, 'informazione', 'informazioni')}. Una riga per cella: fare clic sul riferimento nella colonna «Cella» per andare al dato.`,
  );
  s.blank();
  const rows: CellInput[][] = [];
  for (const a of anomalies) {
    const all = a.cells ?? (a.cell ? [a.cell] : []);
    const { cells, unlisted } = listedCells(a, MAX_ANOMALY_ROWS - rows.length);
    const head = [{ v: SEVERITY_LABEL[a.severity], style: a.severity }, RULE_TITLES.get(a.rule) ?? a.rule, a.sheet];
    const tail = [a.value, a.message, a.suggestion ?? '', a.legalRef ?? ''];
    if (cells.length === 0) rows.push([...head, '', ...tail]);
    // The first row says it all; the next ones of the same anomaly take one line each (3,000 cells are
    // 3,000 short rows, each with its link, not 3,000 repeats of the message and the suggestion).
    cells.forEach((cell, i) => {
      const link = { v: linkText(cell, i, all.length, a.severity === 'info'), link: { sheet: a.sheet, cell } };
      rows.push([...head, link, ...(i === 0 ? tail : [a.value, `Stessa anomalia della cella ${cells[0]} (${num(i + 1)} di ${num(all.length)}).`, '', ''])]);
    });
    if (unlisted > 0 && a.severity !== 'info') {
      const rest = unlisted === 1
        ? `… e un'altra cella con la stessa anomalia: è evidenziata nel foglio «${a.sheet}», e il riquadro di Piano Offerta la mostra con «Successiva».`
        : `… e altre ${num(unlisted)} celle con la stessa anomalia: sono evidenziate nel foglio «${a.sheet}», e il riquadro di Piano Offerta le percorre una per una («Precedente» / «Successiva»).`;
      rows.push([...head, '', a.value, rest, '', '']);
    }
  }
  s.table('Anomalie', ['Gravità', 'Anomalia', 'Foglio', 'Cella', 'Valore', 'Messaggio', 'Suggerimento', 'Riferimento normativo'], rows, {
    emptyText: readiness.scope === 'ente' ? "Nessuna anomalia nell'elenco." : "Nessuna anomalia.",
  });
  s.freeze(4);
  return s.build();
}

/** What happened to a row of Unita, in a few words, for the Esito column beside it. */
function unitOutcome(u: UnitRow, entiSheet: string | undefined): string {
  let tail = '';
  if (u.comune.kind === 'variant' || u.comune.kind === 'unknown' || u.ente.kind === 'variant' || u.ente.kind === 'unknown') {
    const notes: string[] = [];
    if (u.comune.kind === 'variant') notes.push(`comune riconosciuto come ${u.comune.name}`);
    // Aliases ("ALER", "COMUNE") are the platform's normal spelling: said once in Anomalie, not on every row.
    if (u.ente.kind === 'variant') notes.push(`ente: ${u.ente.name}`);
    if (u.comune.kind === 'unknown') notes.push("comune non dell'ambito");
    if (u.ente.kind === 'unknown') notes.push(entiSheet ? `ente non nel foglio «${entiSheet}»` : 'ente non riconosciuto');
    if (notes.length) tail = ` (${notes.join('; ')})`;
  }
  if (u.ente.name === null) return 'Non conteggiata: ente non indicato';
  if (u.state === null) return 'Non conteggiata: stato non indicato';
  if (u.state.kind === 'unknown') return 'Non conteggiata: stato non riconosciuto';
  if (u.state.kind === 'not-assignable') return 'Esclusa dalla sezione g: non assegnabile';
  if (u.sas) return 'Esclusa dalla sezione g: SAS';
  if (u.count === null) return 'Non conteggiata: numero di unità non leggibile';
  const n = `${num(u.count)} unità`;
  return `Sezione ${u.state.section}: ${n}${u.comune.name === null ? ', comune non indicato' : ''}${tail}`;
}

/**
 * The first free column from `col` that is neither inside an Excel table nor just right of one on
 * the rows it spans: Excel grows a table to take in a value written beside it, and the user's table
 * must stay theirs.
 */
const MAX_SHEET_COLUMNS = 16384;

function firstEmptyColumn(sheet: SheetSnapshot, headerRow: number): number {
  const header = sheet.values[headerRow] ?? [];
  let c = header.length;
  while (header[c - 1] === null && c > 0) c--;
  for (;; c++) {
    let empty = true;
    for (let r = headerRow; r < sheet.values.length && empty; r++) {
      const v = sheet.values[r]![c];
      if (v !== undefined && v !== null) empty = false;
    }
    if (empty && !(sheet.tables ?? []).some((t) => c + sheet.originCol >= t.c0 && c + sheet.originCol <= t.c1 + 1)) return c;
  }
}

export function besideTables(sheet: SheetSnapshot, col: number, r0: number, r1: number): number {
  const tables = (sheet.tables ?? []).filter((t) => t.r0 <= r1 && r0 <= t.r1);
  let c = col;
  while (tables.some((t) => c >= t.c0 && c <= t.c1 + 1)) c++;
  return c;
}

function buildColumns({ model, sectionG, anomalies }: PlanInput): ComputedColumn[] {
  const worstByRow = new Map<string, Map<number, Severity>>();
  for (const a of anomalies) {
    if (!a.cell) continue;
    const row = parseA1(a.cell).row;
    let bySheet = worstByRow.get(a.sheet);
    if (!bySheet) worstByRow.set(a.sheet, (bySheet = new Map()));
    const prev = bySheet.get(row);
    bySheet.set(row, prev ? worse(prev, a.severity) : a.severity);
  }
  const columns: ComputedColumn[] = [];
  const place = (kind: 'Enti' | 'Unita') => {
    const t = model.table(kind)!;
    const width = t.sheet.values.reduce((w, row) => Math.max(w, row.length), 0);
    const headerRow = t.sheet.originRow + t.headerRow;
    const lastRow = t.sheet.originRow + t.sheet.values.length - 1;
    let col = t.ownedCol !== null ? t.sheet.originCol + t.ownedCol : besideTables(t.sheet, t.sheet.originCol + width, headerRow, lastRow);
    // A stray value far to the right (up to column XFD) leaves no room after the used range: the
    // first column after the header that is empty from the header down.
    if (col >= MAX_SHEET_COLUMNS) col = t.sheet.originCol + firstEmptyColumn(t.sheet, t.headerRow);
    return {
      sheet: t.sheet.name,
      header: OWNED_COLUMNS[kind],
      col,
      headerRow,
      rowOf: (r: number) => t.sheet.originRow + r,
    };
  };
  const tEnti = model.table('Enti');
  // Pasted section tables get highlights and notes, never a column of ours between the user's tables.
  if (tEnti && !tEnti.pasted && model.enti.length) {
    const p = place('Enti');
    const cells: ComputedColumn['cells'] = model.enti.map((e) => ({ row: p.rowOf(e.r), value: e.name ? sectionG.gOfEnte(e.name) : '' }));
    const byRow = new Map(model.enti.map((e) => [e.r, e]));
    for (const [r, covered] of totalCoverage(tEnti)) {
      cells.push({ row: p.rowOf(r), value: covered.reduce((n, c) => n + (byRow.get(c)?.name ? sectionG.gOfEnte(byRow.get(c)!.name!) : 0), 0) });
    }
    columns.push({ sheet: p.sheet, header: p.header, col: p.col, headerRow: p.headerRow, cells: cells.sort((x, y) => x.row - y.row) });
  }
  if (model.table('Unita') && !model.table('Unita')!.pasted && model.units.length) {
    const p = place('Unita');
    const worst = worstByRow.get(p.sheet);
    columns.push({
      sheet: p.sheet, header: p.header, col: p.col, headerRow: p.headerRow,
      cells: model.units.map((u) => {
        const row = p.rowOf(u.r);
        const severity = worst?.get(row);
        const value = unitOutcome(u, model.table('Enti')?.sheet.name);
        return severity ? { row, value, severity } : { row, value };
      }),
    });
  }
  return columns;
}

/**
 * A fill and a note on each input cell with an anomaly: every cell of an error or a warning, the
 * first of an information (context, not a call to act: "ALER" read as the ambito's ALER on 100,000
 * rows is said once). Errors come first, so a shell that must stop at a limit keeps what matters.
 */
function buildAnnotations(anomalies: Anomaly[], outputNames: Set<string>): Annotation[] {
  const byCell = new Map<string, Annotation>();
  for (const a of anomalies) {
    if (!a.cell || outputNames.has(a.sheet)) continue;
    const cells = a.severity === 'info' ? [a.cell] : a.cells ?? [a.cell];
    const line = `${SEVERITY_LABEL[a.severity]}: ${a.message}${a.suggestion ? `\n→ ${a.suggestion}` : ''}`;
    for (const cell of cells) {
      const key = `${a.sheet}\u0000${cell}`;
      const prev = byCell.get(key);
      if (prev) {
        prev.severity = worse(prev.severity, a.severity);
        prev.note += `\n${line}`;
      } else {
        const { row, col } = parseA1(cell);
        byCell.set(key, { sheet: a.sheet, cell: a1(row, col), row, col, severity: a.severity, note: `${NOTE_SIGNATURE}\n${line}` });
      }
    }
  }
  return [...byCell.values()].sort((x, y) => SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity]);
}

export function buildWritePlan(input: PlanInput): WritePlan {
  const sheets = [buildSezioneG(input), buildAnomalie(input), buildRiepilogo(input)];
  return {
    sheets,
    annotations: buildAnnotations(input.anomalies, new Set(sheets.map((s) => s.name))),
    columns: buildColumns(input),
  };
}

