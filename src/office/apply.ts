/**
 * Applying the engine's write plan with Office.js, and undoing it. Every output goes in whole-range
 * batches (one values and one number-format array per sheet, one range per run of equal styles);
 * strings are written to text-formatted cells, so a user's "=HYPERLINK(…)" or "+39…" stays text;
 * calculation is suspended while writing. No value the user typed is ever written.
 */
import { a1, quoteSheetName } from '../core/address';
import { CellStyle, OutSheet, WritePlan } from '../core/output/write-plan';
import { SEVERITY_FILL, STYLES } from '../core/output/sheet-builder';
import { OUTPUT_SHEETS } from '../core/reading/schema';
import { Severity } from '../core/rules/rule';
import { AddinState, HighlightedCell, STATE_SHEET, encodeState } from './state';

/** More highlighted cells than this would not help anyone: the rest are listed in Anomalie. */
export const MAX_HIGHLIGHTS = 5000;
const NO_FILL = '#FFFFFF';

export interface Capabilities {
  notes: boolean; // ExcelApi 1.18
  comments: boolean; // ExcelApi 1.10
  validation: boolean; // ExcelApi 1.8
}

export function capabilitiesOf(isSetSupported: (name: string, version: string) => boolean): Capabilities {
  return {
    notes: isSetSupported('ExcelApi', '1.18'),
    comments: isSetSupported('ExcelApi', '1.10'),
    validation: isSetSupported('ExcelApi', '1.8'),
  };
}

/** "Unita!C3" however Excel writes it ("'Sezione g'!$C$3"): for comparing addresses. */
export function plainAddress(address: string): string {
  const i = address.lastIndexOf('!');
  let sheet = i < 0 ? '' : address.slice(0, i);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return `${sheet}!${address.slice(i + 1).replace(/\$/g, '')}`;
}

const OUR_FILLS = new Set(Object.values(SEVERITY_FILL).map((c) => c.toUpperCase()));

/** What is there now of a previous run's changes: read before undoing, so the undo touches only what is still ours. */
export interface StateProbe {
  fills: (Excel.RangeFill | null)[];
  notes: (Excel.Note | null)[];
  comments: (Excel.Comment | null)[];
}

/** Queues the reads the undo needs (one batch; nothing is written). */
export function queueStateProbe(context: Excel.RequestContext, state: AddinState, caps: Capabilities, sheetNames: string[]): StateProbe {
  const exists = new Set(sheetNames);
  const ws = context.workbook.worksheets;
  const probe: StateProbe = { fills: [], notes: [], comments: [] };
  for (const c of state.cells) {
    const here = exists.has(c.sheet);
    const fill = here ? ws.getItem(c.sheet).getRange(c.cell).format.fill : null;
    fill?.load('color');
    probe.fills.push(fill);
    const note = here && c.note && caps.notes ? context.workbook.notes.getItemOrNullObject(`${quoteSheetName(c.sheet)}!${c.cell}`) : null;
    note?.load('content');
    probe.notes.push(note);
    const comment = c.commentId && caps.comments ? context.workbook.comments.getItemOrNullObject(c.commentId) : null;
    comment?.load('id');
    probe.comments.push(comment);
  }
  return probe;
}

/**
 * Queues the undo of a previous run: fills put back only where our colour is still there (the user
 * may have recoloured a cell or moved rows since), our notes and comments deleted only if they still
 * exist, the owned columns cleared, the output sheets and the state sheet deleted.
 */
