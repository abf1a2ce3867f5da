/** exceljs cell values → the snapshot's plain values (what Office.js `range.values` would give). */
import type { CellValue as ExcelJsValue } from 'exceljs';
import { CellValue } from '../../core/snapshot';

/** Excel 1900 date system: the serial of a JavaScript date exceljs read from a date-formatted cell. */
export function dateToSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

export function toSnapshotValue(v: ExcelJsValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === 'object') {
    const o = v as unknown as Record<string, unknown>;
    if ('error' in o && typeof o.error === 'string') return o.error;
    if ('richText' in o && Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('formula' in o || 'sharedFormula' in o) {
      // A formula: what the user sees is its cached result.
      return toSnapshotValue(o.result as ExcelJsValue | undefined);
    }
    if ('text' in o && typeof o.text === 'string') return o.text; // hyperlink
    if ('text' in o && typeof o.text === 'object') return toSnapshotValue(o.text as ExcelJsValue);
  }
  return null;
}
