/**
 * Changes to a user's sheet, made in its own XML: the cells with anomalies get our fill (a copy of
 * their own format), the owned computed column gets its header and values (older values below its
 * header cleared), a legacy drawing for the notes is referenced. Everything else is copied as it was,
 * text for text: rows and cells untouched are not even re-read.
 */
import { a1 } from '../../../core/address';
import { Tok, XmlScanner } from '../xml';
import { StyleBook } from './styles';
import { esc } from './xml-out';

export interface OwnedColumnEdit {
  col: number;
  headerRow: number;
  header: string;
  headerStyle: number;
  width: number;
  /** Row → value and style index. */
  cells: Map<number, { value: string | number; style: number }>;
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

function ownedCellXml(ref: string, v: string | number, style: number): string {
  if (typeof v === 'number') return `<c r="${ref}" s="${style}"><v>${v}</v></c>`;
  if (v === '') return `<c r="${ref}" s="${style}"/>`;
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
}

const tails = new Map<string, string>();
/** What follows `<c r="A1` in an owned cell, made once per value and style (100,000 rows share a few). */
function ownedTail(v: string | number, style: number): string {
  const key = `${style}\u0000${typeof v}\u0000${v}`;
  let tail = tails.get(key);
  if (tail === undefined) {
    tail = ownedCellXml('', v, style).slice('<c r="'.length);
    if (tails.size < 10000) tails.set(key, tail);
  }
  return tail;
}

export function editSheet(xml: string, edits: SheetEdits, book: StyleBook): string {
  return editSheetPieces(xml, edits, book).join('');
}

/** The edited sheet as the pieces it is made of, in order (a long list is encoded without joining it first). */
export function editSheetPieces(xml: string, edits: SheetEdits, book: StyleBook): string[] {
  const x = new XmlScanner(xml);
  const parts: string[] = [];
  let copied = 0;
  const replace = (from: number, to: number, text: string) => {
    parts.push(xml.slice(copied, from), text);
    copied = to;
  };
  const owned = edits.owned;
  const rowsToWrite = new Set<number>([...edits.fills.keys(), ...(owned ? [owned.headerRow, ...owned.cells.keys()] : [])]);
  const pending = [...rowsToWrite].sort((a, b) => a - b);
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
    const ownedOnly = owned?.cells.get(r);
    // The common row: no anomaly, one value of ours after the user's cells (a unit's Esito).
    if (!fills && ownedOnly && startTag && r !== owned!.headerRow && (cells.length === 0 || cells[cells.length - 1]!.col < owned!.col) && cells.every((c) => c.hasRef)) {
      const first = cells.length ? cells[0]!.start : 0;
      const last = cells.length ? cells[cells.length - 1]!.end : 0;
      return `${startTag}${xml.slice(first, last)}${ownedCellXml(a1(r, owned!.col), ownedOnly.value, ownedOnly.style)}</row>`;
    }
    const out: string[] = [];
    const extra = new Map<number, string>();
    if (owned && r === owned.headerRow) extra.set(owned.col, ownedCellXml(a1(r, owned.col), owned.header, owned.headerStyle));
    const ownedCell = owned?.cells.get(r);
    if (owned && ownedCell) extra.set(owned.col, ownedCellXml(a1(r, owned.col), ownedCell.value, ownedCell.style));
    for (const [c, fill] of fills ?? []) if (!extra.has(c) && !cells.some((s) => s.col === c)) extra.set(c, `<c r="${a1(r, c)}" s="${book.withFill(0, fill)}"/>`);
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
    const tag = startTag ?? `<row r="${r + 1}">`;
    return `${tag}${out.join('')}</row>`;
  };

  // Rows can be copied by their closing tag only when no CDATA section or comment could hide one.
  // ("<!" starts both, and a DOCTYPE, which a sheet has not: one search over the text.)
  const fastRow = owned !== null && !xml.includes('<!');
  const probe = new XmlScanner(xml);
  let row = -1;
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
        replace(start, x.start, withColumn(inner, owned));
        continue;
      }
      if (x.is('sheetData')) {
        const before = !colsSeen && owned ? `<cols>${colXml(owned)}</cols>` : '';
        if (x.selfClosing) {
          replace(x.start, x.end, `${before}<sheetData>${newRowsBefore(Infinity)}</sheetData>`);
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
    const rowStart = x.start;
    const rAttr = x.attr('r');
    row = rAttr === undefined ? row + 1 : Number(rAttr) - 1;
    const inserted = newRowsBefore(row);
    if (inserted) replace(rowStart, rowStart, inserted);
    const touched = rowsToWrite.has(row) || (owned !== null && row > owned.headerRow);
    if (!touched) {
      x.skip();
      continue;
    }
    const startTag = stripSpans(x, xml);
    // The common row of a long unit list (no fill, only our Esito after the user's cells): its cells
    // copied as they are, found by their closing tag, without tokenizing them (half of the copy's time).
    const fast = fastRow && !x.selfClosing && xml.startsWith('<row', rowStart) && !edits.fills.has(row) && row > owned!.headerRow ? appendAtEnd(xml, probe, x.end, owned!.col) : -1;
    if (fast >= 0) {
      const cell = owned!.cells.get(row);
      // Pieces pushed apart, joined a chunk at a time when encoded: no string built per row. The
      // cell's text after its reference is the same for every row with the same value and style.
      if (rowStart > copied) parts.push(xml.slice(copied, rowStart));
      parts.push(startTag, xml.slice(x.end, fast));
      if (cell) parts.push('<c r="', a1(row, owned!.col), ownedTail(cell.value, cell.style));
      parts.push('</row>');
      copied = fast + 6;
      x.jumpPast(fast + 6);
      continue;
    }
    const emptyRow = x.selfClosing;
    const cells = emptyRow ? [] : readCells(x);
    if (emptyRow) x.next();
    // An untouched row past the owned column's header (nothing of ours in it) is copied as it was.
    if (!rowsToWrite.has(row) && !cells.some((c) => c.col === owned!.col)) continue;
    replace(rowStart, x.end, rowXml(row, startTag, cells));
  }
  if (edits.legacyDrawingRelId && legacyAt >= 0) replace(legacyAt, legacyAt, `<legacyDrawing r:id="${edits.legacyDrawingRelId}"/>`);
  parts.push(xml.slice(copied));
  if (edits.legacyDrawingRelId) withRelNamespace(xml, parts);
  return parts;
}

