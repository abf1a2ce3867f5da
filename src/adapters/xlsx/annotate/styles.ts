/**
 * The user's styles part, added to and never renumbered: our fonts, fills, borders, number formats
 * and cell formats go after theirs, so every index their cells use stays what it was. A highlighted
 * cell gets a copy of its own format with our fill.
 */
import { Tok, XmlScanner } from '../xml';
import { el, esc, NS_MAIN, XML_DECL } from './xml-out';

interface Collection {
  /** The start tag's span in the source; for a self-closing one, the whole element. */
  start: number;
  end: number;
  selfClosing: boolean;
  /** Offset of the end tag (where additions go); -1 until seen, or when absent from the part. */
  close: number;
  count: number;
  added: string[];
  /** Each element by its exact text, to its index: an earlier run's additions are found, not added again. */
  known: Map<string, number>;
}

const MINIMAL = `${XML_DECL}<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const COLLECTIONS = ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs'] as const;
type CollectionName = (typeof COLLECTIONS)[number];

export interface XfSpec {
  font: string;
  fill?: string;
  border?: string;
  numFmt?: string;
  wrap?: boolean;
}

export class StyleBook {
  readonly src: string;
  readonly created: boolean;
  private readonly collections = new Map<CollectionName, Collection>();
  /** Each existing cellXfs <xf>, as written, to clone with a fill. */
  private readonly xfs: { attrs: Map<string, string>; inner: string }[] = [];
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmt = 164;
  private readonly cache = new Map<string, number>();
  private readonly filled = new Map<string, Map<number, number>>();

  constructor(xml: string | null) {
    this.created = xml === null;
    this.src = xml ?? MINIMAL;
    this.scan();
  }

  private scan(): void {
    const x = new XmlScanner(this.src);
    let open: Collection | null = null;
    let inCellXfs = false;
    for (let k = x.next(); k !== Tok.End; k = x.next()) {
      if (k === Tok.Open && x.depth === 2 && (COLLECTIONS as readonly string[]).includes(x.name)) {
        const c: Collection = { start: x.start, end: x.end, selfClosing: x.selfClosing, close: x.selfClosing ? x.start : -1, count: 0, added: [], known: new Map() };
        this.collections.set(x.name as CollectionName, c);
        open = x.selfClosing ? null : c;
        inCellXfs = x.is('cellXfs') && !x.selfClosing;
      } else if (k === Tok.Close && x.depth === 1 && open) {
        open.close = x.start;
        open = null;
        inCellXfs = false;
      } else if (k === Tok.Open && x.depth === 3 && open) {
        const from = x.start;
        const index = open.count++;
        if (x.is('numFmt')) {
          const id = Number(x.attr('numFmtId'));
          const code = x.attr('formatCode');
          if (code !== undefined && !this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
          if (id >= this.nextNumFmt) this.nextNumFmt = id + 1;
        }
        if (inCellXfs && x.is('xf')) this.xfs.push(this.readXf(x));
        else x.skip();
        const text = this.src.slice(from, x.end);
        if (!open.known.has(text)) open.known.set(text, index);
      }
    }
  }

  private readXf(x: XmlScanner): { attrs: Map<string, string>; inner: string } {
    const attrs = new Map<string, string>();
    for (const a of ['numFmtId', 'fontId', 'fillId', 'borderId', 'xfId', 'applyNumberFormat', 'applyFont', 'applyBorder', 'applyAlignment', 'applyProtection', 'quotePrefix', 'pivotButton']) {
      const v = x.attr(a);
      if (v !== undefined) attrs.set(a, v);
    }
    if (x.selfClosing) return { attrs, inner: '' };
    const start = x.end;
    x.skip();
    return { attrs, inner: this.src.slice(start, x.start) };
  }

  private add(name: CollectionName, xml: string): number {
    let c = this.collections.get(name);
    if (!c) this.collections.set(name, (c = { start: -1, end: -1, selfClosing: false, close: -1, count: 0, added: [], known: new Map() }));
    const known = c.known.get(xml);
    if (known !== undefined) return known;
    c.added.push(xml);
    const index = c.count + c.added.length - 1;
    c.known.set(xml, index);
    return index;
  }

  numFmt(code: string): number {
    if (code === 'General') return 0;
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmtIds.set(code, id);
      this.add('numFmts', el('numFmt', { numFmtId: id, formatCode: code }));
    }
    return id;
  }

  private cached(key: string, make: () => number): number {
    let i = this.cache.get(key);
    if (i === undefined) this.cache.set(key, (i = make()));
    return i;
  }

  /** A cell format of ours; the same spec gives the same index. */
  xf(spec: XfSpec): number {
    return this.cached(`xf|${spec.font}|${spec.fill ?? ''}|${spec.border ?? ''}|${spec.numFmt ?? ''}|${spec.wrap ? 1 : 0}`, () => {
      const fontId = this.cached(`font|${spec.font}`, () => this.add('fonts', spec.font));
      const fillId = spec.fill ? this.cached(`fill|${spec.fill}`, () => this.add('fills', spec.fill!)) : 0;
      const borderId = spec.border ? this.cached(`border|${spec.border}`, () => this.add('borders', spec.border!)) : 0;
      const numFmtId = spec.numFmt ? this.numFmt(spec.numFmt) : 0;
      const alignment = el('alignment', { vertical: 'top', wrapText: spec.wrap ? 1 : undefined });
      return this.add('cellXfs', el('xf', {
        numFmtId, fontId, fillId, borderId, xfId: 0,
        applyNumberFormat: numFmtId ? 1 : undefined, applyFont: 1, applyFill: fillId ? 1 : undefined, applyBorder: borderId ? 1 : undefined, applyAlignment: 1,
      }, alignment));
    });
  }

  /** The user's format `index` with our solid fill: everything else of theirs kept. */
  withFill(index: number, fill: string): number {
    // By fill, then format: asked once per highlighted cell (13,000 on the bench), no key string made.
    let byIndex = this.filled.get(fill);
    if (!byIndex) this.filled.set(fill, (byIndex = new Map()));
    let made = byIndex.get(index);
    if (made === undefined) byIndex.set(index, (made = this.newWithFill(index, fill)));
    return made;
  }


  private newWithFill(index: number, fill: string): number {
    const fillId = this.cached(`fill|${fill}`, () => this.add('fills', fill));
    const base = this.xfs[index] ?? this.xfs[0] ?? { attrs: new Map([['numFmtId', '0'], ['fontId', '0'], ['borderId', '0'], ['xfId', '0']]), inner: '' };
    const a: Record<string, string | number> = { numFmtId: 0, fontId: 0, borderId: 0 };
    for (const [k, v] of base.attrs) a[k] = v;
    a.fillId = fillId;
    a.applyFill = 1;
    return this.add('cellXfs', el('xf', a, base.inner || undefined));
  }

  /** The part with our additions, counts updated; null when nothing was added to an existing part. */
  serialize(): string | null {
    const additions = [...this.collections.entries()].filter(([, c]) => c.added.length > 0);
    if (additions.length === 0 && !this.created) return null;
    const edits: { from: number; to: number; text: string }[] = [];
    for (const [name, c] of additions) {
      const whole = `<${name} count="${c.count + c.added.length}">${c.added.join('')}</${name}>`;
      if (c.start < 0) {
        // Only numFmts may be absent from a valid part, and it comes first: right after the root's start tag.
        const root = new XmlScanner(this.src);
        root.next();
        edits.push({ from: root.end, to: root.end, text: whole });
      } else if (c.selfClosing) edits.push({ from: c.start, to: c.end, text: whole });
      else edits.push({ from: c.close, to: c.close, text: c.added.join('') });
    }
    let out = this.src;
    for (const e of edits.sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + e.text + out.slice(e.to);
    return updateCounts(out, new Map(additions.map(([name, c]) => [name, c.count + c.added.length])));
  }
}

/** Sets the count attribute of each collection to its new size (by tokenizing, not by pattern). */
function updateCounts(xml: string, counts: Map<string, number>): string {
  const x = new XmlScanner(xml);
  const edits: { at: [number, number] | null; insertAt: number; value: number }[] = [];
  for (let k = x.next(); k !== Tok.End; k = x.next()) {
    if (k === Tok.Open && x.depth === 2 && counts.has(x.name)) {
      const span = x.attrSpan('count');
      const nameEnd = xml.indexOf(x.name, x.start) + x.name.length;
      edits.push({ at: span ?? null, insertAt: nameEnd, value: counts.get(x.name)! });
      x.skip();
    }
  }
  let out = xml;
  for (const e of edits.reverse()) {
    out = e.at ? out.slice(0, e.at[0]) + e.value + out.slice(e.at[1]) : out.slice(0, e.insertAt) + ` count="${e.value}"` + out.slice(e.insertAt);
  }
  return out;
}

export function fontXml(o: { bold?: boolean; italic?: boolean; underline?: boolean; size: number; color?: string; name: string }): string {
  return `<font>${o.bold ? '<b/>' : ''}${o.italic ? '<i/>' : ''}${o.underline ? '<u/>' : ''}<sz val="${o.size}"/>${o.color ? `<color rgb="FF${o.color.slice(1).toUpperCase()}"/>` : ''}<name val="${esc(o.name)}"/><family val="2"/></font>`;
}

export function solidFillXml(hex: string): string {
  const c = `FF${hex.slice(1).toUpperCase()}`;
  return `<fill><patternFill patternType="solid"><fgColor rgb="${c}"/><bgColor rgb="${c}"/></patternFill></fill>`;
}

export const TOP_BORDER = '<border><left/><right/><top style="thin"><color auto="1"/></top><bottom/><diagonal/></border>';
