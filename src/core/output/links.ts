/**
 * A link to a cell of the workbook, as a HYPERLINK formula: Excel, Excel on the web and LibreOffice
 * all follow "#Sheet!A1" inside the workbook, whichever shell wrote it (the add-in through
 * Range.formulas, the .xlsx copy as a cell formula with its text as the cached result).
 */
import { quoteSheetName } from '../address';

export function linkFormula(sheet: string, cell: string, text: string): string {
  const target = `#${quoteSheetName(sheet)}!${cell}`.replace(/"/g, '""');
  return `=HYPERLINK("${target}","${text.replace(/"/g, '""')}")`;
}