/** Where an element's qualified name ends, for inserting an attribute right after it. */
function nameEnd(xml: string, tagStart: number): number {
  let i = tagStart + 1;
  while (i < xml.length && !/[\s/>]/.test(xml[i]!)) i++;
  return i;
}

/**
 * The root declares the relationships namespace as r: (the legacyDrawing we add refers to it so). The
 * root's start tag is in the first piece (every edit comes after it): only that piece changes.
 */
function withRelNamespace(xml: string, parts: string[]): void {
  const x = new XmlScanner(xml);
  x.next();
  if (x.attrIndex('xmlns:r') >= 0) return;
  const at = nameEnd(xml, x.start);
  const first = parts[0]!;
  if (at > first.length) throw new Error('the root tag is not in the first piece');
  parts[0] = `${first.slice(0, at)} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"${first.slice(at)}`;
}

/** The row's start tag without `spans` (a hint for readers that added cells would make wrong), never self-closing. */
function stripSpans(x: XmlScanner, xml: string): string {
  let tag = xml.slice(x.start, x.end);
  const span = x.attrSpan('spans');
  if (span) {
    // From the whitespace before the name to the closing quote: back over the quote, `=`, the name.
    let i = span[0] - 2;
    while (/\s/.test(xml[i]!)) i--;
    i--; // the `=`
    while (/\s/.test(xml[i]!)) i--;
    let from = i - ('spans'.length - 1);
    while (from > x.start && /\s/.test(xml[from - 1]!)) from--;
    tag = xml.slice(x.start, from) + xml.slice(span[1] + 1, x.end);
  }
  if (x.selfClosing) tag = `${tag.slice(0, tag.length - 2).trimEnd()}>`;
  return tag;
}

function colOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col - 1;
}

/** The cells of the row just opened, as spans of the source; the scanner ends on the row's end tag. */
function readCells(x: XmlScanner): CellSpan[] {
  const cells: CellSpan[] = [];
  const depth = x.depth;
  let col = -1;
  for (let k = x.next(); !(k === Tok.Close && x.depth < depth); k = x.next()) {
    if (k !== Tok.Open || !x.is('c')) continue;
    const ref = x.attr('r');
    col = ref === undefined ? col + 1 : colOf(ref);
    const start = x.start;
    const startTagEnd = x.end;
    const style = x.attrSpan('s') ?? null;
    x.skip();
    cells.push({ col, start, end: x.end, startTagEnd, style, hasRef: ref !== undefined });
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

function colXml(o: OwnedColumnEdit): string {
  return `<col min="${o.col + 1}" max="${o.col + 1}" width="${o.width}" customWidth="1"/>`;
}

/** The <cols> content with a width for the owned column, unless a <col> of the user's covers it. */
function withColumn(inner: string, o: OwnedColumnEdit): string {
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
  return inner.slice(0, insertAt) + colXml(o) + inner.slice(insertAt);
}

/**
 * Where `</row>` closes the row whose start tag ends at `from`, when the owned column can be appended
 * there: the row's last cell (read with the tokenizer) has its reference and lies before the column,
 * or the row has no cell. -1 when the row needs the full path.
 */
function appendAtEnd(xml: string, probe: XmlScanner, from: number, ownedCol: number): number {
  const close = xml.indexOf('</row>', from);
  if (close < 0) return -1;
  const lastCell = xml.lastIndexOf('<c', close);
  if (lastCell < from) return close;
  probe.reset(lastCell);
  if (probe.next() !== Tok.Open || !probe.is('c')) return -1;
  const ref = probe.attr('r');
  if (ref === undefined) return -1;
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  return col > 0 && col - 1 < ownedCol ? close : -1;
}
