/**
 * Reading the open workbook: a fixed number of syncs whatever its size.
 * 1. discovery: the sheets, workbook protection, tables, defined names, the add-in's settings,
 *    notes and comments;
 * 2. shapes: each sheet's used range (its extent only), protection and conditional formats, each
 *    table's range, the first cell of the output sheets, where notes and comments are;
 * 3. values: every used range's values, text and number formats in one request when the answer
 *    fits (Excel on the web answers at most 5 MB), else in blocks.
 * What the add-in owns is recognised here by what it holds: output sheets by their first cell,
 * conditional formats by their formula, notes and comments by their text. Only workbooks with
 * thousands of notes, or a version 0.1 state to undo, take a few more syncs.
 */
import { OUTPUT_SHEET_KEYS } from '../core/reading/schema';
import { isOurNote, isOurOutput } from '../core/output/signature';
import { foldText } from '../core/names/normalize';
import { CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { SEVERITY_FILL } from '../core/output/sheet-builder';
import { Capabilities } from './capabilities';
import { errorCode } from './errors';
import { Area, isOurFormula, parseAreaAddress } from './highlights';
import { AddinState, LEGACY_STATE_SHEET, LegacyState, STATE_KEY, decodeLegacyState, decodeState } from './state';
import { UserFacingError } from '../taskpane/service';

export type Platform = 'web' | 'desktop';

/** Cells per request when reading values: Excel on the web answers at most 5 MB (about 60 bytes a cell). */
const READ_CELLS: Record<Platform, number> = { web: 60_000, desktop: 1_000_000 };
/** Locations (of notes and comments) or fills (of version 0.1) per request: about 700 bytes each. */
const PROBES_PER_REQUEST = 3_000;

export interface SheetShape {
  name: string;
  ws: Excel.Worksheet;
  /** Extent of the values; null for an empty sheet. */
  used: Area | null;
  protected: boolean;
  /** Conditional formats the add-in added (found by their formula), to delete. */
  ourFormats: Excel.ConditionalFormat[];
}

export interface WorkbookRead {
  names: string[];
  structureProtected: boolean;
  state: AddinState | null;
  /** Sheets that are read as input (not the output sheets, not the old state sheet). */
  inputs: SheetShape[];
  /** Sheets named like an output sheet: true when Piano Offerta wrote them. */
  outputSheets: Map<string, boolean>;
  /** Every table (its sheet and cells), and every defined name: output tables need names free of both. */
  tables: ({ name: string; sheet: string } & Area)[];
  definedNames: string[];
  /** Notes the add-in wrote (found by their text), with their cell. */
  ourNotes: { sheet: string; cell: string }[];
  /** Cells that hold a note or a threaded comment of someone else: never one of ours there. */
  annotatedCells: Set<string>;
  /** Threaded comments version 0.1 wrote where Excel had no notes, to delete. */
  ourComments: { sheet: string; comment: Excel.Comment }[];
  /** Version 0.1's state, when the workbook still has it, with the fills it left to undo. */
  legacy: (LegacyState & { fills: { sheet: string; cell: string; restore: string | null }[] }) | null;
  snapshot: WorkbookSnapshot;
}

/** "Sezione g", "ANOMALIE"…: sheets named like an output sheet. */
export function isOutputName(name: string): boolean {
  return OUTPUT_SHEET_KEYS.has(foldText(name));
}

/** "'Sezione g'!$C$3" → { sheet: "Sezione g", cell: "C3" }. */
export function splitAddress(address: string): { sheet: string; cell: string } {
  const i = address.lastIndexOf('!');
  let sheet = i < 0 ? '' : address.slice(0, i);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, cell: address.slice(i + 1).replace(/\$/g, '') };
}

export const cellKey = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;

/** Loads `what` for each item, `PROBES_PER_REQUEST` a request (one request for any ordinary workbook). */
async function probeAll<T>(context: Excel.RequestContext, items: T[], queue: (item: T) => void): Promise<void> {
  for (let i = 0; i < items.length; i += PROBES_PER_REQUEST) {
    items.slice(i, i + PROBES_PER_REQUEST).forEach(queue);
    if (i + PROBES_PER_REQUEST < items.length) await context.sync();
  }
}

