/**
 * Properties of the engine, checked on generated workbooks (fast-check):
 *  a. section g adds up: g = b + c + d + e + f on every row, the totals are the sum of the rows, and
 *     both agree with an independent count of the generated Unita rows;
 *  b. how a sheet is laid out does not change the result: shuffled rows, blank rows, title rows above
 *     the header, headers in another case / without accents / with extra spaces, columns in another
 *     order, an extra column, sheet names in another case (spec, "The standard workbook");
 *  c. the engine never throws, whatever a cell holds, leaves the snapshot untouched, and its report
 *     always passes the JSON schema;
 *  d. the command line never modifies its input file.
 */
import { prng } from '../support/prng';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { check } from '../../src/core/engine';
import { Report, reportSchema } from '../../src/core/report';
import { CellValue, EXCEL_ERRORS, WorkbookSnapshot } from '../../src/core/snapshot';
import { runCli } from '../support/run-cli';
import { PLANS, PlanName, planCsv, planSnapshot, planXlsx, snapshot, workbookFromRows } from '../support/workbooks';

type Grid = CellValue[][];
type Sheets = Record<string, Grid>;

/** The snapshot's sheets as plain grids (deep copies), to transform and rebuild with `snapshot()`. */
function gridsOf(wb: WorkbookSnapshot): Sheets {
  return Object.fromEntries(wb.sheets.map((s) => [s.name, s.values.map((r) => [...r])]));
}


