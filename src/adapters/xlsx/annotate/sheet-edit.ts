/**
 * Changes to a user's sheet, made in its own XML: the cells with anomalies get our fill (a copy of
 * their own format), the owned computed column gets its header and values (older values below its
 * header cleared), a legacy drawing for the notes is referenced. Everything else is copied as it was,
 * text for text: rows and cells untouched are not even re-read.
 */
import { a1, columnLetter } from '../../../core/address';
import { Severity } from '../../../core/rules/rule';
import { Tok, XmlScanner } from '../xml';
import { RowLayout } from '../reader/layout';
import { columnAt } from '../reader/sheet';
import { StyleBook } from './styles';
import { PartSink } from './part-writer';
import { esc, foreignEncodingAt } from './xml-out';

export interface OwnedColumnEdit {
  col: number;
  headerRow: number;
  header: string;
  headerStyle: number;
  width: number;
  /** The column's values in row order, as the write plan gives them (a list's Esito: one per unit). */
  cells: readonly { row: number; value: string | number; severity?: Severity }[];
  /** The format of a value: by its severity, or `none`. */
  styles: Record<Severity | 'none', number>;
}

export interface SheetEdits {
  /** Row → column → fill XML. */
  fills: Map<number, Map<number, string>>;
  owned: OwnedColumnEdit | null;
  legacyDrawingRelId: string | null;
}

interface CellSpan {
  col: number;
  start: number;
  end: number;
  startTagEnd: number;
  style: [number, number] | null;
  hasRef: boolean;
}

const AFTER_LEGACY = new Set(['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst']);

/** `p` is the prefix the sheet gives SpreadsheetML's elements ('' or e.g. 'x:'): ours take the same. */
function ownedCellXml(p: string, ref: string, v: string | number, style: number): string {
  if (typeof v === 'number') return `<${p}c r="${ref}" s="${style}"><${p}v>${v}</${p}v></${p}c>`;
  if (v === '') return `<${p}c r="${ref}" s="${style}"/>`;
  return `<${p}c r="${ref}" s="${style}" t="inlineStr"><${p}is><${p}t xml:space="preserve">${esc(v)}</${p}t></${p}is></${p}c>`;
}

/**
 * What the root's start tag says: the prefix SpreadsheetML's elements have here, with its colon (''
 * when it is the default namespace), and where to declare xmlns:r if it is not declared (-1 if it is).
 */
function rootOf(xml: string): { prefix: string; relNamespaceAt: number } {
  const x = new XmlScanner(xml);
  if (x.next() !== Tok.Open) return { prefix: '', relNamespaceAt: -1 };
  const at = nameEnd(xml, x.start);
  const qname = xml.slice(x.start + 1, at);
  const colon = qname.indexOf(':');
  return { prefix: colon < 0 ? '' : qname.slice(0, colon + 1), relNamespaceAt: x.attrIndex('xmlns:r') >= 0 ? -1 : at };
}

/** The end tag matching a start tag (`<x:row r="1">` → `</x:row>`). */
function endTagOf(startTag: string): string {
  return `</${startTag.slice(1, nameEnd(startTag, 0))}>`;
}

/**
 * The edited sheet, handed to `out` piece by piece in order, as it is made (a long list is encoded
 * and compressed as it goes, never held whole). `layout` is where the reader found each row of this
 * very text: rows are re-written from it, and only a row with an edit among its cells is tokenized
 * again.
 */
