/**
 * An output sheet of the core (Sezione g, Anomalie, Riepilogo) as SpreadsheetML: cells with their
 * styles, widths, heights, merged paragraphs, the frozen header, tables with their filters, page
 * setup, manual breaks. Text is always an inline string (it can never become a formula); links are
 * HYPERLINK formulas with their text as the cached result, as the add-in writes them.
 */
import { a1, columnLetter } from '../../../core/address';
import { linkFormula } from '../../../core/output/links';
import { FONT, STYLES } from '../../../core/output/sheet-builder';
import { OutCell, OutSheet } from '../../../core/output/write-plan';
import { StyleBook, TOP_BORDER, fontXml, solidFillXml } from './styles';
import { el, esc, NS_MAIN, NS_REL, XML_DECL } from './xml-out';

export interface TableOut {
  id: number;
  name: string;
  xml: string;
}

export interface SheetOut {
  xml: string;
  tables: TableOut[];
  /** Defined names the sheet needs, relative to it: print titles and print area. */
  printTitles: string;
  printArea: string | null;
}

/** Formats by what decides them, per style book: tens of thousands of cells share a handful. */
const known = new WeakMap<StyleBook, Map<string, Map<string, number[]>>>();

function styleIndex(book: StyleBook, cell: OutCell, wrap: boolean): number {
  // By style, then format, then link and wrap: no key string made per cell (Anomalie has 80,000).
  let byStyle = known.get(book);
  if (!byStyle) known.set(book, (byStyle = new Map()));
  let byFormat = byStyle.get(cell.style ?? '');
  if (!byFormat) byStyle.set(cell.style ?? '', (byFormat = new Map()));
  let indexes = byFormat.get(cell.format ?? '');
  if (!indexes) byFormat.set(cell.format ?? '', (indexes = []));
  const k = (cell.link ? 2 : 0) + (wrap ? 1 : 0);
  return (indexes[k] ??= newStyleIndex(book, cell, wrap));
}

function newStyleIndex(book: StyleBook, cell: OutCell, wrap: boolean): number {
  const s = cell.style ? STYLES[cell.style] : {};
  const font = fontXml({ name: FONT.name, size: s.size ?? FONT.size, bold: s.bold, color: cell.link ? '#0563C1' : s.font, underline: !!cell.link });
  return book.xf({
    font,
    ...(s.fill ? { fill: solidFillXml(s.fill) } : {}),
    ...(s.topBorder ? { border: TOP_BORDER } : {}),
    ...(cell.format ? { numFmt: cell.format } : {}),
    wrap: !!s.wrap || wrap,
  });
}

function cellXml(ref: string, cell: OutCell, s: number): string {
  if (cell.link) {
    const text = String(cell.v ?? '');
    return `<c r="${ref}" s="${s}" t="str"><f>${esc(linkFormula(cell.link.sheet, cell.link.cell, text).slice(1))}</f><v>${esc(text)}</v></c>`;
  }
  if (cell.v === null || cell.v === '') return `<c r="${ref}" s="${s}"/>`;
  if (typeof cell.v === 'number') return `<c r="${ref}" s="${s}"><v>${cell.v}</v></c>`;
  return `<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${esc(cell.v)}</t></is></c>`;
}

