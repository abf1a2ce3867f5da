/**
 * Reading values the way people type them in Italian offices: numbers stored as text, "1.028" for
 * 1028, "10%" or a percent-formatted 0.1, "Sì"/"X", dates as serials or dd/mm/yyyy, stray apostrophes.
 * Each reader returns the value and, when something is off, the problem a rule will report.
 */
import { CellValue, isExcelError } from '../snapshot';
import { cleanText, foldText } from '../names/normalize';

export type ValueProblem =
  | 'excel-error'
  | 'uncomputed-formula'
  | 'not-number'
  | 'not-integer'
  | 'negative'
  | 'ambiguous-number'
  | 'not-date';

export interface Reading<T> {
  /** The value read, or null when the cell is empty or unreadable. */
  value: T | null;
  problem?: ValueProblem;
  /** What the cell showed, for messages: set with a problem (kept lazy on the hot path). */
  shown?: string;
}

const OK_NULL: Reading<never> = Object.freeze({ value: null });

/** True for empty cells and cells holding only spaces (the predicate narrows null away in the false branch). */
export function isBlank(v: CellValue): v is null {
  return v === null || v === undefined || (typeof v === 'string' && cleanText(v) === '');
}

export function shownValue(v: CellValue, text?: string | null): string {
  if (text !== undefined && text !== null && text !== '') return text;
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'VERO' : 'FALSO';
  return String(v);
}

/** Text of a cell, cleaned; null when empty. Numbers become their plain digits (IDs typed as numbers). */
export function readText(v: CellValue): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  if (typeof v === 'boolean') return v ? 'VERO' : 'FALSO';
  const t = cleanText(v);
  return t === '' ? null : t;
}

const IT_THOUSANDS = /^[+-]?\d{1,3}(\.\d{3})+$/; // 1.028  1.234.567
const IT_THOUSANDS_DECIMAL = /^[+-]?\d{1,3}(\.\d{3})*,\d+$/; // 1.234,5
const PLAIN_DECIMAL_COMMA = /^[+-]?\d+,\d+$/; // 10,5
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)$/; // 12  12.5

interface NumberOptions {
  /** Counts: whole numbers, a dot followed by three digits is a thousands separator. */
  count?: boolean;
}

function parseNumericText(raw: string): { value: number; ambiguous: boolean } | null {
  const s = raw.replace(/[\s\u00a0']/g, '').replace(/^€|€$/g, '').replace(/^euro/i, '');
  if (s === '') return null;
  if (IT_THOUSANDS.test(s)) {
    // "1.028": in an Italian count this is one thousand and twenty-eight, but it could be a decimal.
    return { value: Number(s.replace(/\./g, '')), ambiguous: true };
  }
  if (IT_THOUSANDS_DECIMAL.test(s)) return { value: Number(s.replace(/\./g, '').replace(',', '.')), ambiguous: false };
  if (PLAIN_DECIMAL_COMMA.test(s)) return { value: Number(s.replace(',', '.')), ambiguous: false };
  if (PLAIN_NUMBER.test(s)) return { value: Number(s), ambiguous: false };
  return null;
}

/**
 * Above any real count (a sheet has about a million rows): a larger number in a count, or a number
 * beyond the safe integers anywhere, is not a figure (summed, it would break the report's integers).
 */
const MAX_COUNT = 1e9;

/** A number (count, euros, year). Blank reads as null with no problem. */
export function readNumber(v: CellValue, opts: NumberOptions = {}): Reading<number> {
  if (isBlank(v)) return OK_NULL;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_COUNT) return { value: v };
  const shown = shownValue(v);
  if (isExcelError(v)) return { value: null, problem: 'excel-error', shown };
  let value: number;
  let ambiguous = false;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { value: null, problem: 'not-number', shown };
    value = v;
    if (opts.count && !Number.isInteger(v)) {
      // A pasted "1.006" that Excel took for a decimal: three decimals that make a whole thousand.
      const times1000 = Math.round(v * 1000);
      if (Math.abs(v * 1000 - times1000) < 1e-6 && Math.abs(v * 100 - Math.round(v * 100)) > 1e-6 && v > 0 && v < 1000) {
        value = times1000;
        ambiguous = true;
      }
    }
  } else if (typeof v === 'boolean') {
    return { value: null, problem: 'not-number', shown };
  } else {
    const parsed = parseNumericText(v);
    if (!parsed) return { value: null, problem: 'not-number', shown };
    value = parsed.value;
    // In euros "8.500" is plainly 8500; only in a count could it be a decimal typed by mistake.
    ambiguous = parsed.ambiguous && !!opts.count;
  }
  if (value < 0) return { value: null, problem: 'negative', shown };
  if (value > (opts.count ? MAX_COUNT : Number.MAX_SAFE_INTEGER)) return { value: null, problem: 'not-number', shown };
  if (opts.count && !Number.isInteger(value)) return { value: null, problem: 'not-integer', shown };
  return ambiguous ? { value, problem: 'ambiguous-number', shown } : { value };
}