async function readShapes(context: Excel.RequestContext, caps: Capabilities): Promise<Omit<WorkbookRead, 'snapshot'>> {
  // 1. Discovery.
  const wb = context.workbook;
  const sheets = wb.worksheets;
  sheets.load('items/name');
  const protection = wb.protection;
  protection.load('protected');
  const tables = wb.tables;
  tables.load('items/name,items/worksheet/name');
  const definedNames = wb.names;
  definedNames.load('items/name');
  const setting = wb.settings.getItemOrNullObject(STATE_KEY);
  setting.load('value');
  const notes = caps.notes ? wb.notes.load('items/content') : null;
  const comments = caps.comments ? wb.comments.load('items/id,items/content') : null;
  await context.sync();
  const names = sheets.items.map((s) => s.name);
  const state = setting.isNullObject ? null : decodeState(setting.value);

  // 2. Shapes.
  const inputNames = names.filter((n) => n !== LEGACY_STATE_SHEET && !isOutputName(n));
  const queued = inputNames.map((name) => {
    const ws = wb.worksheets.getItem(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    ws.protection.load('protected');
    const cfs = ws.getRange().conditionalFormats;
    cfs.load('items/id,items/type,items/customOrNullObject/rule/formula');
    return { name, ws, used, cfs };
  });
  const firstCells = names.filter(isOutputName).map((name) => {
    const r = wb.worksheets.getItem(name).getRange('A1');
    r.load('values');
    return { name, r };
  });
  const tableRanges = tables.items.map((t) => {
    const r = t.getRange();
    r.load('address');
    return { name: t.name, sheet: t.worksheet.name, r };
  });
  const legacyRange = names.includes(LEGACY_STATE_SHEET) ? wb.worksheets.getItem(LEGACY_STATE_SHEET).getUsedRangeOrNullObject(true).load('values') : null;
  // Where every note and comment is: the add-in's are removed, none is put beside someone else's.
  const noteItems = caps.notes && notes ? notes.items : [];
  const noteLocations: Excel.Range[] = [];
  if (caps.notes) await probeAll(context, noteItems, (n) => noteLocations.push(n.getLocation().load('address')));
  const commentItems = caps.comments && comments ? comments.items : [];
  const commentLocations: Excel.Range[] = [];
  if (caps.comments) await probeAll(context, commentItems, (c) => commentLocations.push(c.getLocation().load('address')));
  await context.sync();

  const inputs: SheetShape[] = queued.map(({ name, ws, used, cfs }) => ({
    name,
    ws,
    used: used.isNullObject ? null : { r0: used.rowIndex, c0: used.columnIndex, r1: used.rowIndex + used.rowCount - 1, c1: used.columnIndex + used.columnCount - 1 },
    protected: ws.protection.protected,
    ourFormats: cfs.items.filter((cf) => !cf.customOrNullObject.isNullObject && isOurFormula(cf.customOrNullObject.rule.formula)),
  }));
  const annotatedCells = new Set<string>();
  const ourNotes = caps.notes ? theirsApart(noteItems, noteLocations, annotatedCells).map(({ sheet, cell }) => ({ sheet, cell })) : [];
  // Version 0.1 wrote threaded comments where Excel had no notes, with the notes' text.
  const ourComments = caps.comments ? theirsApart(commentItems, commentLocations, annotatedCells).map(({ sheet, item }) => ({ sheet, comment: item })) : [];
  // An output-named sheet is ours when signed in A1, or when a write that stopped was adding it and it is still empty.
  const outputSheets = new Map(
    firstCells.map(({ name, r }) => {
      const a1 = String(r.values[0]?.[0] ?? '');
      return [name, isOurOutput(a1) || (a1 === '' && (state?.adding ?? []).includes(name))];
    }),
  );
  return {
    names,
    structureProtected: protection.protected,
    state,
    inputs,
    outputSheets,
    tables: tableRanges.map((t) => ({ name: t.name, sheet: t.sheet, ...parseAreaAddress(t.r.address) })),
    definedNames: definedNames.items.map((n) => n.name),
    ourNotes,
    annotatedCells,
    ourComments,
    legacy: legacyRange ? await legacyFills(context, legacyRange, inputNames) : null,
  };
}

/**
 * The add-in's notes (or comments) told from everyone else's by their text: returns the add-in's,
 * with their cells, and adds the others' cells to `annotated` (never one of ours beside them).
 */
function theirsApart<T extends { content: string }>(items: T[], locations: Excel.Range[], annotated: Set<string>): { sheet: string; cell: string; item: T }[] {
  const ours: { sheet: string; cell: string; item: T }[] = [];
  items.forEach((item, i) => {
    const { sheet, cell } = splitAddress(locations[i]!.address);
    if (isOurNote(item.content)) ours.push({ sheet, cell, item });
    else annotated.add(cellKey(sheet, cell));
  });
  return ours;
}

/** Version 0.1's fills still in its colours, with the colour each cell had before it: to put back. */
async function legacyFills(context: Excel.RequestContext, range: Excel.Range, sheets: string[]): Promise<WorkbookRead['legacy']> {
  const legacy = decodeLegacyState(range.isNullObject ? null : range.values);
  if (!legacy) return { cells: [], columns: [], fills: [] };
  const ours = new Set(Object.values(SEVERITY_FILL).map((c) => c.toUpperCase()));
  const cells = legacy.cells.filter((c) => sheets.includes(c.sheet));
  const fills: Excel.RangeFill[] = [];
  await probeAll(context, cells, (c) => fills.push(context.workbook.worksheets.getItem(c.sheet).getRange(c.cell).format.fill.load('color')));
  await context.sync();
  return {
    ...legacy,
    fills: cells.flatMap((c, i) => {
      const now = fills[i]!.color;
      // The user may have recoloured the cell since: then it is theirs.
      return now && ours.has(now.toUpperCase()) ? [{ sheet: c.sheet, cell: c.cell, restore: c.fill && c.fill.toUpperCase() !== '#FFFFFF' ? c.fill : null }] : [];
    }),
  };
}

interface Piece {
  sheet: string;
  ws: Excel.Worksheet;
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

type Grids = { values: CellValue[][]; text: string[][]; formats: string[][] };

/** Pieces of at most `cells` cells: whole sheets when they fit, else blocks of rows. */
function splitPieces(pieces: Piece[], cells: number): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const rowsPer = Math.max(1, Math.floor(cells / p.cols));
    for (let r = 0; r < p.rows; r += rowsPer) out.push({ ...p, r0: p.r0 + r, rows: Math.min(rowsPer, p.rows - r) });
  }
  return out;
}

