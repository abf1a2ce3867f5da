/**
 * A .docx read back for tests: the archive opened with fflate, word/document.xml (and the header,
 * footer and styles) read with the project's XML tokenizer, no regular expressions over markup. The
 * body comes out as Word shows it: paragraphs with their style and text, tables with their rows.
 */
import { strFromU8, unzipSync } from 'fflate';
import { Tok, XmlScanner } from '../../src/adapters/xlsx/xml';

export interface DocParagraph {
  kind: 'p';
  style: string | null;
  text: string;
}

export interface DocTable {
  kind: 'table';
  style: string | null;
  rows: { header: boolean; cells: string[] }[];
}

export type DocItem = DocParagraph | DocTable;

export interface ReadDocx {
  parts: Record<string, string>;
  /** The body's paragraphs and tables in order (the paragraphs inside tables are in their cells). */
  body: DocItem[];
  /** Every field instruction in a part (TOC, PAGE, NUMPAGES, SEQ …), complex or simple. */
  fields(part: string): string[];
  /** All the text of a part, paragraphs joined by line feeds. */
  text(part: string): string;
  /** The body section's page size (twentieths of a point) and orientation. */
  pageSize: { w: number; h: number; orient: string | undefined };
  /** Paragraph and table styles by id: their name and type. */
  styles: Map<string, { name: string; type: string }>;
}

function paragraphsOf(xml: string): string[] {
  const s = new XmlScanner(xml);
  const out: string[] = [];
  let current: string | null = null;
  for (let k = s.next(); k !== Tok.End; k = s.next()) {
    if (k === Tok.Open && s.is('p')) current = '';
    else if (k === Tok.Open && s.is('t') && current !== null) current += s.textContent();
    else if (k === Tok.Close && s.is('p') && current !== null) {
      out.push(current);
      current = null;
    }
  }
  return out;
}

function bodyOf(xml: string): DocItem[] {
  const s = new XmlScanner(xml);
  const items: DocItem[] = [];
  let para: DocParagraph | null = null;
  let table: DocTable | null = null;
  let cell: string[] | null = null;
  let row: { header: boolean; cells: string[] } | null = null;
  for (let k = s.next(); k !== Tok.End; k = s.next()) {
    if (k === Tok.Open) {
      if (s.is('tbl')) table = { kind: 'table', style: null, rows: [] };
      else if (s.is('tblStyle') && table) table.style = s.attr('val') ?? null;
      else if (s.is('tr') && table) row = { header: false, cells: [] };
      else if (s.is('tblHeader') && row) row.header = true;
      else if (s.is('tc') && row) cell = [];
      else if (s.is('p')) para = { kind: 'p', style: null, text: '' };
      else if (s.is('pStyle') && para) para.style = s.attr('val') ?? null;
      else if (s.is('t') && para) para.text += s.textContent();
    } else if (k === Tok.Close) {
      if (s.is('p') && para) {
        if (cell) cell.push(para.text);
        else items.push(para);
        para = null;
      } else if (s.is('tc') && cell && row) {
        row.cells.push(cell.join('\n'));
        cell = null;
      } else if (s.is('tr') && row && table) {
        table.rows.push(row);
        row = null;
      } else if (s.is('tbl') && table) {
        items.push(table);
        table = null;
      }
    }
  }
  return items;
}

function fieldsOf(xml: string): string[] {
  const s = new XmlScanner(xml);
  const out: string[] = [];
  for (let k = s.next(); k !== Tok.End; k = s.next()) {
    if (k !== Tok.Open) continue;
    if (s.is('instrText')) out.push(s.textContent().trim());
    else if (s.is('fldSimple')) out.push((s.attr('instr') ?? '').trim());
  }
  return out;
}

function pageSizeOf(xml: string): ReadDocx['pageSize'] {
  const s = new XmlScanner(xml);
  for (let k = s.next(); k !== Tok.End; k = s.next()) {
    if (k === Tok.Open && s.is('pgSz')) return { w: Number(s.attr('w')), h: Number(s.attr('h')), orient: s.attr('orient') };
  }
  throw new Error('no w:pgSz');
}

function stylesOf(xml: string): ReadDocx['styles'] {
  const s = new XmlScanner(xml);
  const out: ReadDocx['styles'] = new Map();
  let id: string | null = null;
  let type = '';
  for (let k = s.next(); k !== Tok.End; k = s.next()) {
    if (k !== Tok.Open) continue;
    if (s.is('style')) {
      id = s.attr('styleId') ?? null;
      type = s.attr('type') ?? '';
    } else if (s.is('name') && id !== null && s.depth === 3) out.set(id, { name: s.attr('val') ?? '', type });
  }
  return out;
}

export function readDocx(bytes: Uint8Array): ReadDocx {
  const files = unzipSync(bytes);
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) if (name.endsWith('.xml') || name.endsWith('.rels')) parts[name] = strFromU8(data);
  const document = parts['word/document.xml'];
  if (!document) throw new Error('word/document.xml missing');
  return {
    parts,
    body: bodyOf(document),
    fields: (part) => fieldsOf(parts[part] ?? ''),
    text: (part) => paragraphsOf(parts[part] ?? '').join('\n'),
    pageSize: pageSizeOf(document),
    styles: stylesOf(parts['word/styles.xml'] ?? ''),
  };
}

/** The part names of the headers and footers, from the archive. */
export function partsLike(doc: ReadDocx, prefix: string): string[] {
  return Object.keys(doc.parts).filter((p) => p.startsWith(prefix) && p.endsWith('.xml')).sort();
}
