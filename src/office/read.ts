/**
 * Reading the open workbook into a snapshot: two syncs whatever the size, one for the list of
 * sheets (and the add-in's own state), one for every sheet's used range (values, displayed text,
 * number formats) and protection.
 */
import { OUTPUT_SHEETS } from '../core/reading/schema';
import { foldText } from '../core/names/normalize';
import { CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { AddinState, STATE_SHEET, decodeState } from './state';

/** The first cell of an output sheet written by Piano Offerta starts with one of these. */
const SIGNATURES = ['Sezione g – ', 'Anomalie – ', "Piano annuale dell'offerta abitativa"];

export function isOurOutput(firstCell: string): boolean {
  return SIGNATURES.some((s) => firstCell.startsWith(s));
}

export interface WorkbookRead {
  snapshot: WorkbookSnapshot;
  /** Every sheet name, in order. */
  names: string[];
  protectedSheets: Set<string>;
  state: AddinState | null;
  /** Sheets named like an output sheet: true when Piano Offerta wrote them (a previous run, or the command line). */
  outputSheets: Map<string, boolean>;
}

const OUTPUT_NAMES = new Set(Object.values(OUTPUT_SHEETS).map((n) => foldText(n)));

export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookRead> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const stateRange = sheets.getItemOrNullObject(STATE_SHEET).getUsedRangeOrNullObject(true);
  stateRange.load('values');
  await context.sync();

  const names = sheets.items.map((s) => s.name);
  const inputs = names.filter((n) => n !== STATE_SHEET && !OUTPUT_NAMES.has(foldText(n)));
  const outputs = names.filter((n) => OUTPUT_NAMES.has(foldText(n)));
  const used = inputs.map((name) => {
    const ws = sheets.getItem(name);
    const range = ws.getUsedRangeOrNullObject(true);
    range.load('values,text,numberFormat,rowIndex,columnIndex');
    ws.protection.load('protected');
    return { name, ws, range };
  });
  const firstCells = outputs.map((name) => {
    const r = sheets.getItem(name).getRange('A1');
    r.load('values');
    return { name, r };
  });
  await context.sync();

  const snapshot: WorkbookSnapshot = {
    sheets: used.map(({ name, range }): SheetSnapshot => {
      if (range.isNullObject) return { name, originRow: 0, originCol: 0, values: [] };
      return {
        name,
        originRow: range.rowIndex,
        originCol: range.columnIndex,
        // Office gives "" for empty cells: the snapshot says null.
        values: range.values.map((row) => row.map((v): CellValue => (v === '' ? null : (v as CellValue)))),
        text: range.text,
        formats: range.numberFormat as unknown as string[][],
      };
    }),
  };
  const state = stateRange.isNullObject ? null : decodeState(stateRange.values);
  const outputSheets = new Map(firstCells.map(({ name, r }) => {
    const first = String(r.values[0]?.[0] ?? '');
    return [name, (state?.sheets.includes(name) ?? false) || isOurOutput(first)];
  }));
  return {
    snapshot,
    names,
    protectedSheets: new Set(used.filter((u) => u.ws.protection.protected).map((u) => u.name)),
    state,
    outputSheets,
  };
}
