/**
 * The Comuni sheet: the ambito's comuni with their answers and additional categories, each name
 * held against the official ISTAT list; and the resolution of any comune written elsewhere against
 * the sheet (or, without one, against the official list).
 */
import { NameResolver } from '../names/resolver';
import { comuniAttivi } from '../reference/comuni';
import { ComuneRef, ComuneRow, Findings } from './model';
import { fieldReader } from './field-reader';
import { TableSheet } from './table';

export function readComuni(t: TableSheet | undefined, found: Findings, official: NameResolver): ComuneRow[] {
  const comuni: ComuneRow[] = [];
  if (!t || !t.columns.has('comune')) return comuni;
  const rd = fieldReader(t, found);
  for (const r of t.dataRows) {
    const written = rd.text(r, 'comune');
    rd.require(r, 'comune', written);
    comuni.push({
      r,
      written,
      official: written ? official.resolve(written) : { kind: 'unknown', suggestions: [] },
      istat: rd.text(r, 'istat'),
      soglia: rd.percent(r, 'soglia'),
      categoria: rd.text(r, 'categoria'),
      motivazione: rd.text(r, 'motivazione'),
      ffoo: rd.percent(r, 'ffoo'),
      risposta: rd.yesNo(r, 'risposta'),
    });
  }
  return comuni;
}

export function officialComuni(): NameResolver {
  return new NameResolver(comuniAttivi().map((c) => c.nome));
}

const NO_COMUNE: ComuneRef = { name: null, kind: 'none', suggestions: [] };

export type ComuneResolver = (written: string | null) => ComuneRef;

/**
 * A comune as written, resolved to the Comuni sheet's name (or the official one), once per spelling.
 * `hasSheet`: the ambito's list of comuni is there (see hasComuniSheet).
 */
export function comuneResolver(comuni: ComuneRow[], official: NameResolver, hasSheet: boolean, mentioned: string[] = []): ComuneResolver {
  // Without a Comuni sheet (an owner checking its own list) the official list stands for the ambito;
  // a pasted plan's own official names come first, as the ambito's list would.
  const resolver = hasSheet ? new NameResolver(comuni.flatMap((c) => (c.written ? [c.written] : []))) : official;
  const known = !hasSheet && mentioned.length ? knownOfficial(mentioned, official) : null;
  const cache = new Map<string, ComuneRef>();
  return (written) => {
    if (written === null) return NO_COMUNE;
    let ref = cache.get(written);
    if (!ref) {
      const near = known?.resolve(written);
      const res = near && near.kind === 'variant' && resolver.resolve(written).kind !== 'exact' ? near : resolver.resolve(written);
      ref = res.kind === 'unknown' ? { name: written, kind: 'unknown', suggestions: res.suggestions } : { name: res.name, kind: res.kind, suggestions: [] };
      cache.set(written, ref);
    }
    return ref;
  };
}

function knownOfficial(mentioned: string[], official: NameResolver): NameResolver {
  const names = new Set<string>();
  for (const m of mentioned) {
    const r = official.resolve(m);
    if (r.kind === 'exact') names.add(r.name);
  }
  return new NameResolver(names);
}