export function queueUndo(
  context: Excel.RequestContext,
  state: AddinState,
  probe: StateProbe,
  sheetNames: string[],
  alsoSheets: string[] = [],
): void {
  const exists = new Set(sheetNames);
  const ws = context.workbook.worksheets;
  state.cells.forEach((c, i) => {
    const now = probe.fills[i]?.color;
    if (now && OUR_FILLS.has(now.toUpperCase())) {
      const range = ws.getItem(c.sheet).getRange(c.cell);
      if (c.fill === null || c.fill.toUpperCase() === NO_FILL) range.format.fill.clear();
      else range.format.fill.color = c.fill;
    }
    const note = probe.notes[i];
    if (note && !note.isNullObject && note.content.startsWith('Piano Offerta')) note.delete();
    const comment = probe.comments[i];
    if (comment && !comment.isNullObject) comment.delete();
  });
  for (const col of state.columns) {
    if (!exists.has(col.sheet)) continue;
    ws.getItem(col.sheet).getRangeByIndexes(col.firstRow, col.col, col.lastRow - col.firstRow + 1, 1).clear('All');
  }
  for (const name of new Set([...state.sheets, ...alsoSheets])) if (exists.has(name) && name !== STATE_SHEET) ws.getItem(name).delete();
  if (exists.has(STATE_SHEET)) {
    // Excel refuses to delete a very hidden sheet: it is made visible to the API first.
    const stateSheet = ws.getItem(STATE_SHEET);
    stateSheet.visibility = 'Hidden' as Excel.SheetVisibility;
    stateSheet.delete();
  }
}

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
  for (const run of runs) {
    const last = out.find((o) => o.style === run.style && o.c0 === run.c0 && o.c1 === run.c1 && o.r1 === run.row - 1);
    if (last) last.r1 = run.row;
    else out.push({ style: run.style, r0: run.row, r1: run.row, c0: run.c0, c1: run.c1 });
  }
  return out;
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const s = STYLES[style];
  const f = range.format;
  if (s.bold) f.font.bold = true;
  if (s.font) f.font.color = s.font;
  if (s.fill) f.fill.color = s.fill;
  if (s.wrap) f.wrapText = true;
}

/** Rows written per values/formats command: a whole sheet in one command unless it is very large. */
const ROWS_PER_WRITE = 2000;

/** Queues one output sheet, spending the request budget as it goes. */
async function writeSheet(context: Excel.RequestContext, out: OutSheet, budget: RequestBudget): Promise<void> {
  const ws = context.workbook.worksheets.add(out.name);
  const width = Math.max(out.widths.length, ...out.rows.map((r) => r.length), 1);
  const height = Math.max(out.rows.length, 1);
  const values: (string | number | null)[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = 0; r < height; r++) {
    const row = out.rows[r] ?? [];
    const v: (string | number | null)[] = new Array(width).fill(null);
    const f: (string | null)[] = new Array(width).fill(null);
    row.forEach((cell, c) => {
      if (!cell || cell.v === null) return;
      v[c] = cell.v;
      // Text stays text: a text format before the value, whatever the string looks like.
      f[c] = typeof cell.v === 'string' ? '@' : cell.format ?? null;
    });
    values.push(v);
    formats.push(f);
  }
  for (let r0 = 0; r0 < height; r0 += ROWS_PER_WRITE) {
    const n = Math.min(ROWS_PER_WRITE, height - r0);
    const block = ws.getRangeByIndexes(r0, 0, n, width);
    const f = formats.slice(r0, r0 + n);
    const v = values.slice(r0, r0 + n);
    block.numberFormat = f as string[][];
    block.values = v as (string | number)[][];
    await budget.spend(sizeOf(f) + sizeOf(v));
  }
  for (const s of styleRanges(out.rows)) applyStyle(ws.getRangeByIndexes(s.r0, s.c0, s.r1 - s.r0 + 1, s.c1 - s.c0 + 1), s.style);
  for (const [r, row] of out.rows.entries()) {
    for (const [c, cell] of row.entries()) {
      if (!cell?.link) continue;
      ws.getRangeByIndexes(r, c, 1, 1).hyperlink = {
        documentReference: `${quoteSheetName(cell.link.sheet)}!${cell.link.cell}`,
        textToDisplay: String(cell.v ?? ''),
        screenTip: 'Vai alla cella',
      };
      await budget.spend(250);
    }
  }
  out.widths.forEach((w, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round(w * 6.5)));
  for (const t of out.tables) {
    const table = ws.tables.add(`${quoteSheetName(out.name)}!${a1(t.headerRow, t.firstCol)}:${a1(t.lastRow, t.lastCol)}`, true);
    table.name = t.name;
    table.style = 'TableStyleLight9';
  }
  if (out.freezeRows) ws.freezePanes.freezeRows(out.freezeRows);
  if (out.chart) {
    const chart = ws.charts.add('BarClustered' as Excel.ChartType, ws.getRange(out.chart.values), 'Columns' as Excel.ChartSeriesBy);
    chart.series.getItemAt(0).setXAxisValues(ws.getRange(out.chart.categories));
    chart.title.text = out.chart.title;
    chart.setPosition(out.chart.anchor);
  }
  await budget.spend(200 * (out.widths.length + out.tables.length + 10));
}

