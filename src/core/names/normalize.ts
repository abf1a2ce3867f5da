/**
 * Name keys: how two spellings of the same comune, owner or header are recognised as one.
 * Case, accents, apostrophes, hyphens, dots and spaces do not count.
 */

const COMBINING = /[\u0300-\u036f]/g;

/** Lower case, no accents, every run of non-alphanumerics folded to one space, trimmed. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The comparison key of a name: folded, with no separators at all ("Corte de' Frati" → "cortedefrati"). */
export function nameKey(s: string): string {
  return foldText(s).replace(/ /g, '');
}

/** Clean a cell's text the way people expect: leading apostrophe, non-breaking and repeated spaces. */
export function cleanText(s: string): string {
  return s.replace(/^'/, '').replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
}