function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((n, i) => {
    let name = n.trim() === '' ? `Colonna${i + 1}` : n;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${n} ${k}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

export function writeOutSheet(out: OutSheet, book: StyleBook, nextTableId: () => number, tableRelId: (i: number) => string): SheetOut {
  const wrapped = (r: number, c: number) => out.wrapAreas.some((a) => a.c === c && r >= a.r0 && r <= a.r1);
  const mergedRows = new Set(out.merges.map((m) => m.r));
  const mergeAt = (r: number, c: number) => (mergedRows.has(r) ? out.merges.find((m) => m.r === r && m.c0 === c) : undefined);
  const tables: TableOut[] = [];
  const headerNames = new Map<number, string[]>();
  for (const t of out.tables) {
    const names = uniqueNames(out.rows[t.headerRow]!.slice(t.firstCol, t.lastCol + 1).map((h) => String(h?.v ?? '')));
    headerNames.set(t.headerRow, names);
    const lastRow = Math.max(t.lastRow, t.headerRow + 1);
    const ref = `${a1(t.headerRow, t.firstCol)}:${a1(lastRow, t.lastCol)}`;
    const id = nextTableId();
    const cols = names.map((n, i) => el('tableColumn', { id: i + 1, name: n })).join('');
    tables.push({
      id,
      name: t.name,
      xml: `${XML_DECL}<table xmlns="${NS_MAIN}"${attrsOf({ id, name: t.name, displayName: t.name, ref, totalsRowShown: 0 })}>${el('autoFilter', { ref })}<tableColumns count="${names.length}">${cols}</tableColumns>${el('tableStyleInfo', { name: 'TableStyleLight9', showFirstColumn: 0, showLastColumn: 0, showRowStripes: 1, showColumnStripes: 0 })}</table>`,
    });
  }
  const rows: string[] = [];
  out.rows.forEach((row, r) => {
    const cells: string[] = [];
    const names = headerNames.get(r);
    const table = names ? out.tables.find((t) => t.headerRow === r) : undefined;
    row.forEach((cell, c) => {
      if (!cell) return;
      // A table's header cells hold exactly its column names.
      const header = table && c >= table.firstCol && c <= table.lastCol;
      const m = mergeAt(r, c);
      const wrap = m !== undefined || (wrapped(r, c) && cell.style !== 'title' && cell.style !== 'subtitle');
      const s = styleIndex(book, cell, wrap);
      cells.push(cellXml(a1(r, c), header ? { ...cell, v: names![c - table.firstCol]! } : cell, s));
      // Excel writes the cells a merged area covers with its first cell's format: so do we.
      if (m) for (let cc = m.c0 + 1; cc <= m.c1; cc++) if (!row[cc]) cells.push(`<c r="${a1(r, cc)}" s="${s}"/>`);
    });
    const h = out.heights.get(r);
    if (cells.length || h !== undefined) rows.push(`<row r="${r + 1}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ''}>${cells.join('')}</row>`);
  });
  const cols = out.widths.map((w, i) => el('col', { min: i + 1, max: i + 1, width: w, customWidth: 1 })).join('');
  const view = out.freezeRows
    ? `<sheetView workbookViewId="0"><pane ySplit="${out.freezeRows}" topLeftCell="A${out.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>`
    : '<sheetView workbookViewId="0"/>';
  const m = out.print.margins;
  const breaks = out.print.breaks.length
    ? `<rowBreaks count="${out.print.breaks.length}" manualBreakCount="${out.print.breaks.length}">${out.print.breaks.map((r) => el('brk', { id: r, max: 16383, man: 1 })).join('')}</rowBreaks>`
    : '';
  const merges = out.merges.length ? `<mergeCells count="${out.merges.length}">${out.merges.map((x) => el('mergeCell', { ref: `${a1(x.r, x.c0)}:${a1(x.r, x.c1)}` })).join('')}</mergeCells>` : '';
  const footer = esc(out.print.footer);
  const xml =
    `${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows.join('')}</sheetData>` +
    merges +
    el('pageMargins', { left: m.left, right: m.right, top: m.top, bottom: m.bottom, header: m.header, footer: m.footer }) +
    el('pageSetup', { paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 }) +
    `<headerFooter><oddFooter>${footer}</oddFooter><evenFooter>${footer}</evenFooter></headerFooter>` +
    breaks +
    (tables.length ? `<tableParts count="${tables.length}">${tables.map((_, i) => el('tablePart', { 'r:id': tableRelId(i) })).join('')}</tableParts>` : '') +
    '</worksheet>';
  const [t0, t1] = out.print.titleRows;
  return {
    xml,
    tables,
    printTitles: `$${t0 + 1}:$${t1 + 1}`,
    printArea: out.print.columns < out.widths.length ? `$A$1:$${columnLetter(out.print.columns - 1)}$${Math.max(1, out.rows.length)}` : null,
  };
}

function attrsOf(a: Record<string, string | number>): string {
  return Object.entries(a).map(([k, v]) => ` ${k}="${esc(String(v))}"`).join('');
}
