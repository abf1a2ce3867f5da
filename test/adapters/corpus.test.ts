/**
 * Real .xlsx files from other readers' test suites (test/fixtures/xlsx-corpus, see PROVENANCE.md),
 * read to the values an independent reader gives: openpyxl, whose answers are in the `.expected.json`
 * beside each file (scripts/corpus-expected.py). Where openpyxl cannot read a file, ours must either
 * read it or refuse it with an Italian sentence.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readXlsx } from '../../src/adapters/xlsx/reader';
import { UnreadableWorkbookError } from '../../src/adapters/xlsx/workbook';
import { a1 } from '../../src/core/address';
import { CellValue } from '../../src/core/snapshot';
import { KNOWN_DIFFERENCES } from '../fixtures/xlsx-corpus/known-differences';

const ROOT = join(__dirname, '..', 'fixtures', 'xlsx-corpus');
const FILES = readdirSync(ROOT, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xlsx')).sort();

/** Files that must be refused, and what the refusal must say. */
const REFUSED: Record<string, RegExp> = {
  'calamine/pass_protected.xlsx': /è protetto da password/,
  'calamine/issue252.xlsx': /è danneggiato/,
};

type Expected = { sheets: { name: string; cells: Record<string, CellValue> }[] } | { unreadable: string };

function same(ours: CellValue | undefined, theirs: CellValue | undefined): boolean {
  const a = ours === '' ? null : ours ?? null;
  const b = theirs ?? null;
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  return a === b;
}

test('the corpus holds real files', () => {
  expect(FILES.length).toBeGreaterThanOrEqual(30);
});

test.each(FILES)('%s: the values openpyxl reads', (file) => {
  const expected = JSON.parse(readFileSync(join(ROOT, `${file}.expected.json`), 'utf8')) as Expected;
  const bytes = new Uint8Array(readFileSync(join(ROOT, file)));
  if (REFUSED[file]) {
    expect(() => readXlsx(bytes, file)).toThrow(UnreadableWorkbookError);
    expect(() => readXlsx(bytes, file)).toThrow(REFUSED[file]!);
    return;
  }
  if ('unreadable' in expected) {
    // openpyxl gives up where Excel does not: ours reads it.
    expect(readXlsx(bytes, file).sheets.length).toBeGreaterThan(0);
    return;
  }
  const known = KNOWN_DIFFERENCES[file] ?? {};
  const ours = readXlsx(bytes, file);
  if ('*' in known) {
    // openpyxl cannot stand as the reference for this file: ours must at least read its cells.
    expect(ours.sheets.some((s) => s.values.some((row) => row.some((v) => v !== null)))).toBe(true);
    return;
  }
  expect(ours.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
  const mismatches: string[] = [];
  ours.sheets.forEach((sheet, i) => {
    const theirs = expected.sheets[i]!.cells;
    const seen = new Set<string>();
    sheet.values.forEach((row, r) => row.forEach((v, c) => {
      if (v === null || v === '') return;
      const ref = a1(r, c);
      seen.add(ref);
      const key = `${sheet.name}!${ref}`;
      if (!same(v, theirs[ref]) && !(key in known)) mismatches.push(`${key}: ours ${JSON.stringify(v)}, openpyxl ${JSON.stringify(theirs[ref])}`);
    }));
    for (const [ref, v] of Object.entries(theirs)) {
      const key = `${sheet.name}!${ref}`;
      if (!seen.has(ref) && !(key in known)) mismatches.push(`${key}: ours (empty), openpyxl ${JSON.stringify(v)}`);
    }
  });
  expect(mismatches).toEqual([]);
});
