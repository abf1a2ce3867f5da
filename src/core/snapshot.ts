/**
 * A workbook as every shell can describe it: for each sheet, the used range's values, displayed text
 * and number formats, the same three grids Office.js returns for a range. The core sees nothing else
 * of Excel or of files.
 */

/** A cell value as Office.js `range.values` gives it: Excel errors arrive as their text ("#N/A"). */
export type CellValue = string | number | boolean | null;

export interface SheetSnapshot {
  name: string;
  /** Zero-based row and column of values[0][0] in the sheet (Office's used range may not start at A1). */
  originRow: number;
  originCol: number;
  values: CellValue[][];
  /** Displayed text, when the shell has it (Office does; an .xlsx file does not). */
  text?: (string | null)[][];
  /** Number formats, e.g. "0%" or "dd/mm/yyyy"; "General" or missing when none. */
  formats?: (string | null)[][];
  /** The sheet's Excel tables (zero-based, inclusive, in the sheet): computed columns stay out of them. */
  tables?: { name: string; r0: number; c0: number; r1: number; c1: number }[];
  /** Merged areas (zero-based, inclusive, in the sheet): the value sits in the top-left cell. */
  merges?: { r0: number; c0: number; r1: number; c1: number }[];
  /**
   * Cells holding a formula with no computed result (files written by programs that do not
   * calculate, e.g. openpyxl): their value is null here, and the engine says why.
   */
  uncomputed?: { row: number; col: number; formula: string }[];
  /**
   * Only on the sheets the engine builds from pasted section tables (never from a shell): where each
   * of its cells was pasted, as a sheet and a zero-based row and column in the workbook.
   */
  at?: (r: number, c: number) => { sheet: string; row: number; col: number };
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

export const EXCEL_ERRORS = new Set([
  '#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA',
  '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#PYTHON!',
  // As Italian Excel writes them, should a shell hand over its displayed text.
  '#N/D', '#VALORE!', '#RIF!', '#NOME?', '#NULLO!', '#ESPANSIONE!',
]);

export function isExcelError(value: CellValue): boolean {
  return typeof value === 'string' && value.trimStart().startsWith('#') && EXCEL_ERRORS.has(value.trim());
}
