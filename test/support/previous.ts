/**
 * Pairs of years built from the real plans: a copy of a plan as "the year before", with known
 * changes at known cells, read by the engine as the CLI reads last year's workbook.
 */
import { parseA1 } from '../../src/core/address';
import { EngineResult, check } from '../../src/core/engine';
import { YearSummary, summarizeResult } from '../../src/core/previous/year';
import { CellValue, WorkbookSnapshot } from '../../src/core/snapshot';
import { PlanName, planSnapshot } from './workbooks';

export type Edits = Record<string, Record<string, CellValue>>;

/** A copy of a snapshot with cells set by sheet and A1 reference. */
export function edited(base: WorkbookSnapshot, edits: Edits): WorkbookSnapshot {
  const sheets = base.sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]) }));
  for (const [name, cells] of Object.entries(edits)) {
    const sheet = sheets.find((s) => s.name === name)!;
    for (const [ref, v] of Object.entries(cells)) {
      const { row, col } = parseA1(ref);
      while (sheet.values.length <= row) sheet.values.push([]);
      sheet.values[row]![col] = v;
    }
  }
  return { ...base, sheets };
}

/** Every unit ID of the Unita sheet made new (+90,000,000), except the rows listed (1-based sheet rows). */
export function newIdsExcept(base: WorkbookSnapshot, keepRows: number[]): Edits {
  const unita = base.sheets.find((s) => s.name === 'Unita')!;
  const cells: Record<string, CellValue> = {};
  unita.values.forEach((r, i) => {
    const id = r[0];
    if (i === 0 || keepRows.includes(i + 1) || id === null || id === undefined || !/^[0-9]+$/.test(String(id))) return;
    cells[`A${i + 1}`] = Number(id) + 90_000_000;
  });
  return { Unita: cells };
}

export function merge(...all: Edits[]): Edits {
  const out: Edits = {};
  for (const e of all) for (const [s, cells] of Object.entries(e)) out[s] = { ...out[s], ...cells };
  return out;
}

/** A year as the comparison keeps it, from a snapshot. */
export function yearOf(snapshot: WorkbookSnapshot, label: string): YearSummary {
  return summarizeResult(check(snapshot), label);
}

/** This plan checked against previous years given as snapshots. */
export function compare(current: WorkbookSnapshot, ...previous: WorkbookSnapshot[]): EngineResult {
  return check(current, { previous: previous.map((p, i) => yearOf(p, `anno-${i + 1}.xlsx`)) });
}

/** Cremona 2023 as the regional plans give it, and a "2022" derived from it. */
export function cremona(): WorkbookSnapshot {
  return planSnapshot('cremona-2023' as PlanName);
}

/**
 * Cremona 2022, derived from 2023 with these changes:
 * - Cappella de' Picenardi (Enti row 6) declared g 1: it answered in 2022, not in 2023;
 * - Soresina (Enti row 32) had 80 SAP units, 122 in total as in 2023: a jump to 114 with no units;
 * - Acquanegra Cremonese (Comuni G2) answered «Sì» in 2022 («No» in 2023), Annicco (G3) «No» (Sì in 2023);
 * - unit IDs all different except Unita rows 2, 3, 4 and 157;
 * - row 2's ID (ALER) was in Cremona, row 157's (Comune di Annicco, Annicco) was Bonemerse's.
 */
export function cremona2022Edits(base: WorkbookSnapshot): Edits {
  return merge(newIdsExcept(base, [2, 3, 4, 157]), {
    Ambito: { B4: 2022 },
    Enti: { G6: 1, D32: 80 },
    Comuni: { G2: 'Sì', G3: 'No' },
    Unita: { D2: 'CREMONA', D157: 'BONEMERSE' },
  });
}