export interface HighlightPlan {
  cells: WritePlan['annotations'];
  /** Fill of each cell before the add-in, read in the same batch as the undo. */
  fills: Excel.RangeFill[];
  /** Existing notes (ExcelApi 1.18): null objects where there is none. */
  notes: Excel.Note[] | null;
  capped: boolean;
}

/** Queues the reads the write needs: original fills and existing notes of the cells to highlight. */
export function queueHighlightReads(context: Excel.RequestContext, plan: WritePlan, caps: Capabilities): HighlightPlan {
  const cells = plan.annotations.slice(0, MAX_HIGHLIGHTS);
  const ws = context.workbook.worksheets;
  const fills = cells.map((a) => {
    const fill = ws.getItem(a.sheet).getRange(a.cell).format.fill;
    fill.load('color');
    return fill;
  });
  const notes = caps.notes
    ? cells.map((a) => {
        const note = context.workbook.notes.getItemOrNullObject(`${quoteSheetName(a.sheet)}!${a.cell}`);
        note.load('content');
        return note;
      })
    : null;
  return { cells, fills, notes, capped: plan.annotations.length > cells.length };
}

export interface WriteResult {
  state: AddinState;
  /** Comments added, whose ids are known after the next sync. */
  comments: { cell: HighlightedCell; comment: Excel.Comment }[];
}

/**
 * Keeps every request under Excel on the web's limit (5 MB; we stay under 3): when what is queued
 * nears it, a sync. On ordinary plans this never happens, so the number of syncs does not grow with
 * the rows; only a plan with tens of thousands of anomalies pays a few more.
 */
export class RequestBudget {
  private bytes = 0;
  extraSyncs = 0;
  constructor(private readonly context: Excel.RequestContext, private readonly limit = 3_000_000) {}

  async spend(bytes: number): Promise<void> {
    this.bytes += bytes;
    if (this.bytes <= this.limit) return;
    await this.context.sync();
    this.bytes = 0;
    this.extraSyncs++;
    this.context.workbook.application.suspendApiCalculationUntilNextSync();
  }
}

/** Rough size of what a command sends: its JSON, plus the command itself. */
const sizeOf = (x: unknown) => JSON.stringify(x).length + 120;

/**
 * Writes the whole plan. The state is written first, so that even a write that fails halfway can be
 * undone by the next run or by "Rimuovi risultati" (the undo skips what is not there).
 */