function shuffled<T>(items: T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const FIGURES = ['b', 'c', 'd', 'e', 'f', 'g', 'sat'] as const;
type SectionKey = 'b' | 'c' | 'd' | 'e' | 'f';

function expectRowsAddUp(report: Report): void {
  for (const r of report.sectionG) {
    expect({ ente: r.ente, comune: r.comune, g: r.g }).toEqual({ ente: r.ente, comune: r.comune, g: r.b + r.c + r.d + r.e + r.f });
    expect(r.g > 0 || r.sat > 0).toBe(true);
  }
  const sum = Object.fromEntries(FIGURES.map((k) => [k, report.sectionG.reduce((s, r) => s + r[k], 0)]));
  expect(report.totals).toEqual(sum);
}

// ---------------------------------------------------------------------------------------------
// a. Section g adds up on random Unita sheets
// ---------------------------------------------------------------------------------------------

const ENTI = [
  { name: 'ALER Brescia-Cremona-Mantova', tipo: 'ALER' },
  { name: 'Comune di Crema', tipo: 'Comune' },
  { name: 'Comune di Castelleone', tipo: 'Comune' },
  { name: 'Comune di Pandino', tipo: 'Comune' },
] as const;
const COMUNI = ['Crema', 'Castelleone', 'Pandino', 'Vaiano Cremasco', 'Offanengo'] as const;

/** The Stato vocabulary of the spec, as people write it, with the section it belongs to (null: not in g). */
const STATI: [string, SectionKey | null][] = [
  ['Carenza manutentiva', 'b'],
  ['SFITTO PER CARENZE MANUTENTIVE ASSEGNABILE IN AUTO-MANUTENZIONE', 'b'],
  ['assegnabile nello stato di fatto', 'b'],
  ['Ristrutturazione', 'c'],
  ['SFITTO PER RISTRUTTURAZIONE', 'c'],
  ['recupero', 'c'],
  ['riqualificazione', 'c'],
  ['Nuova edificazione', 'd'],
  ['Libero', 'e'],
  ['LIBERO', 'e'],
  ['già libero', 'e'],
  ['Turnover', 'e'],
  ['si libererà', 'e'],
  ['avvicendamento', 'e'],
  ['turn over', 'e'],
  ['Libero o turnover', 'e'],
  ['Conferito da privati', 'f'],
  ['Assegnato', null],
  ['Occupato', null],
  ['In vendita', null],
  ['Altri usi', null],
  ['ASSEGNATO', null],
  ['da verificare', null], // not in the vocabulary: UNIT_STATE_UNKNOWN, not counted
];

interface GenUnit {
  ente: number;
  comune: number | null;
  stato: number | null;
  destinazione: 'SAP' | 'SAS' | null;
  numero: number | null;
  numeroAsText: boolean;
}

const unitArb: fc.Arbitrary<GenUnit> = fc.record({
  ente: fc.nat({ max: ENTI.length - 1 }),
  comune: fc.option(fc.nat({ max: COMUNI.length - 1 }), { nil: null, freq: 8 }),
  stato: fc.option(fc.nat({ max: STATI.length - 1 }), { nil: null, freq: 10 }),
  destinazione: fc.constantFrom<'SAP' | 'SAS' | null>('SAP', 'SAS', null, null),
  numero: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  numeroAsText: fc.boolean(),
});

function smallPlan(units: GenUnit[]): WorkbookSnapshot {
  return snapshot({
    Ambito: [
      ['Ambito territoriale', 'Ambito di prova'],
      ['Anno di riferimento', 2024],
    ],
    Comuni: [['Comune', 'Comunicazione ricevuta'], ...COMUNI.map((c) => [c, 'Sì'])],
    Enti: [['Ente proprietario', 'Tipo ente', 'Unità SAP'], ...ENTI.map((e) => [e.name, e.tipo, 1000])],
    Unita: [
      ['ID unità', 'Ente proprietario', 'Comune', 'Stato', 'Destinazione', 'Numero unità'],
      ...units.map((u): CellValue[] => [
        null,
        ENTI[u.ente]!.name,
        u.comune === null ? null : COMUNI[u.comune]!,
        u.stato === null ? null : STATI[u.stato]![0],
        u.destinazione,
        u.numero === null ? null : u.numeroAsText ? String(u.numero) : u.numero,
      ]),
    ],
  });
}

/** Section g computed by hand from the generated rows: blank Numero unità is 1, SAS and non-assignable rows do not count. */
function oracle(units: GenUnit[]): Map<string, Record<SectionKey | 'g', number>> {
  const out = new Map<string, Record<SectionKey | 'g', number>>();
  for (const u of units) {
    if (u.stato === null || u.destinazione === 'SAS') continue;
    const section = STATI[u.stato]![1];
    if (section === null) continue;
    const n = u.numero ?? 1;
    const key = `${ENTI[u.ente]!.name}|${u.comune === null ? '' : COMUNI[u.comune]!}`;
    const row = out.get(key) ?? { b: 0, c: 0, d: 0, e: 0, f: 0, g: 0 };
    row[section] += n;
    row.g += n;
    out.set(key, row);
  }
  for (const [k, r] of out) if (r.g === 0) out.delete(k);
  return out;
}

describe('a. section g adds up', () => {
  test('g = b + c + d + e + f on every row, totals are the sum of the rows, and both match the Unita rows', () => {
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 0, maxLength: 25 }), (units) => {
        const { report } = check(smallPlan(units));
        expectRowsAddUp(report);
        const mine = new Map(report.sectionG.map((r) => [`${r.ente}|${r.comune ?? ''}`, { b: r.b, c: r.c, d: r.d, e: r.e, f: r.f, g: r.g }]));
        expect(Object.fromEntries(mine)).toEqual(Object.fromEntries(oracle(units)));
      }),
      { numRuns: 200 },
    );
  });

  test('the real plans add up too', () => {
    for (const plan of PLANS) expectRowsAddUp(check(planSnapshot(plan)).report);
  });
});

// ---------------------------------------------------------------------------------------------
// b. Layout does not matter
// ---------------------------------------------------------------------------------------------

interface Layout {
  plan: PlanName;
  seed: number;
  shuffleRows: boolean;
  blankRows: boolean;
  titleRows: boolean;
  headerSpelling: boolean;
  columnOrder: boolean;
  extraColumn: boolean;
  sheetNames: boolean;
}

const TITLES: Grid[] = [
  [['PIANO ANNUALE 2023'], []],
  [["Piano annuale dell'offerta abitativa pubblica e sociale"], ['Dati al 30/09'], [null, '  ']],
];

const RENAMED: Record<string, string> = {
  Ambito: 'AMBITO',
  Comuni: 'COMUNI',
  Enti: 'enti',
  Unita: 'UNITÀ',
  SAT: 'Sat',
  Assegnazioni: 'ASSEGNAZIONI',
};

