/**
 * Rule tests: the standard sheets' headers, a unit row by field name, and the anomalies of one rule.
 */
import { EngineResult, check } from '../../src/core/engine';
import { Anomaly } from '../../src/core/rules/rule';
import { CellValue } from '../../src/core/snapshot';
import { snapshot } from './workbooks';

type Rows = CellValue[][];
type Sheets = Record<string, Rows>;
type Formats = Record<string, Record<string, string>>;

/** Columns A–I of the Unita sheet. */
export const UNITA = ['ID unità', 'Codice ente', 'Ente proprietario', 'Comune', 'Stato', 'Destinazione', 'Numero unità', 'Costo lavori €', 'Note'];
/** Columns A–H of the Enti sheet. */
export const ENTI = ['Ente proprietario', 'Tipo ente', 'Totale unità', 'Unità SAP', 'Unità SAS', 'Unità altri usi', 'g dichiarato', 'Data ricezione'];
/** Columns A–G of the Comuni sheet. */
export const COMUNI = ['Comune', 'Codice ISTAT', 'Soglia indigenti oltre il 20%', 'Categoria aggiuntiva', 'Motivazione categoria', '% Forze di Polizia e VVF', 'Comunicazione ricevuta'];
/** Columns A–C of the SAT sheet. */
export const SAT = ['Ente proprietario', 'Comune', 'Unità SAT'];
/** Columns A–D of the Assegnazioni sheet. */
export const ASSEGNAZIONI = ['Ente proprietario', 'Unità assegnate', 'di cui in deroga', "di cui mobilità d'ufficio"];

export interface UnitSpec {
  id?: CellValue;
  codice?: CellValue;
  ente?: CellValue;
  comune?: CellValue;
  stato?: CellValue;
  dest?: CellValue;
  n?: CellValue;
  costo?: CellValue;
  note?: CellValue;
}

/** The Unita sheet: header on row 1, one unit per spec from row 2. */
export function unita(...units: UnitSpec[]): Rows {
  return [UNITA, ...units.map((u) => [u.id ?? null, u.codice ?? null, u.ente ?? null, u.comune ?? null, u.stato ?? null, u.dest ?? null, u.n ?? null, u.costo ?? null, u.note ?? null])];
}

/** Comuni with only a name (the other columns blank). */
export function comuni(...names: string[]): Rows {
  return [COMUNI, ...names.map((n) => [n])];
}

export function run(sheets: Sheets, formats: Formats = {}): EngineResult {
  return check(snapshot(sheets, formats));
}

/** The anomalies one rule reported, on sheets to check or on a result already computed. */
export function anomaliesOf(input: Sheets | EngineResult, code: string, formats: Formats = {}): Anomaly[] {
  const result = isResult(input) ? input : run(input, formats);
  return result.anomalies.filter((a) => a.rule === code);
}

function isResult(x: Sheets | EngineResult): x is EngineResult {
  return 'writePlan' in x && 'report' in x && !Array.isArray((x as EngineResult).report);
}
