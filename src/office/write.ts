/**
 * Writing a check's results into the open workbook, and taking away what an earlier run wrote.
 *
 * `planWrite` (and `planRemoval`) decide everything before anything is written: what is the
 * add-in's to remove, what can be written where, and what cannot and why. Every precondition is
 * checked there, before the first write. `queueWrite` then queues the decision in whole-range
 * batches: the output sheets (one values and one number-format array each), the computed columns
 * (one array each), the highlights (conditional formats), notes where Excel has them, and the
 * add-in's settings. Nothing a user typed is written.
 */
import { a1, quoteSheetName } from '../core/address';
import { EngineResult } from '../core/engine';
import { countOf, joinNames, num } from '../core/italian';
import { ColumnChanges, FoundColumn, Written, findOwnedColumns, reconcileColumn, removalOf, sameHeader, valueAt } from '../core/output/owned-columns';
import { CellStyle, OutSheet } from '../core/output/write-plan';
import { FONT, STYLES } from '../core/output/sheet-builder';
import { linkFormula } from '../core/output/links';
import { OUTPUT_SHEETS, OWNED_COLUMNS } from '../core/reading/schema';
import { Severity } from '../core/rules/rule';
import { SheetSnapshot } from '../core/snapshot';
import { RequestBudget, gridBytes, jsonBytes } from './budget';
import { Capabilities } from './capabilities';
import { Area, Look, MAX_AREAS_WITHOUT_RANGE_AREAS, MAX_HIGHLIGHTS, packCells, queueLook } from './highlights';
import { WorkbookRead, cellKey } from './read';
import { AddinState, LEGACY_STATE_SHEET, STATE_KEY, mergeWritten } from './state';
import type { WriteNotice } from '../taskpane/service';

/** Notes written in one run at most (errors first): beyond, the Anomalie sheet says it all. */
const MAX_NOTES = 1_000;

/** Everything a run will do, decided before the first write. */
export interface WriteDecision {
  /** Output sheets to write; none when the structure is protected or a user's sheet has an output's name. */
  outputs: OutSheet[];
  /** Output sheets of ours to delete first (the previous run's). */
  deleteSheets: string[];
  deleteLegacyStateSheet: boolean;
  /** Conditional formats, notes and comments of ours to delete (on sheets that are not protected). */
  deleteFormats: Excel.ConditionalFormat[];
  deleteNotes: { sheet: string; cell: string }[];
  deleteComments: Excel.Comment[];
  /** Version 0.1's fills to put back, and its old columns' formats to clear. */
  legacyFills: { sheet: string; cell: string; restore: string | null }[];
  legacyColumnFormats: { sheet: string; col: number; firstRow: number; lastRow: number }[];
  columns: ColumnChanges[];
  /** Per sheet, the looks to give to areas of cells. */
  looks: { sheet: string; look: Look; areas: Area[] }[];
  notes: { sheet: string; cell: string; text: string }[];
  highlightedCells: number;
  highlightCapped: boolean;
  state: AddinState;
  /** The state while writing: old and new values of the columns both count as ours. */
  interimState: AddinState;
  notices: WriteNotice[];
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];
const HEADERS = Object.values(OWNED_COLUMNS);

function outputsOf(read: WorkbookRead): { ours: string[]; foreign: string[] } {
  const entries = [...read.outputSheets];
  return { ours: entries.filter(([, o]) => o).map(([n]) => n), foreign: entries.filter(([, o]) => !o).map(([n]) => n) };
}

const quoted = (names: string[]) => joinNames(names.map((n) => `«${n}»`));

