/**
 * Who owns a row: an owner as written on Unita, SAT or Assegnazioni, resolved to a row of the Enti
 * sheet (exactly, through its comune, as the ambito's one ALER, or as a near spelling), or unknown
 * with suggestions. Without an Enti sheet (an owner's own list) the name stands as written.
 */
import { NameResolver } from '../names/resolver';
import { foldText, nameKey } from '../names/normalize';
import { ComuneRef, EnteKind, EnteRef, EnteRow } from './model';
import { ComuneResolver } from './comuni';
import { ALER_RE, comuneOfOwner } from './enti';

export type OwnerResolver = (written: string | null, rowComune: ComuneRef) => EnteRef;

interface Owners {
  hasEntiSheet: boolean;
  comuneOwners: Map<string, EnteRow>;
  alerOwners: EnteRow[];
  byKey: Map<string, EnteRow>;
  byName: Map<string | null, EnteRow>;
  resolver: NameResolver;
  resolveComune: ComuneResolver;
}

function ownersOf(enti: EnteRow[], resolveComune: ComuneResolver): Owners {
  const comuneOwners = new Map<string, EnteRow>();
  const alerOwners: EnteRow[] = [];
  const byKey = new Map<string, EnteRow>();
  for (const e of enti) {
    if (e.name && e.tipo === 'Comune' && e.comune && e.comune.kind !== 'unknown' && !comuneOwners.has(e.comune.name!)) comuneOwners.set(e.comune.name!, e);
    if (e.name && e.tipo === 'ALER') alerOwners.push(e);
    for (const n of [e.written, e.name]) if (n && !byKey.has(nameKey(n))) byKey.set(nameKey(n), e);
  }
  return {
    hasEntiSheet: enti.some((e) => e.written !== null),
    comuneOwners, alerOwners, byKey,
    byName: new Map(enti.map((e) => [e.name, e])),
    resolver: new NameResolver(enti.flatMap((e) => (e.name ? [e.name] : []))),
    resolveComune,
  };
}

const owner = (e: EnteRow, kind: EnteKind, via?: EnteRef['via']): EnteRef => ({
  name: e.name, kind, isAler: e.tipo === 'ALER', suggestions: [], ...(via ? { via } : {}),
});

/** "COMUNE" alone: the comune of the row, as the regional platform exports it. */
function byRowComune(o: Owners, written: string, rowComune: ComuneRef): EnteRef {
  if (rowComune.kind === 'none') return { name: written, kind: 'unknown', isAler: false, suggestions: [] };
  const e = o.comuneOwners.get(rowComune.name!);
  if (e) return owner(e, 'alias', 'comune-column');
  const name = `Comune di ${rowComune.name}`;
  return o.hasEntiSheet
    ? { name, kind: 'unknown', isAler: false, suggestions: [] }
    : { name, kind: 'alias', isAler: false, suggestions: [], via: 'comune-column' };
}

function computeOwner(o: Owners, written: string, rowComune: ComuneRef): EnteRef {
  const f = foldText(written);
  const looksAler = ALER_RE.test(f);
  if (f === 'comune' || f === 'comune di' || f === 'comuni') return byRowComune(o, written, rowComune);
  const exact = o.byKey.get(nameKey(written));
  if (exact) return owner(exact, 'exact');
  const part = comuneOfOwner(written);
  const c = part === null ? null : o.resolveComune(part);
  if (!o.hasEntiSheet) {
    if (c && c.kind !== 'unknown' && c.name) return { name: `Comune di ${c.name}`, kind: c.kind === 'exact' ? 'exact' : 'variant', isAler: false, suggestions: [], via: 'comune' };
    return { name: written, kind: 'exact', isAler: looksAler, suggestions: [] };
  }
  if (c && c.kind !== 'unknown') {
    const e = o.comuneOwners.get(c.name!);
    if (e) return owner(e, c.kind === 'exact' ? 'exact' : 'variant', 'comune');
  }
  // "ALER", "ALER BS – CR- MN": the ambito's ALER, when there is exactly one.
  if (looksAler && o.alerOwners.length === 1) return owner(o.alerOwners[0]!, 'alias', 'aler');
  const res = o.resolver.resolve(written);
  if (res.kind !== 'unknown') {
    const e = o.byName.get(res.name);
    if (e) return owner(e, 'variant', 'name');
  }
  return { name: written, kind: 'unknown', isAler: looksAler, suggestions: res.kind === 'unknown' ? res.suggestions : [] };
}

/** The owner resolver of a plan, remembering each (spelling, comune) it has seen. */
export function ownerResolver(enti: EnteRow[], resolveComune: ComuneResolver): OwnerResolver {
  const o = ownersOf(enti, resolveComune);
  const cache = new Map<string, Map<string | null, EnteRef>>();
  return (written, rowComune) => {
    if (written === null) return { name: null, kind: 'none', isAler: false, suggestions: [] };
    let byComune = cache.get(written);
    if (!byComune) cache.set(written, (byComune = new Map()));
    let ref = byComune.get(rowComune.name);
    if (!ref) {
      ref = computeOwner(o, written, rowComune);
      byComune.set(rowComune.name, ref);
    }
    return ref;
  };
}
