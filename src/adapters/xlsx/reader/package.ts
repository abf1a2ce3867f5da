/**
 * The package around the sheets: which part is the workbook (found through the package's
 * relationships, as Excel finds it), and each part's relationships with their targets resolved
 * against the part that holds them (relative, `../`, or absolute `/xl/...` as openpyxl writes them).
 */
import { ZipArchive } from '../zip';
import { Tok, XmlScanner } from '../xml';

export interface Relationship {
  id: string;
  /** The last segment of the type URI: `worksheet`, `sharedStrings`, `styles`, `officeDocument`… */
  type: string;
  /** The part it points to, without a leading slash; null for external targets. */
  target: string | null;
}

/** `xl/worksheets/sheet1.xml` for target `worksheets/sheet1.xml` from `xl/workbook.xml`. */
export function resolveTarget(fromPart: string, target: string): string {
  const t = decodeURIComponentSafe(target.split('#')[0]!);
  const base = t.startsWith('/') ? [] : fromPart.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export function readRelationships(zip: ZipArchive, part: string): Relationship[] {
  const xml = zip.text(relsPartOf(part));
  if (xml === null) return [];
  const out: Relationship[] = [];
  const x = new XmlScanner(xml);
  for (let k = x.next(); k !== Tok.End; k = x.next()) {
    if (k !== Tok.Open || x.name !== 'Relationship') continue;
    const id = x.attr('Id');
    const type = x.attr('Type') ?? '';
    const target = x.attr('Target');
    if (!id || target === undefined) continue;
    const external = x.attr('TargetMode') === 'External';
    out.push({ id, type: type.slice(type.lastIndexOf('/') + 1), target: external ? null : resolveTarget(part, target) });
  }
  return out;
}

/** The workbook part: the package's officeDocument relationship, else where Excel writes it. */
export function workbookPart(zip: ZipArchive): string | null {
  for (const r of readRelationships(zip, '')) {
    if (r.type === 'officeDocument' && r.target && zip.has(r.target)) return r.target;
  }
  return zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : null;
}
