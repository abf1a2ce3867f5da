/**
 * What a section's title says, read by its words and never by its letter: the letters shift between
 * plans (seed 002's "d)" is the libere/turnover section, its "f)" the g table), the words do not.
 */
import { foldText } from '../../names/normalize';
import { CanonicalState } from '../states';

/** The plan's sections as pasted: a) stock, b–f units, g declared totals, h/i/d bis per comune, j SAT, k assigned. */
export type SectionKind =
  | { kind: 'enti' }
  | { kind: 'units'; state: CanonicalState }
  | { kind: 'g' }
  | { kind: 'comuni'; field: 'soglia' | 'categoria' | 'ffoo' }
  | { kind: 'sat' }
  | { kind: 'assegnazioni' };

const has = (f: string, ...words: RegExp[]) => words.some((w) => w.test(f));

/** The longest text a title may be (a paragraph of the premessa is no title). */
const MAX_TITLE = 400;

/**
 * The section a title (or a sub-title such as "già libere") introduces; null when its words name none.
 * The order matters: the g title ends "(somma … lettere da b ad f)", k's mentions assegnate, and so on.
 */
export function sectionOfTitle(text: string): SectionKind | null {
  if (text.length > MAX_TITLE) return null;
  const f = ` ${foldText(text)} `;
  if (has(f, / consistenza /)) return { kind: 'enti' };
  // k before g: «Numero complessivo delle unità assegnate nel corso dell'anno precedente» is k.
  if (has(f, / assegnat[ei] (nel corso dell anno precedente|l anno precedente|nell anno precedente)/)) return { kind: 'assegnazioni' };
  if (has(f, / numero complessivo /, / complessivamente disponibil/, / quadro riepilogativo /, / somma del numero /)) return { kind: 'g' };
  if (has(f, / transitor/)) return { kind: 'sat' };
  if (has(f, / conferit/) && has(f, / privat/)) return { kind: 'units', state: 'Conferito da privati' };
  if (has(f, / forze di polizia /, / vigili del fuoco /)) return { kind: 'comuni', field: 'ffoo' };
  if (has(f, / soglia /) && has(f, / indigen/, / 20 /)) return { kind: 'comuni', field: 'soglia' };
  if (has(f, / categori[ae] /) && has(f, / aggiuntiv/, / rilevanza sociale /)) return { kind: 'comuni', field: 'categoria' };
  if (has(f, / carenz/, / stato di fatto /)) return { kind: 'units', state: 'Carenza manutentiva' };
  // A title naming nuova edificazione and ristrutturazione together counts as c (spec).
  if (has(f, / ristruttur/, / recuper/, / riqualific/)) return { kind: 'units', state: 'Ristrutturazione' };
  if (has(f, / nuova edificazion/, / nuove costruzion/)) return { kind: 'units', state: 'Nuova edificazione' };
  const turnover = has(f, / turn ?over /, / si liberer/, / avvicendament/);
  const free = has(f, / gia liber/, / liber[ei] /, / immed[a-z]*mente disponibil/);
  if (turnover && free) return { kind: 'units', state: 'Libero o turnover' };
  if (turnover) return { kind: 'units', state: 'Turnover' };
  if (free) return { kind: 'units', state: 'Libero' };
  return null;
}

/**
 * A sheet named after its section, as short as people name tabs («b) carenza», «f) totale»,
 * «k) assegnate»): the title's words first, then single telling words. The letter never decides.
 */
export function sectionOfSheetName(name: string): SectionKind | null {
  const byTitle = sectionOfTitle(name);
  if (byTitle) return byTitle;
  const f = ` ${foldText(name)} `;
  if (has(f, / patrimonio /)) return { kind: 'enti' };
  if (has(f, / assegnat[ei] /)) return { kind: 'assegnazioni' };
  if (has(f, / totale /, / totali /, / complessiv/)) return { kind: 'g' };
  if (has(f, / privat/)) return { kind: 'units', state: 'Conferito da privati' };
  if (has(f, / indigen/)) return { kind: 'comuni', field: 'soglia' };
  if (has(f, / categori/)) return { kind: 'comuni', field: 'categoria' };
  if (has(f, / polizia /, / vigili /, / ffoo /, / ff oo /)) return { kind: 'comuni', field: 'ffoo' };
  if (has(f, / sat /)) return { kind: 'sat' };
  if (has(f, / nuov[ae] /)) return { kind: 'units', state: 'Nuova edificazione' };
  return null;
}

/** "Nessun Ente Proprietario ha comunicato…", "Nessun Comune ha individuato…": the section is empty. */
export function saysNone(text: string): boolean {
  const f = foldText(text);
  return /^(nessun[oa]?|non (sono|risultano|e stat)) /.test(f) || /\besentat/.test(f);
}

const UNIT_LABELS: Record<CanonicalState, string> = {
  'Carenza manutentiva': 'carenza manutentiva',
  Ristrutturazione: 'ristrutturazione e recupero',
  'Nuova edificazione': 'nuova edificazione',
  Libero: 'già libere',
  Turnover: 'turnover',
  'Libero o turnover': 'libere e turnover',
  'Conferito da privati': 'conferite da privati',
};

/** The plan's order of the sections (a, b … k, with d bis after h), for listing them. */
export function sectionOrder(s: SectionKind | { kind: 'list' }): number {
  switch (s.kind) {
    case 'enti': return 0;
    case 'units': return 1 + Object.keys(UNIT_LABELS).indexOf(s.state);
    case 'list': return 9;
    case 'g': return 10;
    case 'comuni': return s.field === 'soglia' ? 11 : s.field === 'ffoo' ? 12 : 13;
    case 'sat': return 14;
    case 'assegnazioni': return 15;
  }
}

/**
 * The section as the pane and the command line name it: by its content, never by a letter (the
 * letters differ from one document to the next: Crema 2021's «f)» is the table of totals).
 */
export function sectionLabel(s: SectionKind | { kind: 'list' }): string {
  switch (s.kind) {
    case 'list': return "elenco delle unità di un ente (come l'Allegato B dell'ALER)";
    case 'enti': return 'consistenza del patrimonio';
    case 'units': return UNIT_LABELS[s.state];
    case 'g': return 'totali per ente e comune';
    case 'comuni': return s.field === 'soglia' ? 'soglia indigenti' : s.field === 'categoria' ? 'categorie aggiuntive' : 'Forze di Polizia e Vigili del Fuoco';
    case 'sat': return 'servizi abitativi transitori';
    case 'assegnazioni': return "assegnate l'anno precedente";
  }
}