/**
 * A percentage in points: 10, "10%", "10,5", or 0.1 in a percent-formatted cell all read as 10 (10.5).
 */
export function readPercent(v: CellValue, format?: string | null, text?: string | null): Reading<number> {
  if (isBlank(v)) return OK_NULL;
  const shown = shownValue(v, text);
  if (isExcelError(v)) return { value: null, problem: 'excel-error', shown };
  const percentFormatted = (format ?? '').includes('%') || (text ?? '').trim().endsWith('%');
  if (typeof v === 'number') {
    const value = percentFormatted ? Math.round(v * 100 * 1e9) / 1e9 : v;
    return value < 0 ? { value: null, problem: 'negative', shown } : { value };
  }
  if (typeof v === 'boolean') return { value: null, problem: 'not-number', shown };
  const s = v.replace(/[\s\u00a0']/g, '').replace(/%$/, '');
  const parsed = parseNumericText(s);
  if (!parsed) return { value: null, problem: 'not-number', shown };
  if (parsed.value < 0) return { value: null, problem: 'negative', shown };
  return { value: parsed.value };
}

const YES = new Set(['si', 's', 'x', 'yes', 'y', 'vero', 'true', '1', 'ok', 'ricevuta', 'ricevuto']);
const NO = new Set(['no', 'n', 'falso', 'false', '0', 'non ricevuta', 'non ricevuto']);

/** Sì/SI/si/X → true, No → false, blank → null; anything else is null with the text kept. */
export function readYesNo(v: CellValue): Reading<boolean> {
  if (isBlank(v)) return OK_NULL;
  if (isExcelError(v)) return { value: null, problem: 'excel-error', shown: shownValue(v) };
  if (typeof v === 'boolean') return { value: v };
  const f = foldText(String(v));
  if (YES.has(f)) return { value: true };
  if (NO.has(f)) return { value: false };
  return OK_NULL;
}

/** Excel's 1900 date system, as serial numbers (day 25569 is 1970-01-01). */
export function serialToIsoDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoDateToSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86400000 + 25569;
}

/** A date as ISO yyyy-mm-dd: a serial, or text dd/mm/yyyy, dd-mm-yyyy, dd.mm.yy, yyyy-mm-dd. */
export function readDate(v: CellValue): Reading<string> {
  if (isBlank(v)) return OK_NULL;
  const shown = shownValue(v);
  if (isExcelError(v)) return { value: null, problem: 'excel-error', shown };
  if (typeof v === 'number') {
    if (v > 0 && v < 2958466) return { value: serialToIsoDate(v) };
    return { value: null, problem: 'not-date', shown };
  }
  if (typeof v === 'boolean') return { value: null, problem: 'not-date', shown };
  const s = cleanText(v);
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (m) {
    let y = Number(m[3]);
    if (y < 100) y += y < 50 ? 2000 : 1900;
    return validDate(y, Number(m[2]), Number(m[1]), shown);
  }
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]), shown);
  return { value: null, problem: 'not-date', shown };
}

function validDate(y: number, m: number, d: number, shown: string): Reading<string> {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) {
    return { value: null, problem: 'not-date', shown };
  }
  return { value: dt.toISOString().slice(0, 10) };
}

/** dd/mm/yyyy for Italian readers. */
export function italianDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
