/**
 * A pull tokenizer for the XML of an .xlsx package: elements, attributes (either quote), text,
 * CDATA, comments and processing instructions, namespace prefixes reduced to local names, the five
 * predefined entities and character references. A DOCTYPE is refused: SpreadsheetML never has one,
 * and it is how entity bombs arrive. Each token keeps its offsets in the source, so a writer can copy
 * the original text around the few places it changes.
 *
 * It is a scanner over the string (charCodeAt and indexOf), not regular expressions over markup:
 * `>` inside an attribute value, a `<c>` inside a comment or CDATA are what they are.
 */

export class XmlError extends Error {}

export const enum Tok {
  End = 0,
  Open = 1,
  Close = 2,
  Text = 3,
}

const LT = 60, GT = 62, SLASH = 47, QM = 63, BANG = 33, EQ = 61, DQ = 34, SQ = 39, COLON = 58;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes entity and character references (anything else after `&` is an error, as in XML), after
 * XML's end-of-line handling: a literal CR LF or lone CR is a LF (a `&#13;` stays a CR).
 */
export function decodeXml(raw: string): string {
  const s = raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp);
    if (semi < 0 || semi - amp > 12) throw new XmlError('entity without ;');
    const name = s.slice(amp + 1, semi);
    let ch: string | undefined;
    if (name.charCodeAt(0) === 35 /* # */) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new XmlError(`bad character reference &${name};`);
      ch = String.fromCodePoint(code);
    } else ch = NAMED[name];
    if (ch === undefined) throw new XmlError(`unknown entity &${name};`);
    out += s.slice(from, amp) + ch;
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}

/**
 * Tokens one at a time: `next()` moves on and returns the kind; the fields describe the current
 * token. Attribute values are decoded only when asked for (most are never read).
 */
export class XmlScanner {
  pos = 0;
  kind: Tok = Tok.End;
  /** Span of the current element's local name in the source (prefix removed). */
  private nameStart = 0;
  private nameEnd = 0;
  private cachedName: string | null = '';
  /** Offsets of the whole current token in the source: src.slice(start, end). */
  start = 0;
  end = 0;
  selfClosing = false;
  /** For a text token: the raw text's span; CDATA marks it as not to be decoded. */
  private textStart = 0;
  private textEnd = 0;
  private cdata = false;
  private attrCount = 0;
  /** Per attribute: name start, name end, value start, value end. */
  private readonly attrSpans: number[] = [];
  /** Open elements, as the spans of their local names. */
  private readonly stack: number[] = [];
  private stackDepth = 0;
  /** A self-closing element is reported as Open then Close: the Close is pending. */
  private pendingClose = false;
  /**
   * Comments, processing instructions and CDATA sections met inside the root so far: text in them may
   * look like markup, so a writer that finds tags by searching the text must know there are none.
   */
  opaque = 0;

