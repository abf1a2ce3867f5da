/**
 * The raw XML of a written .xlsx, for what exceljs does not read back (manual page breaks): a zip's
 * central directory and its deflated entries, with node:zlib.
 */
import { inflateRawSync } from 'node:zlib';

export function zipEntries(buf: Buffer): Map<string, string> {
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    const local = buf.readUInt32LE(at + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extra;
  }
  return out;
}

/** The worksheet XML of each sheet, by the sheet's name. */
export function sheetXmlByName(buf: Buffer): Map<string, string> {
  const parts = zipEntries(buf);
  const workbook = parts.get('xl/workbook.xml') ?? '';
  const rels = parts.get('xl/_rels/workbook.xml.rels') ?? '';
  const target = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!.replace(/^\/?(xl\/)?/, 'xl/')]));
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const name = m[1]!.replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    out.set(name, parts.get(target.get(m[2]!) ?? '') ?? '');
  }
  return out;
}

/** Zero-based rows a manual page break comes before (the file stores the 1-based row it follows). */
export function rowBreaks(sheetXml: string): number[] {
  const block = /<rowBreaks[^>]*>(.*?)<\/rowBreaks>/s.exec(sheetXml)?.[1] ?? '';
  return [...block.matchAll(/<brk [^>]*id="(\d+)"/g)].map((m) => Number(m[1]));
}
