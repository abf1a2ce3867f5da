/**
 * Reading the open workbook into a snapshot: two syncs whatever the size, one for the list of
 * sheets (and the add-in's own state), one for every sheet's used range (values, displayed text,
 * number formats) and protection.
 */
import { OUTPUT_SHEET_KEYS } from '../core/reading/schema';
import { isOurOutput } from '../core/output/signature';
import { foldText } from '../core/names/normalize';
import { CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { AddinState, EMPTY_STATE, STATE_SHEET, decodeState } from './state';
import { Capabilities, StateProbe, queueStateProbe } from './apply';


export interface WorkbookRead {
  /** What is left of the previous run's changes (read with the sheets, for the undo). */
  probe: StateProbe;
  /** Review › Protect Workbook: no sheet can be added or deleted. */
  structureProtected: boolean;
  /** Threaded comments (ExcelApi 1.10 without notes): loaded so that none is added on a cell that has one. */
  comments: Excel.CommentCollection | null;
  snapshot: WorkbookSnapshot;
  /** Every sheet name, in order. */
  names: string[];
  protectedSheets: Set<string>;
  state: AddinState | null;
  /** Sheets named like an output sheet: true when Piano Offerta wrote them (a previous run, or the command line). */
  outputSheets: Map<string, boolean>;
}

const OUTPUT_NAMES = OUTPUT_SHEET_KEYS;

function isPayloadLimit(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return /PayloadSizeLimitExceeded|PayloadTooLarge/i.test(`${e?.code ?? ''} ${e?.message ?? ''}`);
}

type Grids = { values: unknown[][]; text: string[][]; numberFormat: unknown[][] };

function toSheet(name: string, originRow: number, originCol: number, g: Grids): SheetSnapshot {
  return {
    name,
    originRow,
    originCol,
    // Office gives "" for empty cells: the snapshot says null.
    values: g.values.map((row) => row.map((v): CellValue => (v === '' ? null : (v as CellValue)))),
    text: g.text,
    formats: g.numberFormat as string[][],
  };
}

/** Cells per read when reading in blocks: values, text and formats stay under 5 MB even with long texts. */
const BLOCK_CELLS = 20_000;

/**
 * The slow path, only for workbooks too large for one answer: the used ranges' sizes first, then
 * blocks of rows, one sync each.
 */
async function readInBlocks(
  context: Excel.RequestContext,
  inputs: string[],
  outputs: string[],
  names: string[],
  stateRange: Excel.Range,
  extra: Pick<WorkbookRead, 'probe' | 'structureProtected' | 'comments'>,
): Promise<WorkbookRead> {
  const { used, firstCells } = queueSheetReads(context, inputs, outputs, 'rowIndex,columnIndex,rowCount,columnCount');
  await context.sync();
  const snapshotSheets: SheetSnapshot[] = [];
  for (const { name, ws, range } of used) {
    if (range.isNullObject) {
      snapshotSheets.push({ name, originRow: 0, originCol: 0, values: [] });
      continue;
    }
    const rowsPerBlock = Math.max(1, Math.floor(BLOCK_CELLS / range.columnCount));
    const sheet: SheetSnapshot = { name, originRow: range.rowIndex, originCol: range.columnIndex, values: [], text: [], formats: [] };
    for (let r = 0; r < range.rowCount; r += rowsPerBlock) {
      const block = ws.getRangeByIndexes(range.rowIndex + r, range.columnIndex, Math.min(rowsPerBlock, range.rowCount - r), range.columnCount);
      block.load('values,text,numberFormat');
      await context.sync();
      const part = toSheet(name, 0, 0, block);
      sheet.values.push(...part.values);
      sheet.text!.push(...part.text!);
      sheet.formats!.push(...part.formats!);
    }
    snapshotSheets.push(sheet);
  }
  return finish({ sheets: snapshotSheets }, names, used, stateRange, firstCells, extra);
}

function finish(
  snapshot: WorkbookSnapshot,
  names: string[],
  used: { name: string; ws: Excel.Worksheet }[],
  stateRange: Excel.Range,
  firstCells: { name: string; r: Excel.Range }[],
  extra: Pick<WorkbookRead, 'probe' | 'structureProtected' | 'comments'>,
): WorkbookRead {
  const state = stateRange.isNullObject ? null : decodeState(stateRange.values);
  const outputSheets = oursOf(firstCells, state);
  return {
    ...extra,
    snapshot,
    names,
    protectedSheets: new Set(used.filter((u) => u.ws.protection.protected).map((u) => u.name)),
    state,
    outputSheets,
  };
}

/** The add-in's own state (a very hidden sheet), when an earlier run left one. */
export function loadState(context: Excel.RequestContext): Excel.Range {
  const range = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET).getUsedRangeOrNullObject(true);
  range.load('values');
  return range;
}

