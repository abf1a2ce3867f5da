/**
 * Resolving a name as written to one of a known list (the ambito's comuni, the official list, the
 * owners): an exact match is silent; a single confident near match (a unique prefix, or a small edit
 * distance with no rival close to it) is a variant; anything else is unknown, with suggestions.
 */
import { distance } from 'fastest-levenshtein';
import { foldText, nameKey } from './normalize';

export type Resolution =
  | { kind: 'exact'; name: string }
  | { kind: 'variant'; name: string; how: 'prefix' | 'spelling' | 'words' }
  | { kind: 'unknown'; suggestions: string[] };

/** The largest edit distance still taken for a slip of the keyboard, by the length of the name. */
function tolerance(len: number): number {
  if (len >= 10) return 2;
  if (len >= 5) return 1;
  return 0;
}

export class NameResolver {
  private readonly byKey = new Map<string, string>();
  private readonly entries: { key: string; name: string; words: string[] }[] = [];
  private readonly cache = new Map<string, Resolution>();

  constructor(names: Iterable<string>) {
    for (const name of names) {
      const key = nameKey(name);
      if (key === '' || this.byKey.has(key)) continue;
      this.byKey.set(key, name);
      this.entries.push({ key, name, words: foldText(name).split(' ') });
    }
  }

  get size(): number {
    return this.entries.length;
  }

  has(name: string): boolean {
    return this.byKey.has(nameKey(name));
  }

  resolve(written: string): Resolution {
    const cached = this.cache.get(written);
    if (cached) return cached;
    const r = this.compute(nameKey(written), foldText(written).split(' '));
    this.cache.set(written, r);
    return r;
  }

  private compute(key: string, words: string[]): Resolution {
    if (key === '') return { kind: 'unknown', suggestions: [] };
    const exact = this.byKey.get(key);
    if (exact !== undefined) return { kind: 'exact', name: exact };
    if (key.length >= 4) {
      const prefixed = this.entries.filter((e) => e.key.startsWith(key));
      if (prefixed.length === 1) return { kind: 'variant', name: prefixed[0]!.name, how: 'prefix' };
    }
    const scored = this.entries
      .map((e) => ({ e, d: distance(key, e.key) }))
      .sort((x, y) => x.d - y.d || x.e.name.localeCompare(y.e.name));
    const best = scored[0];
    if (best && best.d <= tolerance(key.length)) {
      const rival = scored[1];
      if (!rival || rival.d > best.d + 1) return { kind: 'variant', name: best.e.name, how: 'spelling' };
    }
    // A word left out, as the documents do ("GRUMELLO ED UNITI" for Grumello Cremonese ed Uniti):
    // the same first word and every word in order, in exactly one name.
    if (words.length >= 2) {
      const hits = this.entries.filter((e) => e.words[0] === words[0] && e.words.length > words.length && inOrder(words, e.words));
      if (hits.length === 1) return { kind: 'variant', name: hits[0]!.name, how: 'words' };
    }
    const suggestions = scored
      .filter((s) => s.d <= Math.max(3, Math.ceil(key.length / 3)) || s.e.key.includes(key) || key.includes(s.e.key))
      .slice(0, 3)
      .map((s) => s.e.name);
    return { kind: 'unknown', suggestions };
  }
}

/** True when every word of `part` appears in `whole`, in the same order. */
function inOrder(part: string[], whole: string[]): boolean {
  let i = 0;
  for (const w of whole) if (w === part[i]) i++;
  return i === part.length;
}
