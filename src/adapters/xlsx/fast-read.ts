/**
 * A fast reader for the check's common case: an .xlsx read straight into a snapshot, with Node's
 * native inflate and a scanner for the sheet XML, because exceljs (even streaming) spends most of the
 * check's time parsing XML through saxes. It reads exactly what the snapshot needs: values (shared and
 * inline strings, numbers, booleans, errors, formula results) and number formats. Anything it does not
 * expect (ZIP64, encryption, a cell without its reference) makes it give up: the caller then uses
 * exceljs, so the worst case is the old speed, never a different answer (a test compares both).
 */
import { inflateRawSync } from 'node:zlib';
import { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { parseA1 } from '../../core/address';
import { emptyGrid, put, toSheet } from './workbook';

export class NotFastReadable extends Error {}

/** The entries of a ZIP archive by name, inflated on demand. */
function unzip(buf: Buffer): Map<string, () => Buffer> {
  // End of central directory: the last 22 bytes, or earlier when there is a comment.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new NotFastReadable('not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new NotFastReadable('zip64');
  const entries = new Map<string, () => Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new NotFastReadable('bad central directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (flags & 1) throw new NotFastReadable('encrypted');
    entries.set(name, () => {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      if (method === 0) return data;
      if (method === 8) return inflateRawSync(data);
      throw new NotFastReadable(`compression ${method}`);
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
function decode(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_, e: string) => {
    switch (e) {
      case 'amp': return '&';
      case 'lt': return '<';
      case 'gt': return '>';
      case 'quot': return '"';
      case 'apos': return "'";
      default: return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/** The text of every <t> in a fragment (a shared string may be rich text, in runs). */
function textOf(fragment: string): string {
  let out = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
  let m: RegExpExecArray | null;
  // Phonetic runs (<rPh>) are not part of the text.
  const clean = fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  while ((m = re.exec(clean))) out += m[1] ?? '';
  return decode(out);
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? decode(m[1]!) : undefined;
}

/** Excel's built-in number formats (ECMA-376 18.8.30), as exceljs names them, so both readers agree. */
const BUILTIN_FORMATS: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm',
  21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

function styleFormats(xml: string | null): (string | null)[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = attr(m[1]!, 'numFmtId');
    const code = attr(m[1]!, 'formatCode');
    if (id !== undefined && code !== undefined) custom.set(Number(id), code);
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...cellXfs.matchAll(/<xf\b([^>]*)\/?>/g)].map((m) => {
    const id = Number(attr(m[1]!, 'numFmtId') ?? 0);
    return custom.get(id) ?? BUILTIN_FORMATS[id] ?? null;
  });
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const VALUE = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/;

function readSheet(name: string, xml: string, shared: string[], formats: (string | null)[]): SheetSnapshot {
  const grid = emptyGrid();
  let m: RegExpExecArray | null;
  CELL.lastIndex = 0;
  while ((m = CELL.exec(xml))) {
    const attrs = m[1]!;
    const ref = attr(attrs, 'r');
    if (ref === undefined) throw new NotFastReadable('cell without reference');
    const s = attr(attrs, 's');
    const fmt = s === undefined ? null : formats[Number(s)] ?? null;
    const body = m[2];
    const t = attr(attrs, 't');
    let value: CellValue = null;
    if (body !== undefined) {
      if (t === 'inlineStr') value = textOf(body);
      else {
        const v = VALUE.exec(body)?.[1];
        if (v !== undefined) {
          if (t === 's') value = shared[Number(v)] ?? null;
          else if (t === 'b') value = v === '1';
          else if (t === 'str' || t === 'e') value = decode(v);
          else value = Number(v);
        }
      }
    }
    // Like exceljs's reader, an empty cell is no cell, whatever its format.
    if (value === null) continue;
    const { row, col } = parseA1(ref);
    put(grid, row, col, value, fmt);
  }
  return toSheet(name, grid);
}

/** The whole file as a snapshot, or NotFastReadable when exceljs must do it. */
export function readSnapshotFast(buf: Buffer): WorkbookSnapshot {
  const zip = unzip(buf);
  const text = (name: string): string | null => {
    const e = zip.get(name);
    return e ? e().toString('utf8') : null;
  };
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new NotFastReadable('no workbook');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1]!, 'Id');
    const target = attr(m[1]!, 'Target');
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, '').replace(/^\//, ''));
  }
  const sharedXml = text('xl/sharedStrings.xml');
  const shared = sharedXml ? [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => textOf(m[1] ?? '')) : [];
  const formats = styleFormats(text('xl/styles.xml'));
  const sheets: SheetSnapshot[] = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = attr(m[1]!, 'name');
    const rid = attr(m[1]!, 'r:id');
    const target = rid ? targets.get(rid) : undefined;
    if (!name || !target) throw new NotFastReadable('sheet without target');
    const xml = text(`xl/${target}`);
    if (xml === null) throw new NotFastReadable(`missing ${target}`);
    sheets.push(readSheet(name, xml, shared, formats));
  }
  if (sheets.length === 0) throw new NotFastReadable('no sheets');
  return { sheets };
}