/** A header as someone else would type it: other case, no accents, extra spaces. */
function respell(h: CellValue, rnd: () => number): CellValue {
  if (typeof h !== 'string') return h;
  let s = h;
  const pick = Math.floor(rnd() * 4);
  if (pick === 0) s = s.toUpperCase();
  else if (pick === 1) s = s.toLowerCase();
  else if (pick === 2) s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
  else s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (rnd() < 0.5) s = s.replace(/ /g, '  ');
  if (rnd() < 0.3) s = ` ${s} `;
  return s;
}

function blankRow(width: number, rnd: () => number): CellValue[] {
  return Array.from({ length: width }, () => [null, '', ' ', '\u00a0'][Math.floor(rnd() * 4)]!);
}

const isTotalLabel = (v: CellValue) => typeof v === 'string' && /^tot/i.test(v.trim());

function relayTable(grid: Grid, l: Layout, rnd: () => number): Grid {
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  let header = [...grid[0]!];
  // Total rows stay below the rows they add up (moving them above would legitimately change the check).
  let body = grid.slice(1).filter((r) => !r.some(isTotalLabel));
  const totals = grid.slice(1).filter((r) => r.some(isTotalLabel));
  if (l.headerSpelling) header = header.map((h) => respell(h, rnd));
  if (l.shuffleRows) body = shuffled(body, rnd);
  let rows = [header, ...body, ...totals].map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  if (l.extraColumn) {
    const at = Math.floor(rnd() * (width + 1));
    rows = rows.map((r, i) => {
      const v: CellValue = i === 0 ? 'Osservazioni ufficio' : i <= body.length ? 'verificato' : null;
      return [...r.slice(0, at), v, ...r.slice(at)];
    });
  }
  if (l.columnOrder) {
    const perm = shuffled([...rows[0]!.keys()], rnd);
    rows = rows.map((r) => perm.map((c) => r[c] ?? null));
  }
  if (l.blankRows) {
    const w = rows[0]!.length;
    const n = 1 + Math.floor(rnd() * 4);
    for (let i = 0; i < n; i++) {
      const at = 1 + Math.floor(rnd() * rows.length); // anywhere below the header
      rows.splice(at, 0, blankRow(w, rnd));
    }
  }
  if (l.titleRows) rows = [...TITLES[Math.floor(rnd() * TITLES.length)]!, ...rows];
  return rows;
}

function relayAmbito(grid: Grid, l: Layout, rnd: () => number): Grid {
  let rows = grid.map((r) => [...r]);
  if (l.headerSpelling) rows = rows.map(([label, ...rest]) => [respell(label ?? null, rnd), ...rest]);
  if (l.shuffleRows) rows = shuffled(rows, rnd);
  // A blank column between label and value is common.
  if (l.columnOrder) rows = rows.map(([label, ...rest]) => [label ?? null, null, ...rest]);
  if (l.blankRows) rows.splice(Math.floor(rnd() * (rows.length + 1)), 0, blankRow(2, rnd));
  if (l.titleRows) rows = [...TITLES[Math.floor(rnd() * TITLES.length)]!, ...rows];
  return rows;
}

function relay(wb: WorkbookSnapshot, l: Layout): WorkbookSnapshot {
  const rnd = prng(l.seed);
  const sheets = gridsOf(wb);
  const out: Sheets = {};
  for (const [name, grid] of Object.entries(sheets)) {
    const laid = name === 'Ambito' ? relayAmbito(grid, l, rnd) : relayTable(grid, l, rnd);
    out[l.sheetNames ? RENAMED[name]! : name] = laid;
  }
  return snapshot(out);
}

/** What must not move: section g, totals, and the anomalies as (rule, severity, sheet, value). */
function invariantPart(report: Report, l?: Layout) {
  const back = new Map(Object.entries(RENAMED).map(([k, v]) => [v, k]));
  const sheet = (s: string) => (l?.sheetNames ? back.get(s) ?? s : s);
  return {
    ambito: report.ambito,
    anno: report.anno,
    sectionG: report.sectionG,
    totals: report.totals,
    counts: report.counts,
    ready: report.ready,
    anomalies: report.anomalies.map((a) => `${a.rule} | ${a.severity} | ${sheet(a.sheet)} | ${a.value}`).sort(),
  };
}