function protectedNotice(sheets: string[], removing: boolean): WriteNotice {
  const one = sheets.length === 1;
  const what = removing
    ? `i risultati di Piano Offerta ${one ? 'in quel foglio' : 'in quei fogli'} (evidenziazioni, note, colonne calcolate) non sono stati tolti`
    : `${one ? 'le sue celle' : 'le loro celle'} non sono state evidenziate né annotate e le colonne calcolate non sono state scritte (le evidenziazioni di un controllo precedente, se ci sono, restano)`;
  return {
    message: `${one ? 'Il foglio' : 'I fogli'} ${quoted(sheets)} ${one ? 'è protetto' : 'sono protetti'}: ${what}. Per farlo: Revisione › Rimuovi protezione foglio, poi di nuovo ${removing ? '«Rimuovi risultati»' : '«Controlla e calcola»'}.`,
  };
}

/** What the last run wrote in a computed column; none recorded after a run means nothing there is ours but empty cells. */
function previousOf(read: WorkbookRead, header: string): Written | null {
  if (!read.state) return null;
  return read.state.columns[header] ?? {};
}

/** What to take away of earlier runs, on the sheets the add-in may change. */
function removals(read: WorkbookRead, caps: Capabilities, writable: Set<string>, structureFree: boolean) {
  const { ours } = outputsOf(read);
  const legacy = read.legacy;
  return {
    deleteSheets: structureFree ? ours : [],
    deleteLegacyStateSheet: structureFree && legacy !== null,
    deleteFormats: read.inputs.filter((s) => writable.has(s.name)).flatMap((s) => s.ourFormats),
    deleteNotes: caps.notes ? read.ourNotes.filter((n) => writable.has(n.sheet)) : [],
    deleteComments: read.ourComments.filter((c) => writable.has(c.sheet)).map((c) => c.comment),
    legacyFills: (legacy?.fills ?? []).filter((f) => writable.has(f.sheet)),
    // Version 0.1 formatted its columns directly: where its header is still in its place, those formats go.
    legacyColumnFormats: (legacy?.columns ?? []).filter((c) => writable.has(c.sheet) && HEADERS.some((h) => sameHeader(valueAt(snapshotOf(read, c.sheet), c.firstRow, c.col), h))),
  };
}

/** An input sheet as read (every sheet the plan or the state names is one). */
function snapshotOf(read: WorkbookRead, sheet: string): SheetSnapshot {
  return read.snapshot.sheets.find((s) => s.name === sheet)!;
}

function keptNotice(c: ColumnChanges): WriteNotice {
  const cells = c.kept.map((k) => k.cell);
  const list = cells.length > 6 ? `${cells.slice(0, 6).join(', ')} e altre ${num(cells.length - 6)}` : joinNames(cells);
  return {
    message:
      cells.length === 1
        ? `Nella colonna «${c.header}» del foglio «${c.sheet}» la cella ${list} contiene un valore scritto a mano: è stata lasciata com'è.`
        : `Nella colonna «${c.header}» del foglio «${c.sheet}» le celle ${list} contengono valori scritti a mano: sono state lasciate come sono.`,
  };
}

/** The records of the computed columns after this run: what is ours in each, header by header. */
function recordsAfter(read: WorkbookRead, columns: ColumnChanges[], locked: FoundColumn[]): Record<string, Written> {
  const records: Record<string, Written> = {};
  for (const c of columns) records[c.header] = mergeWritten(records[c.header], c.written);
  // Columns on protected sheets keep what they had: still ours next time.
  for (const f of locked) records[f.header] = mergeWritten(records[f.header], read.state?.columns[f.header]);
  return records;
}

