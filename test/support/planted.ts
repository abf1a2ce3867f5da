/**
 * A large, realistic plan built from a seed (the Cremasco ambito: 47 real comuni of the province of
 * Cremona, their owners and ALER, 100,000 Unita rows), and the same plan with anomalies planted at
 * known cells. Everything is deterministic: the same seed gives the same workbook and the same plants.
 *
 * How the plants stay free of side effects the test cannot name:
 *  - owners are either "disturbed" (ALER and the five largest comuni: g dichiarato blank, a wide
 *    margin of SAP stock, no SAT row) or "stable" (g dichiarato filled, SAT rows);
 *  - every plant that changes an owner's g, or the g of an owner × comune (a row no longer counted,
 *    a count changed, another owner or comune), is put on a row of a disturbed owner;
 *  - plants on stable owners' rows change nothing counted (an ID, a cost, a spelling that resolves to
 *    the same owner or comune);
 *  - figures planted in Enti keep Totale = SAP + SAS + altri usi unless that is the plant, and the
 *    TOTALE rows of Enti and SAT are recomputed from what the engine reads in each cell.
 */
import { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { ASSEGNAZIONI, COMUNI, ENTI, SAT, UNITA } from './rules';

export interface Plant {
  rule: string;
  sheet: string;
  cell: string;
  /** What was written there, for the report of misses. */
  what: string;
}

export interface BuiltPlan {
  snapshot: WorkbookSnapshot;
  plants: Plant[];
  unitRows: number;
}

import { prng } from './prng';

export { prng };

// The test's own A1 naming, not the engine's: the expected cells must not agree with the engine by construction.
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 of a zero-based row index in a sheet's values (the header is row 0, so A1 row = index + 1). */
export function a1(valuesRow: number, col: number): string {
  return `${columnLetter(col)}${valuesRow + 1}`;
}

/** 1028 → "1.028", as an Italian office types a count. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Excel's serial of a calendar date (1900 system). */
function serial(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86400000 + 25569;
}

// ---------------------------------------------------------------------------------------------
// The ambito
// ---------------------------------------------------------------------------------------------

/** The comuni of the Ambito Distrettuale Cremasco (province of Cremona), with their ISTAT codes. */
export const CREMASCO: readonly (readonly [string, string])[] = [
  ['Agnadello', '019002'], ['Bagnolo Cremasco', '019005'], ['Camisano', '019010'], ['Campagnola Cremasca', '019011'],
  ['Capergnanica', '019012'], ['Capralba', '019015'], ['Casale Cremasco-Vidolasco', '019017'], ['Casaletto Ceredano', '019018'],
  ['Casaletto di Sopra', '019019'], ['Casaletto Vaprio', '019020'], ['Castel Gabbiano', '019024'], ['Castelleone', '019025'],
  ['Chieve', '019029'], ['Credera Rubbiano', '019034'], ['Crema', '019035'], ['Cremosano', '019037'],
  ['Cumignano sul Naviglio', '019039'], ['Dovera', '019041'], ['Fiesco', '019043'], ['Gombito', '019049'],
  ['Izano', '019054'], ['Madignano', '019055'], ['Monte Cremasco', '019058'], ['Montodine', '019059'],
  ['Moscazzano', '019060'], ['Offanengo', '019062'], ['Palazzo Pignano', '019066'], ['Pandino', '019067'],
  ['Pianengo', '019072'], ['Pieranica', '019073'], ['Quintano', '019078'], ['Ricengo', '019079'],
  ['Ripalta Arpina', '019080'], ['Ripalta Cremasca', '019081'], ['Ripalta Guerina', '019082'], ["Rivolta d'Adda", '019084'],
  ['Romanengo', '019086'], ['Salvirola', '019087'], ['Sergnano', '019094'], ['Soncino', '019097'],
  ["Spino d'Adda", '019102'], ['Ticengo', '019104'], ['Torlino Vimercati', '019105'], ['Trescore Cremasco', '019109'],
  ['Trigolo', '019110'], ['Vaiano Cremasco', '019111'], ['Vailate', '019112'],
];

export const ALER = 'ALER Brescia-Cremona-Mantova';

/** Owners whose g the plants may change: g dichiarato blank, a wide SAP margin, no SAT row. */
const DISTURBED: readonly [string, number][] = [['Crema', 12], ['Castelleone', 5], ['Pandino', 4], ['Soncino', 4], ["Rivolta d'Adda", 4]];
/** Owners whose g stays as generated: g dichiarato filled (two left blank, as the spec allows). */
const STABLE: readonly [string, number][] = [
  ['Agnadello', 1.4], ['Bagnolo Cremasco', 1.6], ['Capralba', 1.1], ['Casale Cremasco-Vidolasco', 1.0], ['Chieve', 1.0],
  ['Credera Rubbiano', 0.8], ['Dovera', 1.5], ['Izano', 1.0], ['Madignano', 1.3], ['Montodine', 1.2], ['Offanengo', 2.2],
  ['Palazzo Pignano', 1.1], ['Pianengo', 1.2], ['Ripalta Cremasca', 1.3], ['Romanengo', 1.8], ['Sergnano', 1.7],
  ["Spino d'Adda", 2.0], ['Trescore Cremasco', 1.2], ['Trigolo', 0.9], ['Vaiano Cremasco', 1.9], ['Vailate', 1.8],
];
const STABLE_WITHOUT_DECLARED_G = new Set(['Trigolo', 'Credera Rubbiano']);
/** Comuni that own SAP units but none assignable this year (g dichiarato 0). */
const ZERO_G = ['Capergnanica', 'Cremosano', 'Monte Cremasco', 'Quintano', 'Salvirola'];
/** Where ALER's units are. */
const ALER_COMUNI: readonly [string, number][] = [
  ['Crema', 30], ['Castelleone', 8], ['Soncino', 6], ['Pandino', 6], ["Rivolta d'Adda", 6], ['Offanengo', 5], ['Vailate', 4],
  ["Spino d'Adda", 4], ['Romanengo', 4], ['Vaiano Cremasco', 4], ['Sergnano', 3], ['Dovera', 3], ['Madignano', 3],
  ['Pianengo', 2], ['Bagnolo Cremasco', 3],
];
const ALER_WEIGHT = 40;

type Section = 'b' | 'c' | 'd' | 'e' | 'f';
/** Stato as owners write it on a row of one unit (all assignable: the clean plan has no warning). */
const SINGLE_STATES: readonly [string, Section, number][] = [
  ['Carenza manutentiva', 'b', 14], ['SFITTO PER CARENZE MANUTENTIVE ASSEGNABILE IN AUTO-MANUTENZIONE', 'b', 6],
  ['assegnabile nello stato di fatto', 'b', 2], ['Ristrutturazione', 'c', 6], ['SFITTO PER RISTRUTTURAZIONE', 'c', 4],
  ['recupero', 'c', 1], ['riqualificazione', 'c', 1], ['Nuova edificazione', 'd', 3], ['Libero', 'e', 20], ['LIBERO', 'e', 10],
  ['già libero', 'e', 3], ['Turnover', 'e', 15], ['si libererà', 'e', 4], ['avvicendamento', 'e', 2], ['Conferito da privati', 'f', 2],
];
/** Stato of a count row without ID: states whose units need no ID (turnover, to be built, conferred). */
const AGGREGATE_STATES: readonly [string, Section, number][] = [
  ['Turnover', 'e', 5], ['Libero o turnover', 'e', 3], ['turn over', 'e', 2], ['Nuova edificazione', 'd', 2], ['Conferito da privati', 'f', 1],
];
const EXISTING_STATES = new Set(['Carenza manutentiva', 'SFITTO PER CARENZE MANUTENTIVE ASSEGNABILE IN AUTO-MANUTENZIONE', 'assegnabile nello stato di fatto', 'Ristrutturazione', 'SFITTO PER RISTRUTTURAZIONE', 'recupero', 'riqualificazione', 'Libero', 'LIBERO', 'già libero']);
const NOTES = ['piano terra', 'bilocale', 'trilocale con box', 'ascensore', 'verificare impianto elettrico', 'ex custode'];
const CATEGORIES: readonly [string, string][] = [
  ['Genitori separati', 'Delibera G.C. n. 45/2024: crescita dei nuclei monogenitoriali in difficoltà abitativa'],
  ['Anziani soli over 75', 'Delibera G.C. n. 12/2024: popolazione anziana sola in aumento'],
  ['Giovani coppie', 'Delibera G.C. n. 88/2024: contrasto allo spopolamento'],
  ['Donne vittime di violenza', 'Protocollo con il centro antiviolenza del distretto'],
];

// Column indexes of the standard sheets.
const U = { id: 0, codice: 1, ente: 2, comune: 3, stato: 4, dest: 5, numero: 6, costo: 7, note: 8 } as const;
const E = { ente: 0, tipo: 1, totale: 2, sap: 3, sas: 4, altri: 5, g: 6, data: 7 } as const;
const C = { comune: 0, istat: 1, soglia: 2, categoria: 3, motivazione: 4, ffoo: 5, risposta: 6 } as const;
const S = { ente: 0, comune: 1, sat: 2 } as const;

interface Owner {
  name: string;
  tipo: 'ALER' | 'Comune';
  comune: string | null;
  disturbed: boolean;
  weight: number;
  /** Assignable units generated for it, over all comuni and per comune. */
  g: number;
  gByComune: Map<string, number>;
}

interface UnitInfo {
  owner: number;
  comune: string;
  aggregate: boolean;
  state: string;
  section: Section;
}

/** An Enti row and what the engine reads in each figure cell (what the TOTALE row must add up). */
interface EntiRow {
  cells: CellValue[];
  read: { totale: number; sap: number; sas: number; altri: number; g: number };
  owner: Owner | null;
}

interface SatRowData {
  cells: CellValue[];
  read: number;
  owner: Owner;
}

export const FORCED_STATE_ROWS = [35, 9036, 27038, 63042, 81044];

export function buildPlan(opts: { seed: number; rows: number; plant: boolean }): BuiltPlan {
  const rnd = prng(opts.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = rnd() * total;
    for (const [v, w] of items) if ((x -= w) < 0) return v;
    return items[items.length - 1]![0];
  };
  const oneOf = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;

  // ---- Owners
  const owners: Owner[] = [
    { name: ALER, tipo: 'ALER', comune: null, disturbed: true, weight: ALER_WEIGHT, g: 0, gByComune: new Map() },
    ...DISTURBED.map(([c, w]): Owner => ({ name: `Comune di ${c}`, tipo: 'Comune', comune: c, disturbed: true, weight: w, g: 0, gByComune: new Map() })),
    ...STABLE.map(([c, w]): Owner => ({ name: `Comune di ${c}`, tipo: 'Comune', comune: c, disturbed: false, weight: w, g: 0, gByComune: new Map() })),
  ];
  const zeroOwners: Owner[] = ZERO_G.map((c) => ({ name: `Comune di ${c}`, tipo: 'Comune', comune: c, disturbed: false, weight: 0, g: 0, gByComune: new Map() }));
  const ownerWeights = owners.map((o, i) => [i, o.weight] as const);
  const ownerOf = (name: string) => owners.findIndex((o) => o.name === name);

  // ---- Unita: 100,000 rows, one unit each or a count without ID
  const singleStates = SINGLE_STATES.map(([s, sec, w]) => [[s, sec] as const, w] as const);
  const aggregateStates = AGGREGATE_STATES.map(([s, sec, w]) => [[s, sec] as const, w] as const);
  const n = opts.rows;
  const unita: CellValue[][] = new Array(n + 1);
  unita[0] = [...UNITA];
  const units: UnitInfo[] = new Array(n);
  const ids = new Set<number>();
  const forced = new Set(FORCED_STATE_ROWS.map((r) => r - 2)); // sheet row → data index
  for (let i = 0; i < n; i++) {
    const oi = forced.has(i) ? 0 : weighted(ownerWeights);
    const o = owners[oi]!;
    const comune = o.comune ?? weighted(ALER_COMUNI);
    const aggregate = !forced.has(i) && rnd() < 0.03;
    const [state, section] = weighted(aggregate ? aggregateStates : singleStates);
    let id: CellValue = null;
    if (!aggregate) {
      let v: number;
      do v = int(3_000_000, 3_999_999);
      while (ids.has(v));
      ids.add(v);
      id = rnd() < 0.05 ? String(v) : v; // some IDs pasted as text
    }
    const count = aggregate ? int(2, 8) : 1;
    let costo: CellValue = null;
    if (section === 'b') {
      const r = rnd();
      const euros = int(10, 160) * 50; // 500 … 8,000: within the limit
      costo = r < 0.6 ? euros : r < 0.7 ? `€ ${thousands(euros)}` : null;
    } else if (section === 'c' && rnd() < 0.5) {
      costo = int(15, 90) * 1000; // renovation costs: no limit applies
    }
    const codice = o.tipo === 'ALER' ? `BS${int(100000, 199999)}` : `${o.comune!.slice(0, 3).toUpperCase()}-${int(1, 999)}`;
    unita[i + 1] = [
      id,
      codice,
      o.name,
      comune,
      state,
      rnd() < 0.85 ? 'SAP' : null,
      aggregate ? count : rnd() < 0.2 ? 1 : null,
      costo,
      rnd() < 0.05 ? oneOf(NOTES) : null,
    ];
    units[i] = { owner: oi, comune, aggregate, state, section };
    o.g += count;
    o.gByComune.set(comune, (o.gByComune.get(comune) ?? 0) + count);
  }

  // ---- Enti: each owner's stock, consistent, with g dichiarato = the units' g (or blank)
  const termine = '31/10/2024';
  const entiRows: EntiRow[] = [];
  for (const o of [...owners, ...zeroOwners].sort((x, y) => (x.tipo === y.tipo ? x.name.localeCompare(y.name, 'it') : x.tipo === 'ALER' ? -1 : 1))) {
    const sap = o.disturbed ? o.g + 6000 : o.g + int(o.g === 0 ? 4 : 20, o.g === 0 ? 30 : 400);
    const sas = rnd() < 0.4 ? 0 : int(1, 60);
    const altri = rnd() < 0.4 ? 0 : int(1, 40);
    const declared = o.disturbed || STABLE_WITHOUT_DECLARED_G.has(o.comune ?? '') ? null : o.g;
    const day = int(16, 61); // 16 September … 31 October 2024
    const date: CellValue = day <= 30 ? serial(2024, 9, day) : rnd() < 0.5 ? serial(2024, 10, day - 30) : `${String(day - 30).padStart(2, '0')}/10/2024`;
    entiRows.push({
      cells: [o.name, o.tipo, sap + sas + altri, sap, sas, altri, declared, date],
      read: { totale: sap + sas + altri, sap, sas, altri, g: declared ?? 0 },
      owner: o,
    });
  }

  // ---- Comuni: every comune of the ambito, its choices filled validly
  const comuniRows: CellValue[][] = [];
  const comuniFormats: (string | null)[][] = [];
  for (const [name, istat] of CREMASCO) {
    const fmt: (string | null)[] = Array(7).fill(null);
    let soglia: CellValue = null;
    const s = rnd();
    if (s < 0.1) {
      soglia = 0.1;
      fmt[C.soglia] = '0%';
    } else if (s < 0.6) soglia = oneOf([0, 5, 10, 15, 20]);
    const cat = rnd();
    const [categoria, motivazione] = cat < 0.3 ? oneOf(CATEGORIES) : cat < 0.45 ? ['Nessuna', null] : [null, null];
    let ffoo: CellValue = oneOf<CellValue>([null, 0, 5, 10, '10%', '5%', 'fraction']);
    if (ffoo === 'fraction') {
      ffoo = 0.1;
      fmt[C.ffoo] = '0%';
    }
    comuniRows.push([name, istat, soglia, categoria, motivazione, ffoo, oneOf(['Sì', 'Sì', 'Sì', 'SI', 'si', 'X'])]);
    comuniFormats.push(fmt);
  }

  // ---- SAT: a few units for transitional housing, within 10% of the comune's g
  const satRows: SatRowData[] = [];
  const satOwners = owners.filter((o) => !o.disturbed && !STABLE_WITHOUT_DECLARED_G.has(o.comune!));
  for (const o of satOwners) {
    const g = o.gByComune.get(o.comune!) ?? 0;
    const sat = Math.max(1, Math.floor((g * int(10, 80)) / 1000));
    satRows.push({ cells: [o.name, o.comune, sat], read: sat, owner: o });
  }

  // ---- Assegnazioni: last year's assignments per owner
  const assegnazioni: CellValue[][] = entiRows.map(({ owner }) => {
    const a = owner!.tipo === 'ALER' ? int(60, 150) : int(0, 40);
    return [owner!.name, a, int(0, Math.floor(a / 5)), int(0, Math.floor(a / 10))];
  });

  const plants: Plant[] = [];
  let unitaHeader: CellValue[] = [...UNITA];
  const entiExtra: EntiRow[] = [];
  const totalOffsets = { totale: 0, sap: 0 };
  let satTotalOffset = 0;
  const extraComuni: CellValue[][] = [];

  if (opts.plant) {
    const pr = prng(opts.seed ^ 0x5eed);
    const record = (rule: string, sheet: string, valuesRow: number, col: number, what: CellValue) =>
      plants.push({ rule, sheet, cell: a1(valuesRow, col), what: what === null ? '(vuota)' : String(what) });

    // ---------------- Unita
    const used = new Set<number>();
    const disturbed = (u: UnitInfo) => owners[u.owner]!.disturbed;
    const single = (u: UnitInfo) => !u.aggregate;
    const comuneOwner = (u: UnitInfo) => owners[u.owner]!.tipo === 'Comune';
    /** The first unused row at or after a random place (or `at`) that fits. */
    const pick = (fits: (u: UnitInfo) => boolean, at?: number): number => {
      const start = at ?? Math.floor(pr() * n);
      for (let k = 0; k < n; k++) {
        const i = (start + k) % n;
        if (!used.has(i) && fits(units[i]!)) {
          used.add(i);
          return i;
        }
      }
      throw new Error('no row fits');
    };
    const putU = (rule: string, i: number, col: number, v: CellValue) => {
      unita[i + 1]![col] = v;
      record(rule, 'Unita', i + 1, col, v);
    };
    /** A change that is no anomaly of its own (it prepares the row for the plant). */
    const setU = (i: number, col: number, v: CellValue) => {
      unita[i + 1]![col] = v;
    };

    // UNIT_STATE_UNKNOWN: the same wrong Stato on 5 rows spread over the sheet, then another on 3.
    for (const row of FORCED_STATE_ROWS) putU('UNIT_STATE_UNKNOWN', pick((u) => disturbed(u) && single(u), row - 2), U.stato, 'da verificare');
    for (let k = 0; k < 3; k++) putU('UNIT_STATE_UNKNOWN', pick(disturbed), U.stato, 'in attesa di collaudo');

    // VALUE_REQUIRED: owner, Stato, comune (of a comune's own unit) left blank.
    for (let k = 0; k < 2; k++) putU('VALUE_REQUIRED', pick(disturbed), U.ente, null);
    for (let k = 0; k < 2; k++) putU('VALUE_REQUIRED', pick(disturbed), U.stato, null);
    for (let k = 0; k < 2; k++) putU('VALUE_REQUIRED', pick((u) => disturbed(u) && comuneOwner(u)), U.comune, null);

    // Values a count or a cost cannot be.
    const aggregateOfDisturbed = (u: UnitInfo) => disturbed(u) && u.aggregate;
    putU('VALUE_NOT_NUMBER', pick(aggregateOfDisturbed), U.numero, '3 di cui 1 turnover');
    putU('VALUE_NOT_NUMBER', pick(aggregateOfDisturbed), U.numero, '1 + 5da turn over');
    putU('VALUE_NOT_NUMBER', pick(() => true), U.costo, 'da stimare');
    putU('VALUE_NOT_NUMBER', pick(() => true), U.costo, 'circa 5 mila');
    putU('VALUE_NOT_INTEGER', pick(aggregateOfDisturbed), U.numero, 2.5);
    putU('VALUE_NOT_INTEGER', pick(aggregateOfDisturbed), U.numero, '1,5');
    putU('VALUE_NOT_INTEGER', pick((u) => disturbed(u) && single(u)), U.numero, 0.5);
    putU('VALUE_NEGATIVE', pick(aggregateOfDisturbed), U.numero, -2);
    putU('VALUE_NEGATIVE', pick(() => true), U.costo, -1500);
    putU('VALUE_NEGATIVE', pick(() => true), U.costo, '-800');
    putU('VALUE_AMBIGUOUS_NUMBER', pick(aggregateOfDisturbed), U.numero, '1.028');
    putU('VALUE_AMBIGUOUS_NUMBER', pick(aggregateOfDisturbed), U.numero, 1.012);
    putU('VALUE_EXCEL_ERROR', pick(aggregateOfDisturbed), U.numero, '#N/A');
    putU('VALUE_EXCEL_ERROR', pick((u) => disturbed(u) && comuneOwner(u)), U.comune, '#REF!');
    putU('VALUE_EXCEL_ERROR', pick(disturbed), U.stato, '#VALUE!');
    putU('VALUE_EXCEL_ERROR', pick(() => true), U.costo, '#DIV/0!');
    // An ID cell with an error, on a unit that needs no ID (no UNIT_ID_MISSING at the same cell).
    putU('VALUE_EXCEL_ERROR', pick((u) => single(u) && !EXISTING_STATES.has(u.state)), U.id, '#N/A');

    // IDs.
    for (let k = 0; k < 3; k++) {
      const i = pick((u) => single(u) && u.section === 'e');
      setU(i, U.stato, 'Libero');
      putU('UNIT_ID_MISSING', i, U.id, 'non comunicato');
    }
    for (let k = 0; k < 2; k++) putU('UNIT_ID_MISSING', pick((u) => single(u) && u.section === 'b'), U.id, null);
    {
      const i = pick((u) => u.aggregate);
      setU(i, U.stato, 'Libero'); // "4 alloggi liberi" as a count: they exist, so they have IDs
      record('UNIT_ID_MISSING', 'Unita', i + 1, U.id, null);
    }
    putU('UNIT_ID_INVALID', pick(single), U.id, 'COMUNI VARI vedi allegato');
    putU('UNIT_ID_INVALID', pick(single), U.id, 'BS151846');
    putU('UNIT_ID_INVALID', pick(single), U.id, '31555-21');
    for (const copies of [2, 2, 2, 3]) {
      const first = pick(single);
      const id = unita[first + 1]![U.id]!;
      record('UNIT_ID_DUPLICATE', 'Unita', first + 1, U.id, id);
      for (let k = 1; k < copies; k++) putU('UNIT_ID_DUPLICATE', pick(single), U.id, id);
    }
    for (const count of [3, 2, 4]) putU('UNIT_ID_WITH_COUNT', pick((u) => disturbed(u) && single(u)), U.numero, count);

    // States that are no anomaly of the row's own, but exclude it from g.
    for (let k = 0; k < 5; k++) putU('UNIT_STATE_NOT_ASSIGNABLE', pick(disturbed), U.stato, 'Assegnato');
    for (let k = 0; k < 3; k++) putU('UNIT_STATE_NOT_ASSIGNABLE', pick(disturbed), U.stato, 'OCCUPATO');
    for (let k = 0; k < 4; k++) putU('UNIT_NOT_SAP', pick(disturbed), U.dest, 'SAS');
    for (const cost of [12500, '€ 9.800', 9200]) {
      putU('UNIT_WORKS_OVER_LIMIT', pick((u) => single(u) && u.section === 'b'), U.costo, cost);
    }

    // Owners.
    for (let k = 0; k < 6; k++) putU('ENTE_UNKNOWN', pick(disturbed), U.ente, 'Cooperativa La Casa');
    for (let k = 0; k < 3; k++) putU('ENTE_UNKNOWN', pick(disturbed), U.ente, 'Fondazione Casa Amica');
    const vaiano = ownerOf('Comune di Vaiano Cremasco');
    const offanengo = ownerOf('Comune di Offanengo');
    for (let k = 0; k < 6; k++) putU('ENTE_NAME_VARIANT', pick((u) => u.owner === vaiano), U.ente, 'Comune di Vaiano');
    for (let k = 0; k < 3; k++) putU('ENTE_NAME_VARIANT', pick((u) => u.owner === offanengo), U.ente, 'COMUNE DI OFFANEGO');
    for (let k = 0; k < 4; k++) putU('ENTE_ALIAS', pick((u) => u.owner === 0), U.ente, 'ALER');
    for (let k = 0; k < 2; k++) putU('ENTE_ALIAS', pick((u) => comuneOwner(u) && !disturbed(u)), U.ente, 'COMUNE');

    // Comuni.
    for (let k = 0; k < 3; k++) putU('COMUNE_UNKNOWN', pick(disturbed), U.comune, 'Cremona');
    for (let k = 0; k < 2; k++) putU('COMUNE_UNKNOWN', pick(disturbed), U.comune, 'Milano');
    for (let k = 0; k < 40; k++) putU('COMUNE_NAME_VARIANT', pick((u) => u.comune === 'Vaiano Cremasco'), U.comune, 'Vaiano');
    for (let k = 0; k < 8; k++) putU('COMUNE_NAME_VARIANT', pick((u) => u.comune === 'Castelleone'), U.comune, 'CASTELLEON');
    for (let k = 0; k < 3; k++) putU('COMUNE_NOT_SPECIFIED', pick((u) => u.owner === 0), U.comune, null);

    // Two columns named Note: which one is meant?
    unitaHeader = [...UNITA, 'Note'];
    record('HEADER_AMBIGUOUS', 'Unita', 0, UNITA.length, 'Note');

    // ---------------- Enti
    const entiUsed = new Set<EntiRow>();
    const stableRow = (fits: (e: EntiRow) => boolean = () => true): EntiRow => {
      const e = entiRows.find((x) => !entiUsed.has(x) && x.owner && !x.owner.disturbed && x.owner.g > 0 && x.cells[E.g] !== null && fits(x));
      if (!e) throw new Error('no Enti row fits');
      entiUsed.add(e);
      return e;
    };
    const entiRow = (e: EntiRow) => entiRows.indexOf(e) + 1;
    // Madignano is copied below as a duplicate: its own row stays as generated.
    entiUsed.add(entiRows.find((x) => x.owner?.comune === 'Madignano')!);
    const putE = (rule: string, e: EntiRow, col: number, v: CellValue) => {
      e.cells[col] = v;
      record(rule, 'Enti', entiRow(e), col, v);
    };
    // The comune in an owner's name misspelled (the units keep writing it right).
    {
      const e = stableRow((x) => x.owner!.comune === 'Pianengo');
      putE('COMUNE_NAME_VARIANT', e, E.ente, 'Comune di Pianeng');
    }
    // Totale ≠ SAP + SAS + altri usi (Oglio Po 2021: 331 written, 357 by the parts).
    for (const delta of [26, -8]) {
      const e = stableRow();
      e.read.totale += delta;
      putE('ENTE_TOTAL_MISMATCH', e, E.totale, e.read.totale);
    }
    {
      const e = stableRow((x) => x.owner!.g >= 2);
      e.read.sap = e.owner!.g - 1;
      e.read.totale = e.read.sap + e.read.sas + e.read.altri;
      e.cells[E.totale] = e.read.totale;
      putE('ENTE_G_EXCEEDS_SAP', e, E.sap, e.read.sap);
    }
    for (const delta of [1, -2]) {
      const e = stableRow();
      e.read.g += delta;
      putE('ENTE_G_DECLARED_MISMATCH', e, E.g, e.read.g);
    }
    putE('ENTE_LATE', stableRow(), E.data, serial(2024, 11, 15));
    putE('ENTE_LATE', stableRow(), E.data, '20/11/2024');
    putE('VALUE_NOT_NUMBER', stableRow(), E.data, 'fine ottobre');
    {
      const e = stableRow((x) => x.read.altri === 0); // still 0 once unreadable: the total stays right
      putE('VALUE_NOT_INTEGER', e, E.altri, '0,5');
    }
    putE('VALUE_NEGATIVE', stableRow((x) => x.read.sas === 0), E.sas, -3);
    {
      const e = stableRow((x) => x.read.totale >= 1000 && x.read.totale < 1_000_000);
      putE('VALUE_AMBIGUOUS_NUMBER', e, E.totale, thousands(e.read.totale));
    }
    {
      const e = stableRow();
      e.read.g = 0;
      putE('VALUE_EXCEL_ERROR', e, E.g, '#N/A');
    }
    // The same owner twice (its figures copied), and a row without the owner's name.
    {
      const model = entiRows.find((x) => x.owner?.comune === 'Madignano')!;
      const dup: EntiRow = { cells: [...model.cells], read: { ...model.read }, owner: null };
      dup.cells[E.ente] = 'COMUNE DI MADIGNANO';
      entiExtra.push(dup);
      record('ENTE_DUPLICATE', 'Enti', entiRows.length + entiExtra.length, E.ente, dup.cells[E.ente]!);
      const nameless: EntiRow = { cells: [null, 'Operatore accreditato', 12, 12, 0, 0, null, serial(2024, 10, 2)], read: { totale: 12, sap: 12, sas: 0, altri: 0, g: 0 }, owner: null };
      entiExtra.push(nameless);
      record('VALUE_REQUIRED', 'Enti', entiRows.length + entiExtra.length, E.ente, null);
    }
    // The TOTALE row: Totale and SAP written wrong (Crema 2019: 1,711 / 1,696 printed, 1,703 / 1,688 added up).
    totalOffsets.totale = 8;
    totalOffsets.sap = 8;
    const totalRow = entiRows.length + entiExtra.length + 1;
    record('INPUT_TOTAL_MISMATCH', 'Enti', totalRow, E.totale, 'Totale');
    record('INPUT_TOTAL_MISMATCH', 'Enti', totalRow, E.sap, 'Totale');

    // ---------------- Comuni
    const comuniUsed = new Set<number>();
    const noMentions = new Set(['Camisano', 'Campagnola Cremasca', 'Casaletto Ceredano', 'Casaletto di Sopra', 'Casaletto Vaprio', 'Castel Gabbiano', 'Cumignano sul Naviglio', 'Fiesco', 'Gombito', 'Moscazzano', 'Pieranica', 'Ricengo', 'Ripalta Arpina', 'Ripalta Guerina', 'Ticengo', 'Torlino Vimercati']);
    const comuneRow = (fits: (name: string) => boolean): number => {
      const r = comuniRows.findIndex((row, k) => !comuniUsed.has(k) && fits(row[C.comune] as string));
      if (r < 0) throw new Error('no Comuni row fits');
      comuniUsed.add(r);
      return r;
    };
    const putC = (rule: string, fits: (name: string) => boolean, col: number, v: CellValue, fmt?: string) => {
      const r = comuneRow(fits);
      comuniRows[r]![col] = v;
      comuniFormats[r]![col] = fmt ?? null;
      record(rule, 'Comuni', r + 1, col, v);
    };
    const any = () => true;
    // Names nobody else writes: a blank name and a misspelling leave no Unita or Enti row unresolved.
    putC('VALUE_REQUIRED', (c) => c === 'Torlino Vimercati', C.comune, null);
    putC('COMUNE_NOT_OFFICIAL', (c) => c === 'Ticengo', C.comune, 'Tichengo');
    putC('COMUNE_NOT_OFFICIAL', (c) => c === 'Ripalta Guerina', C.comune, 'Ripalta Guerrina');
    putC('COMUNE_NO_RESPONSE', (c) => c === 'Chieve', C.risposta, 'No');
    putC('COMUNE_NO_RESPONSE', (c) => noMentions.has(c), C.risposta, 'NO');
    putC('COMUNE_NO_RESPONSE', (c) => c === 'Crema', C.risposta, 'no');
    putC('FFOO_OVER_LIMIT', any, C.ffoo, 15);
    putC('FFOO_OVER_LIMIT', any, C.ffoo, '12%');
    putC('FFOO_OVER_LIMIT', any, C.ffoo, 0.2, '0%');
    putC('INDIGENTI_OUT_OF_RANGE', any, C.soglia, 90);
    putC('INDIGENTI_OUT_OF_RANGE', any, C.soglia, '85%');
    for (const [categoria] of CATEGORIES.slice(0, 2)) {
      const r = comuneRow(any);
      comuniRows[r]![C.categoria] = categoria;
      comuniRows[r]![C.motivazione] = null;
      record('CATEGORY_WITHOUT_MOTIVATION', 'Comuni', r + 1, C.motivazione, categoria);
    }
    putC('VALUE_NOT_NUMBER', any, C.soglia, 'vedi delibera');
    putC('VALUE_NEGATIVE', any, C.ffoo, -5);
    putC('VALUE_EXCEL_ERROR', any, C.istat, '#REF!');
    putC('VALUE_EXCEL_ERROR', any, C.risposta, '#N/A');
    // Comuni merged in 2019, pasted from an old list.
    for (const [name, istat] of [['Piadena', '019071'], ['Drizzona', '019042']] as const) {
      extraComuni.push([name, istat, null, null, null, 0, 'Sì']);
      record('COMUNE_CEASED', 'Comuni', comuniRows.length + extraComuni.length, C.comune, name);
    }

    // ---------------- SAT (rows of stable owners: their g does not move)
    const satUsed = new Set<SatRowData>();
    const satRow = (fits: (s: SatRowData) => boolean = () => true): [SatRowData, number] => {
      const k = satRows.findIndex((s) => !satUsed.has(s) && fits(s));
      if (k < 0) throw new Error('no SAT row fits');
      satUsed.add(satRows[k]!);
      return [satRows[k]!, k + 1];
    };
    const putS = (rule: string, fits: ((s: SatRowData) => boolean) | undefined, col: number, v: CellValue, read?: number) => {
      const [s, r] = satRow(fits);
      s.cells[col] = v;
      if (read !== undefined) s.read = read;
      record(rule, 'SAT', r, col, v);
    };
    putS('COMUNE_NAME_VARIANT', (s) => s.owner.comune === 'Vaiano Cremasco', S.comune, 'Vaiano');
    putS('ENTE_NAME_VARIANT', (s) => s.owner.comune === 'Offanengo', S.ente, 'COMUNE DI OFFANEGO');
    {
      const [s, r] = satRow();
      s.read = (s.owner.gByComune.get(s.owner.comune!) ?? 0) + 3;
      s.cells[S.sat] = s.read;
      record('SAT_EXCEEDS_G', 'SAT', r, S.sat, s.read);
    }
    {
      const [s, r] = satRow();
      s.read = Math.floor((s.owner.gByComune.get(s.owner.comune!) ?? 0) / 4);
      s.cells[S.sat] = s.read;
      record('SAT_OVER_SHARE', 'SAT', r, S.sat, s.read);
    }
    putS('COMUNE_NOT_SPECIFIED', undefined, S.comune, null);
    putS('VALUE_REQUIRED', undefined, S.ente, null);
    putS('VALUE_REQUIRED', undefined, S.sat, null, 0);
    putS('VALUE_NOT_INTEGER', undefined, S.sat, '2,5', 0);
    putS('VALUE_NOT_NUMBER', undefined, S.sat, 'due', 0);
    putS('VALUE_NEGATIVE', undefined, S.sat, -1, 0);
    putS('VALUE_EXCEL_ERROR', undefined, S.sat, '#N/A', 0);
    satTotalOffset = 5;
    record('INPUT_TOTAL_MISMATCH', 'SAT', satRows.length + 1, S.sat, 'Totale');

    // ---------------- Assegnazioni
    {
      const r = assegnazioni.findIndex((row) => row[0] === ALER);
      assegnazioni[r]![2] = (assegnazioni[r]![1] as number) + 2;
      record('ASSIGNED_BREAKDOWN_EXCEEDS', 'Assegnazioni', r + 1, 1, assegnazioni[r]![1]!);
    }
  }

  // ---- The workbook
  const allEnti = [...entiRows, ...entiExtra];
  const sum = (k: keyof EntiRow['read']) => allEnti.reduce((s, e) => s + e.read[k], 0);
  const entiSheet: CellValue[][] = [
    [...ENTI],
    ...allEnti.map((e) => e.cells),
    ['Totale', null, sum('totale') + totalOffsets.totale, sum('sap') + totalOffsets.sap, sum('sas'), sum('altri'), sum('g'), null],
  ];
  const comuniSheet = [[...COMUNI], ...comuniRows, ...extraComuni];
  const comuniFmt = [Array(7).fill(null), ...comuniFormats, ...extraComuni.map(() => Array(7).fill(null))];
  const satSheet: CellValue[][] = [[...SAT], ...satRows.map((s) => s.cells), ['Totale', null, satRows.reduce((t, s) => t + s.read, 0) + satTotalOffset]];
  unita[0] = unitaHeader;
  if (unitaHeader.length > UNITA.length) for (let i = 1; i <= n; i++) unita[i]!.push(null);

  const sheet = (name: string, values: CellValue[][], formats?: (string | null)[][]): SheetSnapshot => {
    const width = values.reduce((w, r) => Math.max(w, r.length), 0);
    for (const r of values) while (r.length < width) r.push(null);
    return { name, originRow: 0, originCol: 0, values, ...(formats ? { formats } : {}) };
  };
  const snapshot: WorkbookSnapshot = {
    sheets: [
      sheet('Ambito', [
        ['Ambito territoriale', 'Ambito Distrettuale Cremasco'],
        ['Comune capofila', 'Crema'],
        ['Anno di riferimento', 2025],
        ['Termine comunicazioni', termine],
      ]),
      sheet('Comuni', comuniSheet, comuniFmt),
      sheet('Enti', entiSheet),
      sheet('Unita', unita),
      sheet('SAT', satSheet),
      sheet('Assegnazioni', [[...ASSEGNAZIONI], ...assegnazioni]),
    ],
  };
  return { snapshot, plants, unitRows: n };
}
