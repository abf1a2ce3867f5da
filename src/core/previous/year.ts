/**
 * A previous year's plan, as the comparison needs it (spec, "Comparison with the previous year"):
 * read from last year's workbook (the same engine reading as this year's) or from last year's JSON
 * report (schemaVersion 1). A report carries only section g, so unit IDs, the SAP stock and the
 * comuni's answers are known only from a workbook; the rules say nothing where the data is absent.
 */
import { nameKey } from '../names/normalize';
import { PlanModel } from '../reading/plan';
import { idKey } from '../reading/unit-id';
import { Report, reportSchema } from '../report';
import { SectionG } from '../section-g';

export interface PreviousUnit {
  id: string;
  ente: string | null;
  comune: string | null;
  /** Counted in section g last year (an SAP unit of an assignable state). */
  assignable: boolean;
}

export interface PreviousOwner {
  ente: string;
  /** Section g of the owner last year. */
  g: number;
  /** Unità SAP in the Enti sheet (section a); null when unknown (a report, a blank cell). */
  sap: number | null;
  totale: number | null;
  /** It sent its data (rows in Unita, or a declared g in Enti); a report: it has section g rows. */
  answered: boolean;
}

export interface YearSummary {
  /** The file it came from, as messages name it. */
  label: string;
  source: 'workbook' | 'report';
  ambito: string | null;
  anno: number | null;
  /** By nameKey of the owner's name. */
  owners: Map<string, PreviousOwner>;
  /** Comuni of the Comuni sheet by nameKey, with «Comunicazione ricevuta»; null from a report. */
  comuni: Map<string, { comune: string; risposta: boolean | null }> | null;
  /** Units with a valid ID, by idKey; null from a report. */
  units: Map<string, PreviousUnit> | null;
}

const keys = new Map<string, string>();
/** nameKey of an owner's or comune's name, remembered: 100,000 units name a few hundred owners. */
export function keyOf(name: string): string {
  let k = keys.get(name);
  if (k === undefined) {
    if (keys.size > 50_000) keys.clear();
    keys.set(name, (k = nameKey(name)));
  }
  return k;
}

/** A previous year that cannot be compared: the message says why, in Italian (the CLI exits 2). */
export class PreviousYearError extends Error {}

/** Owners that sent data this year or last: rows in Unita, or a declared g in Enti. */
export function answeringOwners(model: PlanModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const u of model.units) if (u.ente.name) out.set(keyOf(u.ente.name), u.ente.name);
  for (const e of model.enti) if (e.name && e.gDichiarato !== null) out.set(nameKey(e.name), e.name);
  return out;
}

/** A year read by the engine (its model and section g), as the comparison keeps it. */
export function summarizeResult(result: { model: PlanModel; sectionG: SectionG }, label: string): YearSummary {
  const { model, sectionG } = result;
  const anno = model.config.anno !== null && Number.isInteger(model.config.anno) ? model.config.anno : null;
  const owners = new Map<string, PreviousOwner>();
  const owner = (ente: string): PreviousOwner => {
    const k = keyOf(ente);
    let o = owners.get(k);
    if (!o) owners.set(k, (o = { ente, g: 0, sap: null, totale: null, answered: false }));
    return o;
  };
  for (const e of model.enti) {
    if (!e.name) continue;
    const o = owner(e.name);
    o.sap = e.sap;
    o.totale = e.totale;
  }
  for (const r of sectionG.byEnte) owner(r.ente).g = r.g;
  for (const name of answeringOwners(model).values()) owner(name).answered = true;
  const comuni = new Map<string, { comune: string; risposta: boolean | null }>();
  for (const c of model.comuni) if (c.written) comuni.set(nameKey(c.written), { comune: c.written, risposta: c.risposta });
  const units = new Map<string, PreviousUnit>();
  for (const u of model.units) {
    if (u.idKind !== 'valid' || u.id === null) continue;
    units.set(idKey(u.id), {
      id: u.id, ente: u.ente.name, comune: u.comune.name,
      assignable: !u.sas && u.count !== null && u.state?.kind === 'assignable',
    });
  }
  return { label, source: 'workbook', ambito: model.config.ambito, anno, owners, comuni: model.hasComuniSheet ? comuni : null, units };
}

/** Last year's JSON report (schemaVersion 1), validated; only section g is there to compare. */
export function summarizeReport(json: unknown, label: string): YearSummary {
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) {
    throw new PreviousYearError(`«${label}» non è un report JSON di Piano Offerta (schemaVersion 1): indicare il report scritto con --json, o la cartella .xlsx dell'anno precedente.`);
  }
  const report: Report = parsed.data;
  const owners = new Map<string, PreviousOwner>();
  for (const r of report.sectionG) {
    const k = nameKey(r.ente);
    const o = owners.get(k) ?? { ente: r.ente, g: 0, sap: null, totale: null, answered: true };
    o.g += r.g;
    owners.set(k, o);
  }
  return { label, source: 'report', ambito: report.ambito, anno: report.anno, owners, comuni: null, units: null };
}

/**
 * Checks the previous years against this one: the same ambito (names compared as the engine compares
 * them) and the years before it, one each. Returns them most recent first; throws PreviousYearError.
 */
export function orderPrevious(current: { ambito: string | null; anno: number | null }, previous: readonly YearSummary[]): YearSummary[] {
  if (previous.length === 0) return [];
  if (current.anno === null) throw new PreviousYearError("Per il confronto con l'anno precedente serve l'anno del piano: indicarlo nel foglio «Ambito» («Anno di riferimento»).");
  for (const p of previous) {
    if (p.anno === null) throw new PreviousYearError(`«${p.label}» non indica l'anno: non si può confrontare con il piano ${current.anno}.`);
    if (current.ambito && p.ambito && nameKey(current.ambito) !== nameKey(p.ambito)) {
      throw new PreviousYearError(`«${p.label}» è il piano di un altro ambito («${p.ambito}»), non di «${current.ambito}»: indicare il piano dello stesso ambito.`);
    }
    if (p.anno >= current.anno) {
      throw new PreviousYearError(`«${p.label}» è il piano ${p.anno}, non di un anno precedente al ${current.anno}: indicare il piano ${current.anno - 1}.`);
    }
  }
  const sorted = [...previous].sort((x, y) => y.anno! - x.anno!);
  sorted.forEach((p, i) => {
    const want = current.anno! - 1 - i;
    if (p.anno !== want) {
      throw new PreviousYearError(`Gli anni precedenti devono essere consecutivi: dopo il piano ${current.anno} si attendeva il ${want}, ma «${p.label}» è il piano ${p.anno}.`);
    }
  });
  return sorted;
}