export function planWrite(result: EngineResult, read: WorkbookRead, caps: Capabilities): WriteDecision {
  const notices: WriteNotice[] = [];
  const inputNames = new Set(read.inputs.map((s) => s.name));
  const locked = read.inputs.filter((s) => s.protected).map((s) => s.name);
  const writable = new Set(read.inputs.filter((s) => !s.protected).map((s) => s.name));
  const { ours, foreign } = outputsOf(read);

  // Output sheets: only when sheets can be added and no user's sheet bears their names.
  let outputs = result.writePlan.sheets;
  if (read.structureProtected) {
    outputs = [];
    notices.push({
      message: `La struttura della cartella di lavoro è protetta: i fogli ${joinNames(result.writePlan.sheets.map((s) => s.name))} non sono stati ${ours.length ? 'aggiornati (quelli presenti sono di un controllo precedente)' : 'creati'}. Per averli: togliere la protezione (Revisione › Proteggi cartella di lavoro), poi di nuovo «Controlla e calcola».`,
    });
  } else if (foreign.length) {
    outputs = [];
    notices.push({
      message: `Esiste già un foglio ${quoted(foreign)} che non è stato creato da Piano Offerta: i fogli dei risultati non sono stati scritti, per non toccarlo. Rinominarlo (ad esempio aggiungendo «vecchio») e riprovare.`,
    });
  }
  if (locked.length) notices.push(protectedNotice(locked, false));

  // Computed columns, on sheets that can be written; the user's own cells in them stay.
  const planned = result.writePlan.columns.filter((c) => writable.has(c.sheet));
  const columns = planned.map((col) => reconcileColumn(col, snapshotOf(read, col.sheet), previousOf(read, col.header)));
  // Computed columns on the sheets that this run does not plan (a stale copy, a sheet no longer read as Unita) go.
  const found = findOwnedColumns(read.snapshot.sheets, HEADERS);
  const stray = found.filter((f) => !result.writePlan.columns.some((p) => p.sheet === f.sheet && p.col === f.col));
  for (const f of stray.filter((x) => writable.has(x.sheet))) columns.push(removalOf(f, snapshotOf(read, f.sheet), previousOf(read, f.header)));
  for (const c of columns) if (c.kept.length) notices.push(keptNotice(c));
  for (const col of result.writePlan.columns) {
    const had = read.state?.columns[col.header];
    const header = valueAt(snapshotOf(read, col.sheet), col.headerRow, col.col);
    if (had && Object.keys(had).length && !sameHeader(header, col.header) && !stray.some((f) => f.header === col.header)) {
      notices.push({
        message: `La colonna «${col.header}» scritta in precedenza nel foglio «${col.sheet}» non si trova più (l'intestazione è stata cambiata o cancellata): i valori rimasti non sono stati toccati e la colonna è stata scritta di nuovo in ${a1(col.headerRow, col.col).replace(/\d+$/, '')}.`,
      });
    }
  }

  // Highlights: the cells of the anomalies, by severity, up to the limit.
  const annotations = result.writePlan.annotations.filter((a) => inputNames.has(a.sheet) && writable.has(a.sheet));
  // Without Worksheet.getRanges each rectangle is a conditional format of its own: fewer of them.
  const shown = annotations.slice(0, caps.rangeAreas ? MAX_HIGHLIGHTS : MAX_AREAS_WITHOUT_RANGE_AREAS);
  const looks: WriteDecision['looks'] = [];
  const computed = columns.filter((c) => c.cells.length);
  for (const sheet of writable) {
    for (const severity of SEVERITY_ORDER) {
      const cells = shown.filter((a) => a.sheet === sheet && a.severity === severity).map((a) => ({ row: a.row, col: a.col }));
      // The Esito cells take their row's colour (where one format can cover many cells).
      if (caps.rangeAreas) {
        for (const c of computed.filter((x) => x.sheet === sheet)) {
          for (const r of c.cells) if (r.severity === severity) cells.push({ row: r.row, col: c.col });
        }
      }
      if (cells.length) looks.push({ sheet, look: { kind: 'severity', severity }, areas: packCells(cells) });
    }
  }
  for (const c of computed) {
    looks.push({ sheet: c.sheet, look: { kind: 'computed-header' }, areas: [{ r0: c.firstRow, c0: c.col, r1: c.firstRow, c1: c.col }] });
    looks.push({ sheet: c.sheet, look: { kind: 'computed' }, areas: packCells(c.cells.map((r) => ({ row: r.row, col: c.col }))) });
  }
  const highlightCapped = annotations.length > shown.length;
  if (highlightCapped) {
    notices.push({ message: `Sono state evidenziate le prime ${num(shown.length)} celle su ${num(annotations.length)} con anomalie: tutte le anomalie sono elencate nel foglio Anomalie e qui nel riquadro.` });
  }

  // Notes: where Excel has them, on errors and warnings, never beside a note or comment of someone else.
  const notes: WriteDecision['notes'] = [];
  const ownedCells = new Set(columns.flatMap((c) => c.cells.map((r) => cellKey(c.sheet, a1(r.row, c.col)))));
  if (caps.notes) {
    const candidates = shown
      .filter((a) => a.severity !== 'info' && !read.annotatedCells.has(cellKey(a.sheet, a.cell)) && !ownedCells.has(cellKey(a.sheet, a.cell)))
      .sort((x, y) => SEVERITY_ORDER.indexOf(x.severity) - SEVERITY_ORDER.indexOf(y.severity));
    for (const a of candidates.slice(0, MAX_NOTES)) notes.push({ sheet: a.sheet, cell: a.cell, text: a.note });
    if (candidates.length > MAX_NOTES) notices.push({ message: `Le note spiegano le prime ${num(MAX_NOTES)} celle con errori o avvisi; le altre anomalie sono nel foglio Anomalie.` });
  } else {
    notices.push({
      message: 'Questa versione di Excel non permette di aggiungere note alle celle: il motivo di ogni cella evidenziata è nel foglio Anomalie (con il collegamento alla cella) e qui nel riquadro.',
    });
    if ((read.state?.notes ?? 0) > 0) {
      notices.push({
        message: `Nella cartella restano ${countOf(read.state!.notes, 'nota', 'note')} di Piano Offerta scritte da un controllo fatto con Microsoft 365 o con Excel sul web: questa versione di Excel non può aggiornarle né toglierle. Lo farà il prossimo controllo fatto con Microsoft 365 o con Excel sul web.`,
      });
    }
  }

  const state: AddinState = { version: 2, columns: recordsAfter(read, columns, found.filter((f) => !writable.has(f.sheet))), notes: caps.notes ? notes.length : read.state?.notes ?? 0 };
  return {
    outputs,
    ...removals(read, caps, writable, !read.structureProtected && foreign.length === 0),
    columns,
    looks,
    notes,
    highlightedCells: shown.length,
    highlightCapped,
    state,
    interimState: interimOf(read, state, outputs.map((s) => s.name)),
    notices,
  };
}

