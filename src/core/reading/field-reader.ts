/**
 * Reading one field of a row of a located table, the way every sheet reader does it: the value as
 * the user sees it (a merged label included), read as text, count, amount, percent, date or yes/no,
 * each problem recorded with the cell it came from. And the TOTALE rows checked against their rows.
 */
import { CellValue, isExcelError } from '../snapshot';
import { mergedFrom, uncomputedFormula } from './cells';
import { Findings, positionOf } from './model';
import { TABLES } from './schema';
import { TableSheet, totalCoverage } from './table';
import { Reading, isBlank, readDate, readNumber, readPercent, readText, readYesNo, shownValue } from './values';

/** Fields whose merged cells stand for every row they cover (labels); figures count once. */
const MERGED_LABELS = new Set(['ente', 'comune', 'stato', 'destinazione', 'tipo']);
/** Reading options of a count, shared (this runs once per cell on 100,000-row sheets). */
const COUNT = { count: true } as const;

export type FieldReader = ReturnType<typeof fieldReader>;

export function fieldReader(t: TableSheet, found: Findings) {
  const sheet = t.sheet;
  const label = (field: string) => TABLES[t.kind].fields.find((f) => f.key === field)?.headers[0] ?? field;
  const cols: Record<string, number | undefined> = Object.create(null);
  for (const [field, m] of t.columns) cols[field] = m.col;
  const col = (field: string) => cols[field];
  const values = sheet.values;
  // Said once per cell, whichever reading of the row meets it first.
  const uncomputed = (r: number, field: string, c: number) => {
    const formula = uncomputedFormula(sheet, r, c);
    const key = `${sheet.name}!${r},${c}`;
    if (formula === null || found.uncomputedSeen.has(key)) return;
    found.uncomputedSeen.add(key);
    found.valueIssues.push({ ...positionOf(sheet, r, c), problem: 'uncomputed-formula', shown: `=${formula}`, field, label: label(field) });
  };
  const raw = (r: number, field: string): CellValue => {
    const c = cols[field];
    if (c === undefined) return null;
    const v = values[r]?.[c];
    if (v !== undefined && v !== null) return v;
    // A label merged over several rows is what each of them shows.
    if (sheet.merges && MERGED_LABELS.has(field)) {
      const top = mergedFrom(sheet, r, c);
      if (top) return values[top.row]?.[top.col] ?? null;
    }
    if (sheet.uncomputed) uncomputed(r, field, c);
    return null;
  };
  const note = <T>(r: number, field: string, reading: Reading<T>): T | null => {
    if (reading.problem) {
      const issue = { ...positionOf(sheet, r, col(field)!), problem: reading.problem, shown: reading.shown ?? '', field, label: label(field) };
      if (reading.problem === 'ambiguous-number' && typeof reading.value === 'number') Object.assign(issue, { readAs: reading.value });
      found.valueIssues.push(issue);
    }
    return reading.value;
  };
  return {
    sheet,
    col,
    text(r: number, field: string): string | null {
      const v = raw(r, field);
      if (isExcelError(v)) {
        found.valueIssues.push({ ...positionOf(sheet, r, col(field)!), problem: 'excel-error', shown: String(v), field, label: label(field) });
        return null;
      }
      return readText(v);
    },
    count: (r: number, field: string) => note(r, field, readNumber(raw(r, field), COUNT)),
    amount: (r: number, field: string) => note(r, field, readNumber(raw(r, field))),
    percent(r: number, field: string) {
      const c = col(field);
      const fmt = c === undefined ? null : sheet.formats?.[r]?.[c] ?? null;
      const txt = c === undefined ? null : sheet.text?.[r]?.[c] ?? null;
      return note(r, field, readPercent(raw(r, field), fmt, txt));
    },
    date: (r: number, field: string) => note(r, field, readDate(raw(r, field))),
    yesNo: (r: number, field: string) => note(r, field, readYesNo(raw(r, field))),
    /** Empty means empty: a cell holding something unreadable ("due", "2,5", -1, #N/A) has its own anomaly. */
    require(r: number, field: string, value: unknown) {
      const c = col(field);
      if ((value === null || value === undefined) && c !== undefined && isBlank(raw(r, field)) && uncomputedFormula(sheet, r, c) === null) {
        found.missing.push({ ...positionOf(sheet, r, c), field, label: label(field) });
      }
    },
    shown: (r: number, field: string) => shownValue(raw(r, field)),
  };
}

type RowValue = (r: number, field: string) => number | null;

/**
 * Each numeric field of a TOTALE row against the sum of the data rows it covers. `altValue` is a
 * second reading that is also right (a blank Numero unità is one unit, but =SOMMA counts it 0).
 */
export function checkTotals(t: TableSheet, found: Findings, fields: string[], rowValue: RowValue, altValue?: RowValue): void {
  const rd = fieldReader(t, found);
  for (const [tr, covered] of totalCoverage(t)) {
    for (const field of fields) {
      const c = t.columns.get(field);
      if (!c) continue;
      const written = rd.count(tr, field);
      if (written === null) continue;
      const sumOf = (value: RowValue) => covered.reduce((n, r) => n + (value(r, field) ?? 0), 0);
      const sum = sumOf(rowValue);
      if (Math.abs(sum - written) < 1e-9 || (altValue && Math.abs(sumOf(altValue) - written) < 1e-9)) continue;
      found.totals.push({ pos: positionOf(t.sheet, tr, c.col), field, header: c.header, written, sum });
    }
  }
}
