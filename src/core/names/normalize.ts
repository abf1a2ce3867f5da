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
/** True when the text has a leading apostrophe, edge or repeated spaces, or odd white space. */
function needsCleaning(s: string): boolean {
  const last = s.length - 1;
  if (last < 0) return false;
  let prevSpace = false;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === last || prevSpace) return true;
      prevSpace = true;
    } else {
      if (c < 32 || c === 0xa0 || c === 0x2007 || c === 0x202f || (c === 39 && i === 0)) return true;
      prevSpace = false;
    }
  }
  return false;
}

export function cleanText(s: string): string {
  // Most cells are already clean: skip the replacements (a hot path on 100,000-row sheets).
  if (!needsCleaning(s)) return s;
  return s.replace(/^'/, '').replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
}