export function editSheet(xml: string, edits: SheetEdits, book: StyleBook, layout: RowLayout, out: PartSink): void {
  const x = new XmlScanner(xml);
  let copied = 0;
  const replace = (from: number, to: number, text: string) => {
    out.span(copied, from);
    out.push(text);
    copied = to;
  };
  // The copy is UTF-8 whatever the original was (a part read as UTF-16 is written as UTF-8).
  const encoding = foreignEncodingAt(xml);
  if (encoding) replace(encoding[0], encoding[1], 'UTF-8');
  const root = rootOf(xml);
  // The legacyDrawing we add refers to the relationships namespace as r:, which the root must declare.
  if (edits.legacyDrawingRelId && root.relNamespaceAt >= 0) replace(root.relNamespaceAt, root.relNamespaceAt, ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`);
  const owned = edits.owned;
  const p = root.prefix;
  // An owned cell is `<c r="` and its column's letters, the row number, and a tail: what follows
  // `<c r="A1` is the same for every cell with the same value and style (100,000 rows share a few).
  const ownedRef = owned ? `<${p}c r="${columnLetter(owned.col)}` : '';
  const tails = new Map<number, Map<string | number, string>>();
  const ownedTail = (v: string | number, style: number): string => {
    let byValue = tails.get(style);
    if (!byValue) tails.set(style, (byValue = new Map()));
    let tail = byValue.get(v);
    if (tail === undefined) {
      tail = ownedCellXml(p, '', v, style).slice(`<${p}c r="`.length);
      if (byValue.size < 10000) byValue.set(v, tail);
    }
    return tail;
  };
  const ownedAt = ownedFinder(owned?.cells ?? []);
  const ours = (row: number) => edits.fills.has(row) || (owned !== null && (row === owned.headerRow || ownedAt(row) >= 0));
  // Rows with something of ours, in order: those the sheet lacks are added where they belong.
  const pending = mergedRows(owned ? owned.cells.map((c) => c.row) : [], [...edits.fills.keys(), ...(owned ? [owned.headerRow] : [])].sort((a, b) => a - b));
  let next = 0;
  const newRowsBefore = (r: number) => {
    let out = '';
    while (next < pending.length && pending[next]! < r) out += rowXml(pending[next++]!, null, []);
    if (next < pending.length && pending[next] === r) next++;
    return out;
  };
  // A row of the file (or a new one), with its cells merged with the edits, in column order.
  const rowXml = (r: number, startTag: string | null, cells: CellSpan[]): string => {
    const fills = edits.fills.get(r);
    const out: string[] = [];
    const extra = new Map<number, string>();
    if (owned && r === owned.headerRow) extra.set(owned.col, ownedCellXml(p, a1(r, owned.col), owned.header, owned.headerStyle));
    const k = ownedAt(r);
    if (owned && k >= 0) extra.set(owned.col, ownedCellXml(p, a1(r, owned.col), owned.cells[k]!.value, owned.styles[owned.cells[k]!.severity ?? 'none']));
    for (const [c, fill] of fills ?? []) if (!extra.has(c) && !cells.some((s) => s.col === c)) extra.set(c, `<${p}c r="${a1(r, c)}" s="${book.withFill(0, fill)}"/>`);
    const extras = [...extra.entries()].sort((a, b) => a[0] - b[0]);
    let e = 0;
    for (const cell of cells) {
      while (e < extras.length && extras[e]![0] < cell.col) out.push(extras[e++]![1]);
      if (e < extras.length && extras[e]![0] === cell.col) {
        out.push(extras[e++]![1]);
        continue;
      }
      // Below the owned column's header, anything left from an earlier run goes.
      if (owned && cell.col === owned.col && r > owned.headerRow) continue;
      out.push(restyled(xml, cell, r, fills?.get(cell.col), book));
    }
    while (e < extras.length) out.push(extras[e++]![1]);
    const tag = startTag ?? `<${p}row r="${r + 1}">`;
    return `${tag}${out.join('')}${endTagOf(tag)}`;
  };

  // The rows, as the reader laid them out: a row with nothing of ours is copied with the text
  // around it; the common row of a long list (no fill, our value after the user's cells) is copied
  // up to its end tag and gets the value there; any other is tokenized and merged cell by cell.
  const probe = new XmlScanner(xml);
  // A comment, processing instruction or CDATA section may hold text like an end tag: the reader
  // says whether the sheet has any (two searches over a 36 MB sheet cost 49 ms).
  const quick = !layout.opaque;
  const rows = (): number => {
    for (let i = 0; i < layout.count; i++) {
      const start = layout.start(i);
      const row = layout.row(i);
      const inserted = newRowsBefore(row);
      if (inserted) replace(start, start, inserted);
      if (!(owned !== null && row > owned.headerRow) && !ours(row)) continue;
      const spans = layout.spans(i);
      const cut = spans ? spansCut(xml, start, spans) : null;
      const fills = edits.fills.get(row);
      if (owned && row > owned.headerRow && layout.maxCol(i) < owned.col && layout.lastCellHasRef(i)) {
        // The common row of a long list: our value goes after the user's cells, which are copied as
        // they are (a cell with an anomaly gets its fill in its start tag). Pieces handed on apart:
        // no string built per row.
        let cells: CellSpan[] | null = null;
        if (fills) {
          probe.reset(start);
          probe.next();
          const read = layout.selfClosing(i) ? [] : readCells(probe, p, quick);
          // A fill on a cell the row does not have, or a cell placed by its order alone: merged below.
          const inPlace = [...fills.keys()].every((c) => read.some((s) => s.col === c)) && read.every((c) => c.hasRef);
          cells = inPlace ? read : null;
        }
        if (!fills || cells) {
          // The start tag without spans, as two spans of the source (one when it has none); a
          // self-closing row's made anew (it gets an end tag).
          const selfTag = layout.selfClosing(i) ? withoutSpans(xml, start, layout.tagEnd(i), cut, true) : null;
          let from = layout.tagEnd(i);
          if (selfTag) {
            out.span(copied, start);
            out.push(selfTag);
          } else if (cut) {
            const [a, b] = cut;
            out.span(copied, a);
            from = b;
          } else from = copied;
          for (const c of cells ?? []) {
            const fill = fills!.get(c.col);
            if (!fill) continue;
            out.span(from, c.start);
            out.push(restyled(xml, c, row, fill, book));
            from = c.end;
          }
          if (!selfTag) out.span(from, layout.closeStart(i));
          const k = ownedAt(row);
          if (k >= 0) {
            const cell = owned.cells[k]!;
            out.push(ownedRef);
            out.push(String(row + 1));
            out.push(ownedTail(cell.value, owned.styles[cell.severity ?? 'none']));
          }
          if (selfTag) out.push(endTagOf(selfTag));
          else out.span(layout.closeStart(i), layout.end(i));
          copied = layout.end(i);
          continue;
        }
      }
      probe.reset(start);
      probe.next();
      const cells = layout.selfClosing(i) ? [] : readCells(probe, p, quick);
      // A row past the owned column's header with nothing of ours in it is copied as it was.
      if (!ours(row) && !cells.some((c) => c.col === owned!.col)) continue;
      replace(start, layout.end(i), rowXml(row, withoutSpans(xml, start, layout.tagEnd(i), cut, layout.selfClosing(i)), cells));
    }
    return layout.end(layout.count - 1);
  };

  let inSheetData = false;
  let legacyAt = -1;
  let colsSeen = false;
  for (let k = x.next(); k !== Tok.End; k = x.next()) {
    if (k === Tok.Open && x.depth === 2) {
      if (x.is('cols') && owned) {
        colsSeen = true;
        const start = x.end;
        x.skip();
        const inner = xml.slice(start, x.start);
        replace(start, x.start, withColumn(p, inner, owned));
        continue;
      }
      if (x.is('sheetData')) {
        const before = !colsSeen && owned ? `<${p}cols>${colXml(p, owned)}</${p}cols>` : '';
        if (x.selfClosing) {
          replace(x.start, x.end, `${before}<${p}sheetData>${newRowsBefore(Infinity)}</${p}sheetData>`);
          x.next();
          continue;
        }
        if (before) replace(x.start, x.start, before);
        inSheetData = true;
        continue;
      }
      if (x.is('legacyDrawing') && edits.legacyDrawingRelId) legacyAt = -2; // the sheet has one already
      if (legacyAt === -1 && AFTER_LEGACY.has(x.name)) legacyAt = x.start;
      x.skip();
      continue;
    }
    if (k === Tok.Close && x.is('sheetData') && inSheetData) {
      replace(x.start, x.start, newRowsBefore(Infinity));
      inSheetData = false;
      continue;
    }
    if (k === Tok.Close && x.depth === 0 && legacyAt === -1) legacyAt = x.start;
    if (!(k === Tok.Open && inSheetData && x.is('row'))) continue;
    // The first row: all of them are where the reader found them, up to the last one's end tag.
    if (layout.count === 0 || layout.start(0) !== x.start) throw new Error('the row layout is not of this sheet');
    x.jumpPast(rows());
  }
  if (edits.legacyDrawingRelId && legacyAt >= 0) replace(legacyAt, legacyAt, `<${p}legacyDrawing r:id="${edits.legacyDrawingRelId}"/>`);
  out.span(copied, xml.length);
}

/** Where an element's qualified name ends, for inserting an attribute right after it. */
function nameEnd(xml: string, tagStart: number): number {
  let i = tagStart + 1;
  while (i < xml.length && !/[\s/>]/.test(xml[i]!)) i++;
  return i;
}

/**
 * What to cut from a row's start tag to drop its spans attribute (value at `span`): [from, to); null
 * when the attribute has a prefix (another vocabulary's, not SpreadsheetML's hint: left as it is).
 */
function spansCut(xml: string, start: number, span: [number, number]): [number, number] | null {
  // From the whitespace before the name to the closing quote: back over the quote, `=`, the name.
  const space = (at: number) => {
    const c = xml.charCodeAt(at);
    return c === 32 || c === 9 || c === 10 || c === 13;
  };
  let i = span[0] - 2;
  while (space(i)) i--;
  i--; // the `=`
  while (space(i)) i--;
  let from = i - ('spans'.length - 1);
  if (xml.charCodeAt(from - 1) === 58) return null;
  while (from > start && space(from - 1)) from--;
  return [from, span[1] + 1];
}

/** A row's start tag at xml[start, tagEnd) without `spans` (a hint for readers that added cells would make wrong), never self-closing. */
function withoutSpans(xml: string, start: number, tagEnd: number, cut: [number, number] | null, selfClosing: boolean): string {
  let tag = xml.slice(start, tagEnd);
  if (cut) tag = xml.slice(start, cut[0]) + xml.slice(cut[1], tagEnd);
  if (selfClosing) tag = `${tag.slice(0, tag.length - 2).trimEnd()}>`;
  return tag;
}

/**
 * The cells of the row just opened, as spans of the source; the scanner ends on the row's end tag.
 * `quick`: the sheet has no comment, processing instruction or CDATA section, so nothing inside a cell can look like its end
 * tag, and a cell's content is passed over by finding that end tag instead of being tokenized.
 */
function readCells(x: XmlScanner, p: string, quick: boolean): CellSpan[] {
  const src = x.src;
  const endTag = `</${p}c`;
  const cells: CellSpan[] = [];
  const depth = x.depth;
  let col = -1;
  for (let k = x.next(); !(k === Tok.Close && x.depth < depth); k = x.next()) {
    if (k !== Tok.Open || !x.is('c')) continue;
    const ri = x.attrIndex('r');
    col = ri < 0 ? col + 1 : columnAt(src, x.valueStart(ri), x.valueEnd(ri));
    const start = x.start;
    const startTagEnd = x.end;
    const style = x.attrSpan('s') ?? null;
    let end = -1;
    if (quick && !x.selfClosing && src.startsWith(endTag.slice(2), start + 1)) {
      const close = src.indexOf(endTag, startTagEnd);
      const gt = close < 0 ? -1 : src.indexOf('>', close);
      const after = src.charCodeAt(close + endTag.length);
      // `</c>` or `</c >`, not `</cx>`.
      if (gt > 0 && (after === 62 || after === 32 || after === 9 || after === 10 || after === 13)) {
        end = gt + 1;
        x.jumpPast(end);
      }
    }
    if (end < 0) {
      x.skip();
      end = x.end;
    }
    cells.push({ col, start, end, startTagEnd, style, hasRef: ri >= 0 });
  }
  return cells;
}

/** A cell of the file as it was, with our fill when it has an anomaly (and its reference made explicit). */
function restyled(xml: string, cell: CellSpan, r: number, fill: string | undefined, book: StyleBook): string {
  if (!fill && cell.hasRef) return xml.slice(cell.start, cell.end);
  let tag = xml.slice(cell.start, cell.startTagEnd);
  const rest = xml.slice(cell.startTagEnd, cell.end);
  if (fill) {
    const s = cell.style ? Number(xml.slice(cell.style[0], cell.style[1])) : 0;
    const styled = book.withFill(Number.isInteger(s) ? s : 0, fill);
    if (cell.style) tag = tag.slice(0, cell.style[0] - cell.start) + styled + tag.slice(cell.style[1] - cell.start);
    else {
      const at = nameEnd(tag, 0);
      tag = `${tag.slice(0, at)} s="${styled}"${tag.slice(at)}`;
    }
  }
  if (!cell.hasRef) {
    const at = nameEnd(tag, 0);
    tag = `${tag.slice(0, at)} r="${a1(r, cell.col)}"${tag.slice(at)}`;
  }
  return tag + rest;
}

/**
 * The index of a row's value in the column (rows in order), -1 when it has none. Rows are asked in
 * order too, so the next one is tried first; a search otherwise.
 */
function ownedFinder(cells: readonly { row: number }[]): (row: number) => number {
  let next = 0;
  return (row) => {
    if (next < cells.length && cells[next]!.row === row) return next++;
    let lo = 0;
    let hi = cells.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = cells[mid]!.row;
      if (r === row) {
        next = mid + 1;
        return mid;
      }
      if (r < row) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
}

/** Two ascending lists of rows as one, each row once. */
function mergedRows(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const r = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out.length === 0 || out[out.length - 1] !== r) out.push(r);
  }
  return out;
}

function colXml(p: string, o: OwnedColumnEdit): string {
  return `<${p}col min="${o.col + 1}" max="${o.col + 1}" width="${o.width}" customWidth="1"/>`;
}

/** The <cols> content with a width for the owned column, unless a <col> of the user's covers it. */
function withColumn(p: string, inner: string, o: OwnedColumnEdit): string {
  const x = new XmlScanner(`<cols>${inner}</cols>`);
  const n = o.col + 1;
  let insertAt = inner.length;
  for (let k = x.next(); k !== Tok.End; k = x.next()) {
    if (k !== Tok.Open || !x.is('col')) continue;
    const min = Number(x.attr('min'));
    const max = Number(x.attr('max'));
    if (n >= min && n <= max) return inner;
    if (min > n && insertAt === inner.length) insertAt = x.start - '<cols>'.length;
  }
  return inner.slice(0, insertAt) + colXml(p, o) + inner.slice(insertAt);
}
