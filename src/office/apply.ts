/**
 * Applying the engine's write plan with Office.js, and undoing it. Every output goes in whole-range
 * batches (one values and one number-format array per sheet, one range per run of equal styles);
 * strings are written to text-formatted cells, so a user's "=HYPERLINK(…)" or "+39…" stays text;
 * calculation is suspended while writing. No value the user typed is ever written.
 */
import { a1, columnLetter } from '../core/address';
import { CellStyle, OutSheet, WritePlan } from '../core/output/write-plan';
import { Severity } from '../core/rules/rule';
import { AddinState, HighlightedCell, STATE_SHEET, encodeState } from './state';

export const SEVERITY_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };
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

export function quote(sheet: string): string {
  return /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** Queues the undo of a previous run (nothing is read: one batch). */
export function queueUndo(context: Excel.RequestContext, state: AddinState, caps: Capabilities, sheetNames: string[], alsoSheets: string[] = []): void {
  const exists = new Set(sheetNames);
  const ws = context.workbook.worksheets;
  for (const c of state.cells) {
    if (!exists.has(c.sheet)) continue;
    const range = ws.getItem(c.sheet).getRange(c.cell);
    if (c.fill === null || c.fill.toUpperCase() === NO_FILL) range.format.fill.clear();
    else range.format.fill.color = c.fill;
    if (c.note && caps.notes) context.workbook.notes.getItem(`${quote(c.sheet)}!${c.cell}`).delete();
    if (c.commentId && caps.comments) context.workbook.comments.getItem(c.commentId).delete();
  }
  for (const col of state.columns) {
    if (!exists.has(col.sheet)) continue;
    ws.getItem(col.sheet).getRangeByIndexes(col.firstRow, col.col, col.lastRow - col.firstRow + 1, 1).clear('All');
  }
  for (const name of new Set([...state.sheets, ...alsoSheets, STATE_SHEET])) if (exists.has(name)) ws.getItem(name).delete();
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
  const f = range.format;
  switch (style) {
    case 'title': f.font.bold = true; f.font.color = '#1F3864'; break;
    case 'subtitle': f.font.bold = true; f.font.color = '#2F5496'; break;
    case 'header': f.font.bold = true; f.font.color = '#FFFFFF'; f.fill.color = '#2F5496'; f.wrapText = true; break;
    case 'total': f.font.bold = true; break;
    case 'label': f.font.color = '#404040'; break;
    case 'ok': f.font.bold = true; f.font.color = '#006100'; f.fill.color = '#C6EFCE'; break;
    case 'error': case 'warning': case 'info': f.fill.color = SEVERITY_FILL[style]; f.font.bold = style === 'error'; break;
  }
}

function writeSheet(context: Excel.RequestContext, out: OutSheet): void {
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
  const all = ws.getRangeByIndexes(0, 0, height, width);
  all.numberFormat = formats as string[][];
  all.values = values as (string | number)[][];
  for (const s of styleRanges(out.rows)) applyStyle(ws.getRangeByIndexes(s.r0, s.c0, s.r1 - s.r0 + 1, s.c1 - s.c0 + 1), s.style);
  out.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell?.link) return;
      ws.getRangeByIndexes(r, c, 1, 1).hyperlink = {
        documentReference: `${quote(cell.link.sheet)}!${cell.link.cell}`,
        textToDisplay: String(cell.v ?? ''),
        screenTip: 'Vai alla cella',
      };
    }),
  );
  out.widths.forEach((w, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round(w * 6.5)));
  for (const t of out.tables) {
    const table = ws.tables.add(`${quote(out.name)}!${a1(t.headerRow, t.firstCol)}:${a1(t.lastRow, t.lastCol)}`, true);
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
        const note = context.workbook.notes.getItemOrNullObject(`${quote(a.sheet)}!${a.cell}`);
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

/** Queues the whole write plan: output sheets, owned columns, highlights with notes or comments. */
export function queueWrite(
  context: Excel.RequestContext,
  plan: WritePlan,
  highlights: HighlightPlan,
  caps: Capabilities,
  commentCells: Set<string>,
): WriteResult {
  context.workbook.application.suspendApiCalculationUntilNextSync();
  const ws = context.workbook.worksheets;
  for (const out of plan.sheets) writeSheet(context, out);

  const columns: AddinState['columns'] = [];
  for (const col of plan.columns) {
    const sheet = ws.getItem(col.sheet);
    const lastRow = col.cells.reduce((m, c) => Math.max(m, c.row), col.headerRow);
    const grid: (string | number | null)[][] = Array.from({ length: lastRow - col.headerRow + 1 }, () => [null]);
    grid[0]![0] = col.header;
    for (const c of col.cells) grid[c.row - col.headerRow]![0] = c.value;
    const range = sheet.getRangeByIndexes(col.headerRow, col.col, grid.length, 1);
    // No text format needed here: every Esito starts with a word of ours ("Sezione", "Esclusa"…),
    // never with = + - @, and a per-cell format would double the request on 100,000 rows.
    range.values = grid as (string | number)[][];
    // Formats only, and only in the owned column: "clear" takes them back exactly (a column width could not be).
    range.format.font.italic = true;
    const head = sheet.getRangeByIndexes(col.headerRow, col.col, 1, 1);
    head.format.font.bold = true;
    head.format.font.color = '#2F5496';
    // Severity colours, one range per run of equal severity.
    let run: { sev: Severity; r0: number; r1: number } | null = null;
    const flush = () => {
      if (run) sheet.getRangeByIndexes(run.r0, col.col, run.r1 - run.r0 + 1, 1).format.fill.color = SEVERITY_FILL[run.sev];
    };
    for (const c of col.cells) {
      if (c.severity && run && run.sev === c.severity && run.r1 === c.row - 1) run.r1 = c.row;
      else {
        flush();
        run = c.severity ? { sev: c.severity, r0: c.row, r1: c.row } : null;
      }
    }
    flush();
    columns.push({ sheet: col.sheet, col: col.col, firstRow: col.headerRow, lastRow });
  }

  const cells: HighlightedCell[] = [];
  const comments: WriteResult['comments'] = [];
  highlights.cells.forEach((a, i) => {
    const original = highlights.fills[i]!.color;
    const cell: HighlightedCell = { sheet: a.sheet, cell: a.cell, fill: original ?? null };
    ws.getItem(a.sheet).getRange(a.cell).format.fill.color = SEVERITY_FILL[a.severity];
    const address = `${quote(a.sheet)}!${a.cell}`;
    if (caps.notes && highlights.notes) {
      // A note the user wrote is left alone: the highlight and the Anomalie sheet say enough.
      if (highlights.notes[i]!.isNullObject) {
        context.workbook.notes.add(address, a.note);
        cell.note = true;
      }
    } else if (caps.comments && !commentCells.has(`${a.sheet}!${a.cell}`)) {
      const comment = context.workbook.comments.add(address, a.note);
      comment.load('id');
      comments.push({ cell, comment });
    }
    cells.push(cell);
  });

  const state: AddinState = { version: 1, sheets: plan.sheets.map((s) => s.name), columns, cells };
  const riepilogo = plan.sheets.find((s) => s.name === 'Riepilogo');
  if (riepilogo) ws.getItem(riepilogo.name).activate();
  return { state, comments };
}

/** Queues the state sheet, very hidden: written last, when the comment ids are known. */
export function queueState(context: Excel.RequestContext, state: AddinState): void {
  const ws = context.workbook.worksheets.add(STATE_SHEET);
  const rows = encodeState(state);
  const range = ws.getRangeByIndexes(0, 0, rows.length, 1);
  range.numberFormat = rows.map(() => ['@']);
  range.values = rows;
  ws.visibility = 'VeryHidden' as Excel.SheetVisibility;
}

export { columnLetter };