/** While writing, the old values and the new are both ours, and the sheets being added are named. */
function interimOf(read: WorkbookRead, state: AddinState, adding: string[]): AddinState {
  const headers = [...new Set([...Object.keys(state.columns), ...Object.keys(read.state?.columns ?? {})])];
  return {
    version: 2,
    columns: Object.fromEntries(headers.map((h) => [h, mergeWritten(state.columns[h], read.state?.columns[h])])),
    notes: Math.max(state.notes, read.state?.notes ?? 0),
    ...(adding.length ? { adding } : {}),
  };
}

/** What "Rimuovi risultati" (or the take-back of a failed write) takes away: everything of ours, on the sheets it may change. */
export function planRemoval(read: WorkbookRead, caps: Capabilities): WriteDecision {
  const writable = new Set(read.inputs.filter((s) => !s.protected).map((s) => s.name));
  const found = findOwnedColumns(read.snapshot.sheets, HEADERS);
  const hasOurs = (sheet: string) =>
    read.inputs.some((s) => s.name === sheet && s.ourFormats.length) || read.ourNotes.some((n) => n.sheet === sheet) || found.some((f) => f.sheet === sheet);
  const locked = read.inputs.filter((s) => s.protected && hasOurs(s.name)).map((s) => s.name);
  const notices: WriteNotice[] = [];
  if (locked.length) notices.push(protectedNotice(locked, true));
  if (read.structureProtected && outputsOf(read).ours.length) {
    notices.push({ message: 'La struttura della cartella di lavoro è protetta: i fogli dei risultati non sono stati tolti. Togliere la protezione (Revisione › Proteggi cartella di lavoro) e riprovare.' });
  }
  if (!caps.notes && (read.state?.notes ?? 0) > 0) {
    notices.push({
      message: `${countOf(read.state!.notes, 'nota', 'note')} di Piano Offerta ${read.state!.notes === 1 ? 'resta' : 'restano'} nelle celle: questa versione di Excel non può toglierle. Usare «Rimuovi risultati» con Microsoft 365 o con Excel sul web.`,
    });
  }
  const columns = found.filter((f) => writable.has(f.sheet)).map((f) => removalOf(f, snapshotOf(read, f.sheet), previousOf(read, f.header)));
  // A header that stays (the user's values under it) keeps an empty record, so that nothing there
  // passes for ours next time; a column removed whole leaves no record.
  const records = recordsAfter(read, columns.filter((c) => c.values[0] !== ''), found.filter((f) => !writable.has(f.sheet)));
  const state: AddinState = { version: 2, columns: records, notes: caps.notes ? 0 : read.state?.notes ?? 0 };
  return {
    outputs: [],
    ...removals(read, caps, writable, !read.structureProtected),
    columns,
    looks: [],
    notes: [],
    highlightedCells: 0,
    highlightCapped: false,
    state,
    interimState: interimOf(read, state, []),
    notices,
  };
}

