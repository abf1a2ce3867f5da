/**
 * What was checked and whether it may go to the Assemblea (spec, "Scope and readiness"). A plan is
 * Unita plus at least one of Ambito, Comuni, Enti; Unita alone is one owner's list; no Unita at all is
 * no plan, and nothing should be written for it.
 */
import { joinNames } from './italian';
import { PlanModel } from './reading/plan';
import { TABLES } from './reading/schema';
import { WorkbookSnapshot } from './snapshot';

export type Scope = 'ambito' | 'ente';

export interface Readiness {
  scope: Scope;
  ready: boolean;
  /** For scope "ambito": what is missing for the Assemblea beyond the errors, in Italian (empty when ready). */
  missing: string[];
  /** For scope "ente": the owner(s) the list is of, as resolved. */
  owners: string[];
}

/** Thrown by the engine when no sheet can be read as Unita: shells say so and write nothing. */
export class NotAPlanError extends Error {
  readonly code = 'NOT_A_PLAN';
  constructor(message: string) {
    super(message);
    this.name = 'NotAPlanError';
  }
}

const quoted = (names: readonly string[]) => names.map((n) => `«${n}»`);

/** The Italian sentences for a workbook with no unit list: what was looked for and what was found (each shell adds what to do there). */
export function notAPlanMessage(snapshot: WorkbookSnapshot): string {
  const required = TABLES.Unita.fields.filter((f) => f.required).map((f) => f.headers[0]!);
  const sheets = snapshot.sheets.map((s) => {
    const empty = s.values.every((row) => row.every((v) => v === null || v === ''));
    return `«${s.name}»${empty ? ' (vuoto)' : ''}`;
  });
  const found = sheets.length ? `Fogli presenti: ${joinNames(sheets)}.` : 'Il file non ha fogli.';
  return (
    "Questo file non contiene un piano da controllare: nessun foglio ha l'elenco delle unità abitative. " +
    `Piano Offerta cerca un foglio chiamato «Unita» (o «Unità»), oppure un foglio con le colonne ${joinNames(quoted(required))}, ` +
    "oppure le tabelle del piano incollate con i loro titoli («b) Unità abitative … in carenza manutentiva …»): è dai titoli che le riconosce. " +
    found
  );
}

export function readinessOf(model: PlanModel, errors: number): Readiness {
  const { tables, ambito } = model.located;
  const isPlan = ambito !== null || tables.Comuni !== undefined || tables.Enti !== undefined;
  if (!isPlan) {
    const owners = [...new Set(model.units.flatMap((u) => (u.ente.name ? [u.ente.name] : [])))];
    return { scope: 'ente', ready: false, missing: [], owners };
  }
  const missing: string[] = [];
  const sheet = (kind: keyof typeof tables) => tables[kind]?.sheet.name;
  if (!ambito) missing.push("manca il foglio «Ambito» (nome dell'ambito e anno)");
  else {
    const absent = [model.config.ambito ? null : "il nome dell'ambito", model.config.anno ? null : "l'anno"].filter((x): x is string => x !== null);
    if (absent.length) missing.push(`nel foglio «${ambito.sheet.name}» ${absent.length > 1 ? 'mancano' : 'manca'} ${joinNames(absent)}`);
  }
  const rows = (kind: 'Comuni' | 'Enti', what: string) => {
    const name = sheet(kind);
    if (!name) missing.push(`manca il foglio «${kind}» (${what})`);
    else if (tables[kind]!.dataRows.length === 0) missing.push(`il foglio «${name}» non ha righe (${what})`);
  };
  // Comuni pasted from the h, i, d bis tables are those that chose something, not the ambito's list
  // with who answered: the Assemblea needs that list.
  if (tables.Comuni?.pasted?.partial) missing.push("manca il foglio «Comuni» (l'elenco dei comuni dell'ambito con chi ha risposto: le tabelle incollate h, i e d bis nominano solo i comuni che hanno scelto qualcosa)");
  else rows('Comuni', "i comuni dell'ambito");
  rows('Enti', 'gli enti proprietari, sezione a');
  if (!sheet('Assegnazioni')) missing.push("manca il foglio «Assegnazioni» (unità assegnate l'anno precedente, sezione k)");
  return { scope: 'ambito', ready: errors === 0 && missing.length === 0, missing, owners: [] };
}
