/**
 * The Stato vocabulary: which section of the plan a unit falls in, matched on key words, case- and
 * accent-insensitively, so that ALER's "SFITTO PER CARENZE MANUTENTIVE ASSEGNABILE IN
 * AUTO-MANUTENZIONE" and a comune's "Carenza manutentiva" land in the same place.
 */
import { foldText } from '../names/normalize';

export type Section = 'b' | 'c' | 'd' | 'e' | 'f';
export const SECTIONS: readonly Section[] = ['b', 'c', 'd', 'e', 'f'];

export type StateClass =
  | { kind: 'assignable'; section: Section; state: CanonicalState }
  | { kind: 'not-assignable'; state: string }
  | { kind: 'unknown' };

export type CanonicalState =
  | 'Carenza manutentiva'
  | 'Ristrutturazione'
  | 'Nuova edificazione'
  | 'Libero'
  | 'Turnover'
  | 'Libero o turnover'
  | 'Conferito da privati';

export const SECTION_LABELS: Record<Section, string> = {
  b: 'Carenza manutentiva (assegnabili nello stato di fatto)',
  c: 'Ristrutturazione, recupero, riqualificazione',
  d: 'Nuova edificazione',
  e: 'Libere e turnover',
  f: 'Conferite da privati',
};

const cache = new Map<string, StateClass>();

export function classifyState(written: string): StateClass {
  let c = cache.get(written);
  if (!c) {
    c = classify(` ${foldText(written)} `);
    if (cache.size < 10000) cache.set(written, c);
  }
  return c;
}

function has(f: string, ...words: RegExp[]): boolean {
  return words.some((w) => w.test(f));
}

function classify(f: string): StateClass {
  const turnover = has(f, /turn ?over/, /si liberer/, /avvicendament/, /\bliberand/);
  const free = has(f, /\bliber[oaie]\b/, /\bgia liber/);
  // Negations first: "Non disponibile", "Non libero" must never read as free units.
  if (has(f, /\bnon assegnabil/, /\bnon (disponibil|liber)/, /\bindisponibil/, /\bassegnat[oaie]\b/, /\boccupat[oaie]\b/, /\bvendita\b/, /\balienat/, /\balienazion/, /\baltri usi\b/, /\bdemolit/, /\binagibil/)) {
    return { kind: 'not-assignable', state: f.trim() };
  }
  if (has(f, /carenz/, /auto ?manutenzion/, /stato di fatto/)) return { kind: 'assignable', section: 'b', state: 'Carenza manutentiva' };
  if (has(f, /ristruttur/, /\brecuper/, /riqualific/)) return { kind: 'assignable', section: 'c', state: 'Ristrutturazione' };
  if (has(f, /nuova (edificazion|costruzion)/, /nuove costruzion/)) return { kind: 'assignable', section: 'd', state: 'Nuova edificazione' };
  if (has(f, /conferit/, /da privati/)) return { kind: 'assignable', section: 'f', state: 'Conferito da privati' };
  if (free && turnover) return { kind: 'assignable', section: 'e', state: 'Libero o turnover' };
  if (turnover) return { kind: 'assignable', section: 'e', state: 'Turnover' };
  if (free || has(f, /\bdisponibil[ei]\b/)) return { kind: 'assignable', section: 'e', state: 'Libero' };
  return { kind: 'unknown' };
}