/** Sheets named like an output sheet (Sezione g, Anomalie, Riepilogo, in any case). */
export function outputNamed(names: string[]): string[] {
  return names.filter((n) => OUTPUT_NAMES.has(foldText(n)));
}

/** Queues A1 of each output-named sheet: its signature tells ours from a user's sheet of the same name. */
export function queueFirstCells(context: Excel.RequestContext, outputs: string[]): { name: string; r: Excel.Range }[] {
  return outputs.map((name) => {
    const r = context.workbook.worksheets.getItem(name).getRange('A1');
    r.load('values');
    return { name, r };
  });
}

/** Output-named sheet → written by Piano Offerta (listed in its state, or signed in A1)? */
export function oursOf(firstCells: { name: string; r: Excel.Range }[], state: AddinState | null): Map<string, boolean> {
  return new Map(
    firstCells.map(({ name, r }): [string, boolean] => [name, (state?.sheets.includes(name) ?? false) || isOurOutput(String(r.values[0]?.[0] ?? ''))]),
  );
}

/** Queues, for every input sheet, its used range (with `props`) and protection; for output-named sheets, A1. */
function queueSheetReads(context: Excel.RequestContext, inputs: string[], outputs: string[], props: string) {
  const sheets = context.workbook.worksheets;
  const used = inputs.map((name) => {
    const ws = sheets.getItem(name);
    const range = ws.getUsedRangeOrNullObject(true);
    range.load(props);
    ws.protection.load('protected');
    return { name, ws, range };
  });
  return { used, firstCells: queueFirstCells(context, outputs) };
}

export async function readWorkbook(context: Excel.RequestContext, caps: Capabilities): Promise<WorkbookRead> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const stateRange = loadState(context);
  const protection = context.workbook.protection;
  protection.load('protected');
  await context.sync();

  const names = sheets.items.map((s) => s.name);
  const previous = stateRange.isNullObject ? null : decodeState(stateRange.values);
  const probe = queueStateProbe(context, previous ?? EMPTY_STATE, caps, names);
  const comments = caps.comments && !caps.notes ? context.workbook.comments : null;
  comments?.load('items/id');
  const extra = { probe, structureProtected: protection.protected, comments };
  const inputs = names.filter((n) => n !== STATE_SHEET && !OUTPUT_NAMES.has(foldText(n)));
  const outputs = outputNamed(names);
  const { used, firstCells } = queueSheetReads(context, inputs, outputs, 'values,text,numberFormat,rowIndex,columnIndex');
  let snapshot: WorkbookSnapshot;
  try {
    await context.sync();
    snapshot = {
      sheets: used.map(({ name, range }): SheetSnapshot =>
        range.isNullObject ? { name, originRow: 0, originCol: 0, values: [] } : toSheet(name, range.rowIndex, range.columnIndex, range),
      ),
    };
  } catch (err) {
    // Excel on the web answers at most 5 MB a request: a very large sheet is read again in blocks.
    if (!isPayloadLimit(err)) throw err;
    const probeAgain = queueStateProbe(context, previous ?? EMPTY_STATE, caps, names);
    comments?.load('items/id');
    return readInBlocks(context, inputs, outputs, names, stateRange, { ...extra, probe: probeAgain });
  }
  return finish(snapshot, names, used, stateRange, firstCells, extra);
}