  constructor(readonly src: string) {
    // A byte order mark is not content.
    if (src.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  get depth(): number {
    return this.stackDepth;
  }

  /** Local name of the current element (prefix removed). */
  get name(): string {
    return (this.cachedName ??= this.src.slice(this.nameStart, this.nameEnd));
  }

  /** Whether the current element's local name is `n`, without making a string of it. */
  is(n: string): boolean {
    return this.nameEnd - this.nameStart === n.length && this.src.startsWith(n, this.nameStart);
  }

  next(): Tok {
    if (this.pendingClose) {
      this.pendingClose = false;
      this.kind = Tok.Close;
      this.start = this.end;
      this.stackDepth--;
      return this.kind;
    }
    const src = this.src;
    for (;;) {
      const p = this.pos;
      if (p >= src.length) {
        if (this.stackDepth) throw new XmlError('unexpected end inside an element');
        return (this.kind = Tok.End);
      }
      if (src.charCodeAt(p) !== LT) {
        let lt = src.indexOf('<', p);
        if (lt < 0) lt = src.length;
        this.pos = lt;
        // Text outside the root element is only whitespace; inside, it is content.
        if (this.stackDepth === 0) continue;
        this.start = this.textStart = p;
        this.end = this.textEnd = lt;
        this.cdata = false;
        return (this.kind = Tok.Text);
      }
      const c1 = src.charCodeAt(p + 1);
      if (c1 === QM) {
        const e = src.indexOf('?>', p + 2);
        if (e < 0) throw new XmlError('unterminated processing instruction');
        this.pos = e + 2;
        if (this.stackDepth > 0) this.opaque++;
        continue;
      }
      if (c1 === BANG) {
        if (src.startsWith('<!--', p)) {
          const e = src.indexOf('-->', p + 4);
          if (e < 0) throw new XmlError('unterminated comment');
          this.pos = e + 3;
          if (this.stackDepth > 0) this.opaque++;
          continue;
        }
        if (src.startsWith('<![CDATA[', p)) {
          const e = src.indexOf(']]>', p + 9);
          if (e < 0) throw new XmlError('unterminated CDATA');
          this.pos = e + 3;
          if (this.stackDepth === 0) throw new XmlError('CDATA outside the root');
          this.opaque++;
          this.start = p;
          this.end = e + 3;
          this.textStart = p + 9;
          this.textEnd = e;
          this.cdata = true;
          return (this.kind = Tok.Text);
        }
        throw new XmlError('DOCTYPE or declaration not allowed');
      }
      if (c1 === SLASH) {
        const e = src.indexOf('>', p + 2);
        if (e < 0) throw new XmlError('unterminated end tag');
        const nEnd = trimEnd(src, p + 2, e);
        const nStart = localStart(src, p + 2, nEnd);
        if (this.stackDepth === 0) throw new XmlError('end tag without a start tag');
        const d = --this.stackDepth;
        const oStart = this.stack[2 * d]!;
        const oEnd = this.stack[2 * d + 1]!;
        if (oEnd - oStart !== nEnd - nStart || src.substring(oStart, oEnd) !== src.substring(nStart, nEnd)) {
          throw new XmlError(`</${src.slice(nStart, nEnd)}> closes <${src.slice(oStart, oEnd)}>`);
        }
        this.nameStart = nStart;
        this.nameEnd = nEnd;
        this.cachedName = null;
        this.start = p;
        this.end = this.pos = e + 1;
        return (this.kind = Tok.Close);
      }
      return this.openTag(p);
    }
  }

  private openTag(p: number): Tok {
    const src = this.src;
    let i = p + 1;
    const nameStart = i;
    for (;;) {
      const c = src.charCodeAt(i);
      if (c !== c || isSpace(c) || c === GT || c === SLASH) break;
      i++;
    }
    if (i === nameStart) throw new XmlError('element without a name');
    this.nameStart = localStart(src, nameStart, i);
    this.nameEnd = i;
    this.cachedName = null;
    this.attrCount = 0;
    for (;;) {
      while (isSpace(src.charCodeAt(i))) i++;
      const c = src.charCodeAt(i);
      if (c !== c) throw new XmlError('unterminated start tag');
      if (c === GT) {
        this.selfClosing = false;
        i++;
        break;
      }
      if (c === SLASH) {
        if (src.charCodeAt(i + 1) !== GT) throw new XmlError('bad start tag');
        this.selfClosing = true;
        i += 2;
        break;
      }
      const aStart = i;
      while (i < src.length) {
        const d = src.charCodeAt(i);
        if (d === EQ || isSpace(d) || d === GT || d === SLASH) break;
        i++;
      }
      const aEnd = i;
      while (isSpace(src.charCodeAt(i))) i++;
      if (src.charCodeAt(i) !== EQ) throw new XmlError('attribute without a value');
      i++;
      while (isSpace(src.charCodeAt(i))) i++;
      const q = src.charCodeAt(i);
      if (q !== DQ && q !== SQ) throw new XmlError('attribute value without quotes');
      const vEnd = src.indexOf(q === DQ ? '"' : "'", i + 1);
      if (vEnd < 0) throw new XmlError('unterminated attribute value');
      const n = 4 * this.attrCount++;
      // Namespace declarations keep their whole name: `xmlns:r` is not the attribute `r`.
      this.attrSpans[n] = src.startsWith('xmlns', aStart) ? aStart : localStart(src, aStart, aEnd);
      this.attrSpans[n + 1] = aEnd;
      this.attrSpans[n + 2] = i + 1;
      this.attrSpans[n + 3] = vEnd;
      i = vEnd + 1;
    }
    this.start = p;
    this.end = this.pos = i;
    this.stack[2 * this.stackDepth] = this.nameStart;
    this.stack[2 * this.stackDepth + 1] = this.nameEnd;
    this.stackDepth++;
    this.pendingClose = this.selfClosing;
    return (this.kind = Tok.Open);
  }

  /** An attribute of the current start tag by local name (namespace declarations are not attributes). */
  attr(name: string): string | undefined {
    const n = this.attrIndex(name);
    if (n < 0) return undefined;
    const raw = this.src.slice(this.attrSpans[n + 2]!, this.attrSpans[n + 3]!);
    // Attribute-value normalization: a literal tab, line feed or CR LF is a space (a `&#10;` stays a line feed).
    return decodeXml(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw);
  }

  /** Index of an attribute of the current start tag, or -1; with valueStart/valueEnd, no string is made. */
  attrIndex(name: string): number {
    const a = this.attrSpans;
    for (let n = 0; n < 4 * this.attrCount; n += 4) {
      if (a[n + 1]! - a[n]! === name.length && this.src.startsWith(name, a[n]!)) return n;
    }
    return -1;
  }

  valueStart(index: number): number {
    return this.attrSpans[index + 2]!;
  }

  valueEnd(index: number): number {
    return this.attrSpans[index + 3]!;
  }

  /** The span of an attribute's raw value, for a writer that replaces it in place. */
  attrSpan(name: string): [number, number] | undefined {
    const n = this.attrIndex(name);
    return n < 0 ? undefined : [this.attrSpans[n + 2]!, this.attrSpans[n + 3]!];
  }

  /** The decoded text of the current text token. */
  text(): string {
    const raw = this.src.slice(this.textStart, this.textEnd);
    if (!this.cdata) return decodeXml(raw);
    return raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
  }

  /** The text content of the element just opened, up to its end tag (nested runs concatenated). */
  textContent(): string {
    if (this.selfClosing) {
      this.next();
      return '';
    }
    const depth = this.stackDepth;
    let out = '';
    for (;;) {
      const k = this.next();
      if (k === Tok.Text) out += this.text();
      else if (k === Tok.Close && this.stackDepth < depth) return out;
      else if (k === Tok.End) throw new XmlError('unexpected end');
    }
  }

  /** Starts again at `pos`, outside any element: to read one start tag there (a probe over the same source). */
  reset(pos: number): void {
    this.pos = pos;
    this.stackDepth = 0;
    this.pendingClose = false;
  }

  /**
   * Moves past the element just opened to `after`, which the caller found without tokenizing what
   * lies between (a row whose cells it copies as they are, or a run of rows it has laid out): the
   * offset right after the element's end, or after siblings that follow it. A self-closing element
   * is left the same way (its pending end is dropped).
   */
  jumpPast(after: number): void {
    this.pos = after;
    this.stackDepth--;
    this.pendingClose = false;
  }

  /** Skips the element just opened with everything inside it. */
  skip(): void {
    if (this.selfClosing) {
      this.next();
      return;
    }
    const depth = this.stackDepth;
    for (;;) {
      const k = this.next();
      if (k === Tok.Close && this.stackDepth < depth) return;
      if (k === Tok.End) throw new XmlError('unexpected end');
    }
  }
}

function trimEnd(src: string, from: number, to: number): number {
  while (to > from && isSpace(src.charCodeAt(to - 1))) to--;
  return to;
}

/** Where the local part of a name starts (after its prefix, if any). */
function localStart(src: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (src.charCodeAt(i) === COLON) return i + 1;
  return from;
}