function tooLarge(p: Piece): UserFacingError {
  return new UserFacingError(
    `Una riga del foglio «${p.sheet}» è troppo grande per essere letta da Excel.`,
    'Controllare il file con la pagina di Piano Offerta nel browser, senza Excel.',
    'too-large',
  );
}

/** Excel's ways of saying a read was too large (as an answer, or as a range). */
const TOO_LARGE = new Set(['ResponsePayloadSizeLimitExceeded', 'RangeExceedsLimit']);

/**
 * Values, text and formats of every piece, in as few requests as the platform's answer size
 * allows: one on the desktop for any ordinary plan. An answer refused for its size (longer texts than
 * expected) makes the requests smaller; a piece Excel answers null for (over its cell limit) is read
 * again in halves.
 */
async function readPieces(context: Excel.RequestContext, pieces: Piece[], cellsPerRequest: number): Promise<Map<Piece, Grids>> {
  const out = new Map<Piece, Grids>();
  let budget = cellsPerRequest;
  const todo = splitPieces(pieces, budget);
  while (todo.length) {
    const batch: Piece[] = [];
    let cells = 0;
    while (todo.length && (batch.length === 0 || cells + todo[0]!.rows * todo[0]!.cols <= budget)) {
      const p = todo.shift()!;
      batch.push(p);
      cells += p.rows * p.cols;
    }
    const ranges = batch.map((p) => p.ws.getRangeByIndexes(p.r0, p.c0, p.rows, p.cols).load('values,text,numberFormat'));
    try {
      await context.sync();
    } catch (err) {
      if (!TOO_LARGE.has(errorCode(err))) throw err;
      if (batch.length === 1 && batch[0]!.rows === 1) throw tooLarge(batch[0]!);
      budget = Math.max(1, Math.floor(Math.min(budget, cells) / 2));
      todo.unshift(...splitPieces(batch, budget));
      continue;
    }
    batch.forEach((p, i) => {
      const r = ranges[i]!;
      if (r.values !== null && r.values !== undefined) {
        out.set(p, { values: r.values as CellValue[][], text: r.text, formats: r.numberFormat as string[][] });
        return;
      }
      // Above its cell limit Excel answers null rather than failing: the piece in halves.
      if (p.rows < 2) throw tooLarge(p);
      const half = Math.ceil(p.rows / 2);
      todo.unshift({ ...p, rows: half }, { ...p, r0: p.r0 + half, rows: p.rows - half });
    });
  }
  return out;
}

export async function readWorkbook(context: Excel.RequestContext, caps: Capabilities, platform: Platform): Promise<WorkbookRead> {
  const shapes = await readShapes(context, caps);
  const pieces: Piece[] = shapes.inputs
    .filter((s) => s.used)
    .map((s) => ({ sheet: s.name, ws: s.ws, r0: s.used!.r0, c0: s.used!.c0, rows: s.used!.r1 - s.used!.r0 + 1, cols: s.used!.c1 - s.used!.c0 + 1 }));
  // 3. Values.
  const grids = await readPieces(context, pieces, READ_CELLS[platform]);
  const sheets: SheetSnapshot[] = shapes.inputs.map((s) => {
    const tables = shapes.tables.filter((t) => t.sheet === s.name).map(({ name, r0, c0, r1, c1 }) => ({ name, r0, c0, r1, c1 }));
    const base = { name: s.name, ...(tables.length ? { tables } : {}) };
    if (!s.used) return { ...base, originRow: 0, originCol: 0, values: [] };
    const mine = [...grids.entries()].filter(([p]) => p.sheet === s.name).sort((a, b) => a[0].r0 - b[0].r0);
    return {
      ...base,
      originRow: s.used.r0,
      originCol: s.used.c0,
      // Office gives "" for empty cells: the snapshot says null.
      values: mine.flatMap(([, g]) => g.values.map((row) => row.map((v) => (v === '' ? null : v)))),
      text: mine.flatMap(([, g]) => g.text),
      formats: mine.flatMap(([, g]) => g.formats),
    };
  });
  return { ...shapes, snapshot: { sheets } };
}
