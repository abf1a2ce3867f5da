/**
 * Hand-made .xlsx packages, part by part, for what other programs write and Excel reads: prefixes,
 * absolute paths, odd part names, UTF-16, cells without references, damaged archives.
 */
import { zipSync, strToU8 } from 'fflate';
import { CopyableReading, SheetLayouts, readSnapshotFromArchive } from '../../src/adapters/xlsx/reader';
import { ZipArchive } from '../../src/adapters/xlsx/zip';
import { WorkbookSnapshot } from '../../src/core/snapshot';

export type Parts = Record<string, string | Uint8Array>;

export const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function zip(parts: Parts, level: 0 | 6 = 6): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, [typeof v === 'string' ? strToU8(v) : v, { level }]])));
}

/** Cells of one row: strings as inline strings, numbers as numbers. */
export function row(r: number, values: (string | number | null)[]): string {
  const cells = values.map((v, i) => {
    if (v === null) return '';
    const ref = `${String.fromCharCode(65 + i)}${r}`;
    return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`;
  });
  return `<row r="${r}">${cells.join('')}</row>`;
}

export function sheetXml(rows: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetData>${rows}</sheetData>${extra}</worksheet>`;
}

export interface SheetSpec {
  name: string;
  xml: string;
}

/** A minimal package as Excel writes it: content types, relationships, workbook, the sheets. */
export function workbookParts(sheets: SheetSpec[], opts: { shared?: string; styles?: string; workbookPr?: string } = {}): Parts {
  const parts: Parts = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL_NS}">${opts.workbookPr ?? ''}<sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}${opts.shared !== undefined ? `<Relationship Id="rIdS" Type="${REL_TYPE}/sharedStrings" Target="sharedStrings.xml"/>` : ''}${opts.styles !== undefined ? `<Relationship Id="rIdT" Type="${REL_TYPE}/styles" Target="styles.xml"/>` : ''}</Relationships>`,
  };
  sheets.forEach((s, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = s.xml));
  if (opts.shared !== undefined) parts['xl/sharedStrings.xml'] = opts.shared;
  if (opts.styles !== undefined) parts['xl/styles.xml'] = opts.styles;
  return parts;
}

/** The standard Unita sheet with `n` free SAP units of the Comune di Crema, as rows 1..n+1. */
export function unitaRows(n: number): string {
  const rows = [row(1, ['ID unità', 'Codice ente', 'Ente proprietario', 'Comune', 'Stato', 'Destinazione', 'Numero unità'])];
  for (let i = 0; i < n; i++) rows.push(row(i + 2, [i + 1, null, 'Comune di Crema', 'Crema', 'Libero', 'SAP', 1]));
  return rows.join('');
}

/** A workbook read as the command line reads it for a copy: the snapshot, and the reading the copy follows. */
export function readForCopy(bytes: Uint8Array): CopyableReading & { snapshot: WorkbookSnapshot } {
  const archive = new ZipArchive(bytes, { keepText: true });
  const layouts: SheetLayouts = new Map();
  return { archive, layouts, snapshot: readSnapshotFromArchive(archive, undefined, layouts) };
}