const baseReports = new Map<PlanName, ReturnType<typeof invariantPart>>();
function baseOf(plan: PlanName) {
  let b = baseReports.get(plan);
  if (!b) baseReports.set(plan, (b = invariantPart(check(planSnapshot(plan)).report)));
  return b;
}

const layoutArb: fc.Arbitrary<Layout> = fc.record({
  plan: fc.constantFrom(...PLANS),
  seed: fc.integer(),
  shuffleRows: fc.boolean(),
  blankRows: fc.boolean(),
  titleRows: fc.boolean(),
  headerSpelling: fc.boolean(),
  columnOrder: fc.boolean(),
  extraColumn: fc.boolean(),
  sheetNames: fc.boolean(),
});

describe('b. the layout of the sheets does not change the result', () => {
  test('the transformation really moves things (so the property below can fail)', () => {
    const all: Layout = {
      plan: 'cremona-2023', seed: 7, shuffleRows: true, blankRows: true, titleRows: true,
      headerSpelling: true, columnOrder: true, extraColumn: true, sheetNames: true,
    };
    const before = planSnapshot(all.plan);
    const after = relay(before, all);
    const unita = after.sheets.find((s) => s.name === 'UNITÀ')!;
    expect(TITLES.map((t) => t[0]![0])).toContain(unita.values[0]![0]);
    expect(unita.values.length).toBeGreaterThan(before.sheets.find((s) => s.name === 'Unita')!.values.length);
    expect(JSON.stringify(after)).not.toBe(JSON.stringify(before));
    // The anomalies do move (their cells change), only what they say stays.
    const cells = (wb: WorkbookSnapshot) => check(wb).report.anomalies.map((a) => a.cell).join();
    expect(cells(after)).not.toBe(cells(before));
  });

  test('a broken layout is noticed: the same comparison fails when a data row is lost', () => {
    const wb = planSnapshot('crema-2019');
    const sheets = gridsOf(wb);
    sheets.Unita!.splice(1, 1);
    expect(invariantPart(check(snapshot(sheets)).report)).not.toEqual(baseOf('crema-2019'));
  });

  test.each(PLANS)('%s: every transformation at once, fixed seed', (plan) => {
    const l: Layout = {
      plan, seed: 42, shuffleRows: true, blankRows: true, titleRows: true,
      headerSpelling: true, columnOrder: true, extraColumn: true, sheetNames: true,
    };
    expect(invariantPart(check(relay(planSnapshot(plan), l)).report, l)).toEqual(baseOf(plan));
  });

  test('shuffled rows, blank rows, title rows, respelled headers, column order, sheet names', () => {
    fc.assert(
      fc.property(layoutArb, (l) => {
        const { report } = check(relay(planSnapshot(l.plan), l));
        expect(invariantPart(report, l)).toEqual(baseOf(l.plan));
      }),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// c. Any cell value: no exception, snapshot untouched, report valid
// ---------------------------------------------------------------------------------------------

const nastyText = fc.constantFrom(
  '=HYPERLINK("x")',
  '=1+1',
  '+39 123',
  '-',
  '@SUM(A1)',
  "'",
  '',
  '   ',
  '\u00a0',
  'Totale',
  'TOTALE',
  'COMUNE',
  'Comune di',
  'ALER',
  'Sì',
  'No',
  'non comunicato',
  '1.028',
  '1.234,5',
  '10%',
  '-5',
  '08/03/2021',
  '31/02/2021',
  '1 + 5da turn over',
  'Libero',
  'Assegnato',
  'SAS',
  'Unità SAP',
  'Ente proprietario',
  'Comune',
  'Stato',
  'Numero unità',
  'Anno di riferimento',
  'Termine comunicazioni',
  'Quota massima SAT %',
  'constructor',
  '__proto__',
  'toString',
  '\u0000',
  '𝔘𝔫𝔦𝔱à 🏠',
  'İstanbul ß ﬁ',
  'a'.repeat(5000),
);

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  nastyText,
  fc.constantFrom(...EXCEL_ERRORS),
  fc.double(), // includes NaN, ±Infinity, -0
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e21, -1e21, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53, 1.006, 0.1, 44263),
  fc.integer({ min: -1000, max: 100000 }),
  fc.boolean(),
  fc.constant(null),
);

const FUZZED_SHEETS = ['Ambito', 'Comuni', 'Enti', 'Unita', 'SAT', 'Assegnazioni'];

const placementArb = fc.record({
  sheet: fc.constantFrom(...FUZZED_SHEETS),
  // fractions of the sheet's extent (a little beyond it too), resolved once the plan is known
  row: fc.double({ min: 0, max: 1.2, noNaN: true }),
  col: fc.double({ min: 0, max: 1.3, noNaN: true }),
  value: cellArb,
});

function place(wb: WorkbookSnapshot, placements: { sheet: string; row: number; col: number; value: CellValue }[]): WorkbookSnapshot {
  const sheets = gridsOf(wb);
  for (const p of placements) {
    const grid = sheets[p.sheet];
    if (!grid) continue;
    const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
    const r = Math.min(Math.floor(p.row * grid.length), grid.length + 2);
    const c = Math.min(Math.floor(p.col * width), width + 2);
    while (grid.length <= r) grid.push([]);
    grid[r]![c] = p.value;
  }
  return snapshot(sheets);
}

function expectValidReport(report: Report): void {
  reportSchema.parse(report);
  // And as the command line writes it (NaN or Infinity would turn into null there).
  reportSchema.parse(JSON.parse(JSON.stringify(report)));
  expectRowsAddUp(report);
}

describe('c. whatever the cells hold, the engine answers', () => {
  test('no exception, the snapshot is not modified, the report passes the schema', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PLANS), fc.array(placementArb, { minLength: 1, maxLength: 8 }), (plan, placements) => {
        const wb = place(planSnapshot(plan), placements);
        const before = JSON.stringify(wb);
        const result = check(wb);
        expect(JSON.stringify(wb)).toBe(before);
        expectValidReport(result.report);
      }),
      { numRuns: 150 },
    );
  });

  test('whole small sheets of arbitrary values', () => {
    const grid = fc.array(fc.array(cellArb, { maxLength: 7 }), { maxLength: 8 });
    fc.assert(
      fc.property(
        fc.record({ Ambito: grid, Comuni: grid, Enti: grid, Unita: grid, SAT: grid, Assegnazioni: grid }, { requiredKeys: ['Unita'] }),
        fc.boolean(),
        (sheets, withHeaders) => {
          const real = planSnapshot('cremona-2023');
          // With the real headers on top, the values are read as data; without, the headers are garbage too.
          const s: Sheets = {};
          for (const [name, rows] of Object.entries(sheets)) {
            const header = real.sheets.find((x) => x.name === name)!.values[0]!;
            s[name] = withHeaders && name !== 'Ambito' ? [header, ...rows] : rows;
          }
          const wb = snapshot(s);
          const before = JSON.stringify(wb);
          const result = check(wb);
          expect(JSON.stringify(wb)).toBe(before);
          expectValidReport(result.report);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('a specific nasty row in every column of Unita', () => {
    const sheets = gridsOf(planSnapshot('crema-2021'));
    const width = sheets.Unita![0]!.length;
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY, 1e21, -1, 0.5, true, '#N/A', '=HYPERLINK("x")', '+39 123', '𝔘🏠']) {
      sheets.Unita!.push(Array.from({ length: width }, () => v));
    }
    expectValidReport(check(snapshot(sheets)).report);
  });

  test('huge figures: a year, counts and SAT units beyond any real plan', () => {
    // Found by the property above: 9007199254700570 SAT units plus a few more made totals.sat leave
    // the safe integers, and the report failed its own schema (the command line stopped with a ZodError).
    const sheets = gridsOf(planSnapshot('cremona-2023'));
    const year = sheets.Ambito!.findIndex((r) => r[0] === 'Anno di riferimento');
    sheets.Ambito![year]![1] = 1e21;
    const unita = sheets.Unita!;
    const numero = unita[0]!.indexOf('Numero unità');
    for (const v of [1e21, 2 ** 53, 9007199254700570, 1e9, 1e9, '99999999999']) {
      const row = [...unita[1]!];
      row[0] = null;
      row[numero] = v;
      unita.push(row);
    }
    const sat = sheets.SAT!;
    const n = sat[0]!.indexOf('Unità SAT');
    for (const v of [9007199254700570, 1006, 2 ** 53 - 1]) sat.push([...sat[1]!].map((x, c) => (c === n ? v : x)));
    const { report } = check(snapshot(sheets));
    expectValidReport(report);
    expect(report.anno).toBeNull();
    expect(report.anomalies.filter((a) => a.rule === 'VALUE_NOT_NUMBER').length).toBeGreaterThanOrEqual(1 + 4 + 2);
  });
});

// ---------------------------------------------------------------------------------------------
// d. The command line never touches its input
// ---------------------------------------------------------------------------------------------

describe('d. the input file is byte-identical after a check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'piano-props-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ['crema-2021', '--json --out', true],
    ['cremona-2023', '--json only (streaming read)', false],
  ] as [PlanName, string, boolean][])('%s, %s', async (plan, _how, withOut) => {
    const input = join(dir, `${plan}.xlsx`);
    const bytes = await planXlsx(plan);
    writeFileSync(input, bytes);
    const json = join(dir, `${plan}.json`);
    const out = join(dir, `${plan}-annotato.xlsx`);
    const { code } = await runCli(['check', input, '--json', json, ...(withOut ? ['--out', out] : [])]);
    expect([0, 1]).toContain(code);
    const report = reportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(report.sectionG.length).toBeGreaterThan(0); // the check did read the file
    expect(readFileSync(input).equals(bytes)).toBe(true);
    if (withOut) expect(readFileSync(out).equals(bytes)).toBe(false);
  });

  test('a workbook with formula-like text, errors and odd values is not modified either', async () => {
    const rows = planCsv('ogliopo-2021');
    const unita = rows.Unita!;
    const note = unita[0]!.indexOf('Note');
    unita[1]![note] = '=HYPERLINK("http://example.invalid")';
    unita[2]![note] = '+39 0375 123456';
    unita[3]![note] = '#N/A';
    unita.push(['', '', 'COMUNE', 'Viadana', 'Libero', 'SAP', '1.028', '8.500,00', '𝔘🏠']);
    const bytes = Buffer.from(await workbookFromRows(rows).xlsx.writeBuffer());
    const input = join(dir, 'odd.xlsx');
    writeFileSync(input, bytes);
    const json = join(dir, 'odd.json');
    const out = join(dir, 'odd-annotato.xlsx');
    for (let run = 0; run < 2; run++) {
      const { code } = await runCli(['check', input, '--json', json, '--out', out, '--quiet']);
      expect([0, 1]).toContain(code);
      expect(readFileSync(input).equals(bytes)).toBe(true);
    }
    const report = reportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(report.anomalies.some((a) => a.rule === 'VALUE_AMBIGUOUS_NUMBER' && a.value === '1.028')).toBe(true);
  });
});

test('an empty standard sheet next to ALER\'s "Allegato B" does not hide the Allegato\'s units', () => {
  const sheets = {
    Unita: [['ID unità', 'Codice ente', 'Ente proprietario', 'Comune', 'Stato', 'Destinazione', 'Numero unità', 'Costo lavori €', 'Note']],
    'Allegato B': [
      ['ID Alloggio', "Codice alloggio dell'Ente", "Tipologia dell'Ente Proprietario", 'Comune', "Stato dell'Unità Immobiliare"],
      [3155521, 'BS151846', 'ALER', 'CREMONA', 'LIBERO'],
      [3155518, 'BS151844', 'ALER', 'CREMONA', 'LIBERO'],
    ],
  };
  const result = check({ sheets: Object.entries(sheets).map(([name, values]) => ({ name, originRow: 0, originCol: 0, values })) });
  expect(result.report.totals.g).toBe(2);
});