export async function writePlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  highlights: HighlightPlan,
  caps: Capabilities,
  commentCells: Set<string>,
  budget: RequestBudget,
): Promise<WriteResult> {
  context.workbook.application.suspendApiCalculationUntilNextSync();
  const ws = context.workbook.worksheets;

  const cells: HighlightedCell[] = highlights.cells.map((a, i) => {
    const original = highlights.fills[i]!.color;
    const cell: HighlightedCell = { sheet: a.sheet, cell: a.cell, fill: original ?? null };
    // A note the user wrote is left alone: the highlight and the Anomalie sheet say enough.
    if (caps.notes && highlights.notes?.[i]?.isNullObject) cell.note = true;
    return cell;
  });
  const columns = plan.columns.map((col) => ({
    sheet: col.sheet,
    col: col.col,
    firstRow: col.headerRow,
    lastRow: col.cells.reduce((m, c) => Math.max(m, c.row), col.headerRow),
  }));
  const state: AddinState = { version: 1, sheets: plan.sheets.map((s) => s.name), columns, cells };
  queueState(context, state);

  for (const out of plan.sheets) await writeSheet(context, out, budget);

  for (const [k, col] of plan.columns.entries()) {
    const { firstRow, lastRow } = columns[k]!;
    const sheet = ws.getItem(col.sheet);
    const grid: (string | number | null)[][] = Array.from({ length: lastRow - firstRow + 1 }, () => [null]);
    grid[0]![0] = col.header;
    for (const c of col.cells) grid[c.row - firstRow]![0] = c.value;
    const range = sheet.getRangeByIndexes(firstRow, col.col, grid.length, 1);
    // No text format needed here: every Esito starts with a word of ours ("Sezione", "Esclusa"…),
    // never with = + - @, and a per-cell format would double the request on 100,000 rows.
    range.values = grid as (string | number)[][];
    // Formats only, and only in the owned column: "clear" takes them back exactly (a column width could not be).
    range.format.font.italic = true;
    const head = sheet.getRangeByIndexes(firstRow, col.col, 1, 1);
    head.format.font.bold = true;
    head.format.font.color = '#2F5496';
    // Severity colours, one range per run of equal severity.
    let run: { sev: Severity; r0: number; r1: number } | null = null;
    let runs = 0;
    const flush = () => {
      if (!run) return;
      sheet.getRangeByIndexes(run.r0, col.col, run.r1 - run.r0 + 1, 1).format.fill.color = SEVERITY_FILL[run.sev];
      runs++;
    };
    for (const c of col.cells) {
      if (c.severity && run && run.sev === c.severity && run.r1 === c.row - 1) run.r1 = c.row;
      else {
        flush();
        run = c.severity ? { sev: c.severity, r0: c.row, r1: c.row } : null;
      }
    }
    flush();
    await budget.spend(sizeOf(grid) + runs * 200);
  }

  const comments: WriteResult['comments'] = [];
  for (const [i, a] of highlights.cells.entries()) {
    const cell = cells[i]!;
    ws.getItem(a.sheet).getRange(a.cell).format.fill.color = SEVERITY_FILL[a.severity];
    const address = `${quoteSheetName(a.sheet)}!${a.cell}`;
    if (cell.note) context.workbook.notes.add(address, a.note);
    else if (!caps.notes && caps.comments && !commentCells.has(`${a.sheet}!${a.cell}`)) {
      const comment = context.workbook.comments.add(address, a.note);
      comment.load('id');
      comments.push({ cell, comment });
    }
    await budget.spend(400 + a.note.length);
  }

  const riepilogo = plan.sheets.find((s) => s.name === OUTPUT_SHEETS.riepilogo);
  if (riepilogo) ws.getItem(riepilogo.name).activate();
  return { state, comments };
}

/** Queues the state sheet, very hidden (the user has no business there). */
export function queueState(context: Excel.RequestContext, state: AddinState): void {
  const ws = context.workbook.worksheets.add(STATE_SHEET);
  const rows = encodeState(state);
  const range = ws.getRangeByIndexes(0, 0, rows.length, 1);
  range.numberFormat = rows.map(() => ['@']);
  range.values = rows;
  ws.visibility = 'VeryHidden' as Excel.SheetVisibility;
}

/** Rewrites the state in place once the comment ids are known (it only grows: the old rows are all overwritten). */
export function queueStateUpdate(context: Excel.RequestContext, state: AddinState): void {
  const ws = context.workbook.worksheets.getItem(STATE_SHEET);
  const rows = encodeState(state);
  const range = ws.getRangeByIndexes(0, 0, rows.length, 1);
  range.numberFormat = rows.map(() => ['@']);
  range.values = rows;
}
