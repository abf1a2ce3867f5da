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

/** "Nessun Ente Proprietario ha comunicato…", "Nessun Comune ha individuato…": the section is empty. */
export function saysNone(text: string): boolean {
  const f = foldText(text);
  return /^(nessun[oa]?|non (sono|risultano|e stat)) /.test(f) || /\besentat/.test(f);
}

const UNIT_LABELS: Record<CanonicalState, string> = {
  'Carenza manutentiva': 'b) carenza manutentiva',
  Ristrutturazione: 'c) ristrutturazione e recupero',
  'Nuova edificazione': 'd) nuova edificazione',
  Libero: 'e) già libere',
  Turnover: 'e) turnover',
  'Libero o turnover': 'e) libere e turnover',
  'Conferito da privati': 'f) conferite da privati',
};

/** The section as the pane and the command line name it, by its content (the letters of the seeds 000 and 001). */
export function sectionLabel(s: SectionKind | { kind: 'list' }): string {
  switch (s.kind) {
    case 'list': return "elenco delle unità di un ente (come l'Allegato B dell'ALER)";
    case 'enti': return 'a) consistenza del patrimonio';
    case 'units': return UNIT_LABELS[s.state];
    case 'g': return 'g) totale per ente e comune';
    case 'comuni': return s.field === 'soglia' ? 'h) soglia indigenti' : s.field === 'categoria' ? 'i) categorie aggiuntive' : 'd bis) Forze di Polizia e Vigili del Fuoco';
    case 'sat': return 'j) servizi abitativi transitori';
    case 'assegnazioni': return "k) assegnate l'anno precedente";
  }
}