/** Free names for the output tables: tables and defined names share one namespace, and a user's renamed sheet may keep a table called "Anomalie". */
export function freeTableNames(outputs: OutSheet[], taken: string[]): OutSheet[] {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  return outputs.map((s) => ({ ...s, tables: s.tables.map((t) => ({ ...t, name: freeTableName(t.name, used) })) }));
}

/** `name`, or `name_2`, `name_3`… when a table or a defined name has it (`taken`: lower case; the one chosen is added). */
export function freeTableName(name: string, taken: Set<string>): string {
  let n = name;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${name}_${i}`;
  taken.add(n.toLowerCase());
  return n;
}

/** A link in Anomalie as a formula: one cell of a values array, instead of one request per link. */
interface StyleRun {
  style: CellStyle;
  row: number;
  c0: number;
  c1: number;
}

/** Runs of equal style on each row, then stacked when identical on consecutive rows: few ranges. */
function styleRanges(rows: OutSheet['rows']): { style: CellStyle; r0: number; r1: number; c0: number; c1: number }[] {
  const runs: StyleRun[] = [];
  rows.forEach((row, r) => {
    let cur: StyleRun | null = null;
    row.forEach((cell, c) => {
      const s = cell?.style;
      if (s && cur && cur.style === s && cur.c1 === c - 1) cur.c1 = c;
      else if (s) runs.push((cur = { style: s, row: r, c0: c, c1: c }));
      else cur = null;
    });
  });
  const out: { style: CellStyle; r0: number; r1: number; c0: number; c1: number }[] = [];
  const open = new Map<string, (typeof out)[number]>();
  for (const run of runs) {
    const k = `${run.style}:${run.c0}:${run.c1}`;
    const last = open.get(k);
    if (last && last.r1 === run.row - 1) last.r1 = run.row;
    else {
      const o = { style: run.style, r0: run.row, r1: run.row, c0: run.c0, c1: run.c1 };
      open.set(k, o);
      out.push(o);
    }
  }
  return out;
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const s = STYLES[style];
  const f = range.format;
  if (s.bold) f.font.bold = true;
  if (s.size) f.font.size = s.size;
  if (s.font) f.font.color = s.font;
  if (s.fill) f.fill.color = s.fill;
  if (s.wrap) f.wrapText = true;
}

/** Rows per values/formats command for an output sheet: small enough that queueing one is a short task on the pane's main thread. */
const ROWS_PER_WRITE = 1_000;
/** Request bytes of commands, estimated from Office.js's serialization (test/office/budget.test.ts). */
export const STYLE_BYTES = 1_500;
export const SHEET_BYTES_PER_ITEM = 450;
export const DELETE_BYTES = 700;
export const NOTE_BYTES = 650;

/**
 * An output sheet's values and number formats (text as text) as whole arrays, and its links as
 * formulas, per column: written through `formulas` (English names and separators whatever the
 * user's language), apart from the values, so that no text ever goes where a formula is read.
 */
function gridsOf(out: OutSheet) {
  const width = Math.max(out.widths.length, ...out.rows.map((r) => r.length), 1);
  const height = Math.max(out.rows.length, 1);
  const values: (string | number | null)[][] = [];
  const formats: (string | null)[][] = [];
  const links = new Map<number, { r0: number; r1: number; cells: Map<number, string> }>();
  for (let r = 0; r < height; r++) {
    const row = out.rows[r] ?? [];
    const v: (string | number | null)[] = new Array(width).fill(null);
    const f: (string | null)[] = new Array(width).fill(null);
    row.forEach((cell, c) => {
      if (!cell || cell.v === null) return;
      if (cell.link) {
        const col = links.get(c) ?? { r0: r, r1: r, cells: new Map<number, string>() };
        col.r1 = r;
        col.cells.set(r, linkFormula(cell.link.sheet, cell.link.cell, String(cell.v)));
        links.set(c, col);
        return;
      }
      v[c] = cell.v;
      // Text stays text: a text format before the value, whatever the string looks like.
      f[c] = typeof cell.v === 'string' ? '@' : cell.format ?? null;
    });
    values.push(v);
    formats.push(f);
  }
  return { width, height, values, formats, links };
}

/** Queues one output sheet (this sheet is the add-in's: its formats are set directly). */
async function queueOutputSheet(context: Excel.RequestContext, out: OutSheet, budget: RequestBudget, caps: Capabilities): Promise<void> {
  const { width, height, values, formats, links } = gridsOf(out);
  let ws: Excel.Worksheet | null = null;
  for (let r0 = 0; r0 < height; r0 += ROWS_PER_WRITE) {
    const n = Math.min(ROWS_PER_WRITE, height - r0);
    const f = formats.slice(r0, r0 + n);
    const v = values.slice(r0, r0 + n);
    // The sheet is added in the same request as its first rows: it is never there unsigned.
    await budget.before(gridBytes(f) + gridBytes(v) + (ws ? 0 : 600));
    ws ??= context.workbook.worksheets.add(out.name);
    const block = ws.getRangeByIndexes(r0, 0, n, width);
    block.numberFormat = f as string[][];
    block.values = v as (string | number)[][];
  }
  const sheet = ws!;
  for (const [col, { r0, r1, cells }] of links) {
    const grid = Array.from({ length: r1 - r0 + 1 }, (_, i) => [cells.get(r0 + i) ?? null]);
    await budget.before(gridBytes(grid));
    sheet.getRangeByIndexes(r0, col, grid.length, 1).formulas = grid as string[][];
  }
  // One named font for the sheet (an unnamed one prints in a serif face elsewhere), then the styles.
  await budget.before(STYLE_BYTES * (2 + out.wrapAreas.length));
  const whole = sheet.getRangeByIndexes(0, 0, height, width);
  whole.format.font.name = FONT.name;
  // Top-aligned: in a row made tall by a wrapped message every cell starts on its first line.
  whole.format.verticalAlignment = 'Top' as Excel.VerticalAlignment;
  for (const a of out.wrapAreas) sheet.getRangeByIndexes(a.r0, a.c, a.r1 - a.r0 + 1, 1).format.wrapText = true;
  const styles = styleRanges(out.rows);
  for (const s of styles) {
    await budget.before(STYLE_BYTES);
    const range = sheet.getRangeByIndexes(s.r0, s.c0, s.r1 - s.r0 + 1, s.c1 - s.c0 + 1);
    applyStyle(range, s.style);
    // Titles run across the page, never wrapped in their first column.
    if (s.style === 'title' || s.style === 'subtitle') range.format.wrapText = false;
  }
  await budget.before(SHEET_BYTES_PER_ITEM * (out.widths.length + 3 * out.tables.length + 2 * out.merges.length + 2 * out.print.breaks.length + 24));
  // Office.js takes points: a unit of the plan's widths (the .xlsx file's) is 7 px of Calibri 11, 5.25 points.
  out.widths.forEach((w, c) => (sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * 5.25));
  for (const t of out.tables) {
    const table = sheet.tables.add(`${quoteSheetName(out.name)}!${a1(t.headerRow, t.firstCol)}:${a1(t.lastRow, t.lastCol)}`, true);
    table.name = t.name;
    table.style = 'TableStyleLight9';
  }
  if (out.freezeRows) sheet.freezePanes.freezeRows(out.freezeRows);
  // Excel sizes the rows to their wrapped text itself, in its own font metrics on each platform (Windows,
  // Mac, the web), which the estimate in the core only approaches; the .xlsx copy carries that estimate.
  // The estimate errs on the tall side, so the core's page breaks below come before a page is full in Excel too.
  sheet.getRangeByIndexes(0, 0, height, width).format.autofitRows();
  // Except across merged cells, which Excel's autofit leaves one line tall: those rows get the computed height.
  for (const m of out.merges) {
    const range = sheet.getRangeByIndexes(m.r, m.c0, 1, m.c1 - m.c0 + 1);
    range.merge(false);
    range.format.wrapText = true;
    const h = out.heights.get(m.r);
    if (h) range.format.rowHeight = h;
  }
  if (caps.pageLayout) {
    const page = sheet.pageLayout;
    const m = out.print.margins;
    page.orientation = 'Landscape' as Excel.PageOrientation;
    page.paperSize = 'A4' as Excel.PaperType;
    page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    // Office.js takes points; the plan has the .xlsx file's inches.
    const points = (inches: number) => Math.round(inches * 720) / 10;
    page.leftMargin = points(m.left);
    page.rightMargin = points(m.right);
    page.topMargin = points(m.top);
    page.bottomMargin = points(m.bottom);
    page.headerMargin = points(m.header);
    page.footerMargin = points(m.footer);
    page.setPrintTitleRows(`$${out.print.titleRows[0] + 1}:$${out.print.titleRows[1] + 1}`);
    // Detail columns for the screen only stay off the page.
    if (out.print.columns < out.widths.length) page.setPrintArea(`A1:${a1(height - 1, out.print.columns - 1)}`);
    page.headersFooters.defaultForAllPages.centerFooter = out.print.footer.replace(/^&C/, '');
    // Where a table goes on over a page under its own header, or starts on a new page whole.
    for (const r of out.print.breaks) sheet.horizontalPageBreaks.add(sheet.getRangeByIndexes(r, 0, 1, 1));
  }
  if (out.chart) {
    const chart = sheet.charts.add('BarClustered' as Excel.ChartType, sheet.getRange(out.chart.values), 'Columns' as Excel.ChartSeriesBy);
    chart.series.getItemAt(0).setXAxisValues(sheet.getRange(out.chart.categories));
    chart.title.text = out.chart.title;
    chart.setPosition(out.chart.anchor);
  }
}

/** Rows per command of a computed column (about 200 KB each on the longest Esito texts; a short task to queue). */
const COLUMN_ROWS = 4_000;

/** Queues a computed column: one array (a few on very long sheets), null where a cell stays as it is. */
async function queueColumn(ws: Excel.Worksheet, c: ColumnChanges, budget: RequestBudget): Promise<void> {
  for (let i = 0; i < c.values.length; i += COLUMN_ROWS) {
    const part = c.values.slice(i, i + COLUMN_ROWS);
    if (part.every((v) => v === null)) continue;
    const grid = part.map((v) => [v]);
    await budget.before(gridBytes(grid));
    // No text format needed: every value starts with a word of ours or is a number, never with = + - @.
    ws.getRangeByIndexes(c.firstRow + i, c.col, grid.length, 1).values = grid as (string | number)[][];
  }
}

/** The whole decision, queued; `budget` syncs when a request would grow too large. */
export async function queueWrite(context: Excel.RequestContext, d: WriteDecision, read: WorkbookRead, caps: Capabilities, budget: RequestBudget): Promise<void> {
  const wb = context.workbook;
  const sheetOf = (name: string) => read.inputs.find((s) => s.name === name)!.ws;
  // First what says which values are ours (old and new) and which sheets are being added, so that
  // even a write that stops half-way can be taken back.
  await budget.before(jsonBytes(d.interimState) + 2 * DELETE_BYTES);
  wb.settings.add(STATE_KEY, d.interimState);

  for (const cf of d.deleteFormats) {
    await budget.before(DELETE_BYTES);
    cf.delete();
  }
  if (caps.notes) {
    // By the note's cell: its position in the collection may have moved since it was read.
    for (const n of d.deleteNotes) {
      await budget.before(DELETE_BYTES);
      wb.notes.getItem(`${quoteSheetName(n.sheet)}!${n.cell}`).delete();
    }
  }
  if (caps.comments) {
    for (const comment of d.deleteComments) {
      await budget.before(DELETE_BYTES);
      comment.delete();
    }
  }
  for (const f of d.legacyFills) {
    await budget.before(DELETE_BYTES);
    const fill = sheetOf(f.sheet).getRange(f.cell).format.fill;
    if (f.restore) fill.color = f.restore;
    else fill.clear();
  }
  for (const c of d.legacyColumnFormats) {
    await budget.before(DELETE_BYTES);
    sheetOf(c.sheet).getRangeByIndexes(c.firstRow, c.col, c.lastRow - c.firstRow + 1, 1).clear('Formats' as Excel.ClearApplyTo);
  }
  await budget.before(DELETE_BYTES * (d.deleteSheets.length + 2));
  for (const name of d.deleteSheets) wb.worksheets.getItem(name).delete();
  if (d.deleteLegacyStateSheet) {
    // Excel refuses to delete a very hidden sheet: it is made merely hidden first.
    const legacy = wb.worksheets.getItem(LEGACY_STATE_SHEET);
    legacy.visibility = 'Hidden' as Excel.SheetVisibility;
    legacy.delete();
  }

  // Tables on the output sheets about to be deleted free their names; any other table or defined name keeps its own.
  const taken = [...read.tables.filter((t) => !d.deleteSheets.includes(t.sheet)).map((t) => t.name), ...read.definedNames];
  for (const out of freeTableNames(d.outputs, taken)) await queueOutputSheet(context, out, budget, caps);
  for (const c of d.columns) await queueColumn(sheetOf(c.sheet), c, budget);
  for (const { sheet, look, areas } of d.looks) await queueLook(sheetOf(sheet), areas, look, caps, budget);
  if (caps.notes) {
    for (const n of d.notes) {
      await budget.before(NOTE_BYTES + jsonBytes(n.text));
      wb.notes.add(`${quoteSheetName(n.sheet)}!${n.cell}`, n.text);
    }
  }
  await budget.before(jsonBytes(d.state) + 2 * DELETE_BYTES);
  // Nothing of ours left (after "Rimuovi risultati"): no trace of the add-in in the file either.
  if (Object.keys(d.state.columns).length === 0 && d.state.notes === 0) wb.settings.getItemOrNullObject(STATE_KEY).delete();
  else wb.settings.add(STATE_KEY, d.state);
  if (d.outputs.some((s) => s.name === OUTPUT_SHEETS.riepilogo)) wb.worksheets.getItem(OUTPUT_SHEETS.riepilogo).activate();
}
