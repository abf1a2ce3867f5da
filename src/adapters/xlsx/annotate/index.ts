/**
 * The annotated copy, made from the user's own package: every part we do not change is copied as it
 * was stored (charts, images, pivots, validations, conditional formats, names, theme, properties),
 * and ours are added or edited in place: the output sheets, fills and notes on the cells with
 * anomalies, the owned computed columns, the styles they need.
 */
import { CellValue } from '../../../core/snapshot';
import { FONT, SEVERITY_FILL } from '../../../core/output/sheet-builder';
import { isOurOutput } from '../../../core/output/signature';
import { quoteSheetName } from '../../../core/address';
import { OWNED_COLUMNS, OUTPUT_SHEETS } from '../../../core/reading/schema';
import { WritePlan } from '../../../core/output/write-plan';
import { Severity } from '../../../core/rules/rule';
import { ZipArchive } from '../zip';
import { Tok, XmlScanner } from '../xml';
import { readRelationships, relsPartOf } from '../reader/package';
import { CopyableReading, readWorkbookInfo } from '../reader/index';
import { RowLayout } from '../reader/layout';
import { CT, editContentTypes, editRels, editWorkbook, freshId } from './package-edit';
import { editSheet, OwnedColumnEdit, SheetEdits } from './sheet-edit';
import { PartWriter } from './part-writer';
import { notesParts, NoteIn } from './notes';
import { writeOutSheet } from './sheet-out';
import { StyleBook, fontXml, solidFillXml } from './styles';
import { ChunkDeflater, Crc32, Deflater, LARGE_PART, OutPart, fflateDeflate, tableCrc32, writeZip } from './zip-writer';
import { declaredUtf8, REL } from './xml-out';

/** A sheet named like an output sheet that Piano Offerta did not write: it is the user's, never replaced. */
export class ForeignOutputSheetError extends Error {
  constructor(readonly sheet: string) {
    super(`Esiste già un foglio «${sheet}» che non è stato creato da Piano Offerta: rinominarlo e riprovare (Piano Offerta non sovrascrive i fogli degli utenti).`);
  }
}

/**
 * Cells of the copy given a note at most (errors first; every one is filled and listed in Anomalie):
 * a note is a drawing in the file, and 100,000 of them make a copy too heavy to open.
 */
export const MAX_FILE_NOTES = 10_000;

export interface AppliedPlan {
  highlightedCells: number;
  notedCells: number;
}

export interface CopyOptions {
  deflate?: Deflater;
  crc32?: Crc32;
  /** Where there is one: a large edited part deflated piece by piece while the next is encoded. */
  deflateChunk?: ChunkDeflater;
  /** The first cell of a sheet as read (to tell our earlier output sheets from a user's). */
  firstCell: (sheet: string) => CellValue;
}

const enc = new TextEncoder();

/**
 * The copy follows the reading that made the plan: the same archive (its parts' text kept) and where
 * that reading found each sheet's rows; no sheet is read again.
 */
export async function annotatedCopy(reading: CopyableReading, plan: WritePlan, options: CopyOptions): Promise<{ bytes: Uint8Array; applied: AppliedPlan }> {
  const zip = reading.archive;
  const info = readWorkbookInfo(zip);
  // A part's new text, or the pieces it is made of (an edited unit list: encoded without joining them).
  const changed = new Map<string, string | PartWriter>();
  const removed = new Set<string>();
  const ctAdd = new Map<string, string>();
  const ctDefaults = new Map<string, string>();
  const text = (part: string) => {
    const c = changed.get(part);
    if (c instanceof PartWriter) throw new Error(`${part} is being written`);
    return c === undefined ? zip.text(part) : c;
  };

  // Output sheets of an earlier run are ours to replace; any other sheet of that name is the user's.
  for (const out of plan.sheets) {
    if (!info.sheets.some((s) => s.name === out.name)) continue;
    const first = options.firstCell(out.name);
    if (!isOurOutput(typeof first === 'string' ? first : '')) throw new ForeignOutputSheetError(out.name);
  }

  const stylesRel = readRelationships(zip, info.part).find((r) => r.type === 'styles' && r.target && zip.has(r.target));
  const stylesPart = stylesRel?.target ?? 'xl/styles.xml';
  const book = new StyleBook(stylesRel ? zip.text(stylesPart) : null);
  const layoutOf = (part: string): RowLayout => {
    const layout = reading.layouts.get(part);
    if (!layout) throw new Error(`${part}: not in the reading the copy follows`);
    return layout;
  };
  const crc32 = options.crc32 ?? tableCrc32;
  const writer = (part: string) => new PartWriter(part, crc32, options.deflateChunk, zip.text(part) ?? '');
  const applied = editUserSheets(zip, info, plan, book, { changed, ctAdd, ctDefaults, layoutOf, writer });
  const workbookRels = relsPartOf(info.part);
  const wbRelId = freshId(zip.text(workbookRels));
  const newWbRels: { id: string; type: string; target: string }[] = [];
  let nextTableId = maxTableId(zip) + 1;
  const newSheets: { name: string; relId: string }[] = [];
  const names: { name: string; localSheetId: number; value: string }[] = [];
  const dropNames: { name: string; localSheetId: number }[] = [];
  let sheetIndex = info.sheets.length;
  for (const out of plan.sheets) {
    const existing = info.sheets.findIndex((s) => s.name === out.name && s.part);
    let part: string;
    let index: number;
    if (existing >= 0) {
      index = existing;
      part = info.sheets[existing]!.part!;
      // The earlier run's tables go with the sheet they were in.
      for (const r of readRelationships(zip, part)) if (r.type === 'table' && r.target) removed.add(r.target);
      removed.add(relsPartOf(part));
      dropNames.push({ name: '_xlnm.Print_Titles', localSheetId: index }, { name: '_xlnm.Print_Area', localSheetId: index });
    } else {
      index = sheetIndex++;
      part = freshPart(zip, changed, 'xl/worksheets/sheet', '.xml');
      const relId = wbRelId();
      newWbRels.push({ id: relId, type: `${REL}/worksheet`, target: relativeTarget(info.part, part) });
      newSheets.push({ name: out.name, relId });
      ctAdd.set(`/${part}`, CT.worksheet);
    }
    const tableRels: { id: string; target: string }[] = [];
    const written = writeOutSheet(out, book, () => nextTableId++, (i) => (tableRels[i] ??= { id: `rIdT${i + 1}`, target: '' }).id);
    written.tables.forEach((t, i) => {
      const tablePart = freshPart(zip, changed, 'xl/tables/table', '.xml', removed);
      changed.set(tablePart, t.xml);
      removed.delete(tablePart);
      ctAdd.set(`/${tablePart}`, CT.table);
      tableRels[i]!.target = relativeTarget(part, tablePart);
    });
    changed.set(part, written.xml);
    if (tableRels.length) {
      changed.set(relsPartOf(part), editRels(null, tableRels.map((t) => ({ id: t.id, type: `${REL}/table`, target: t.target }))));
      removed.delete(relsPartOf(part));
    }
    const q = quoteSheetName(out.name);
    names.push({ name: '_xlnm.Print_Titles', localSheetId: index, value: `${q}!${written.printTitles}` });
    if (written.printArea) names.push({ name: '_xlnm.Print_Area', localSheetId: index, value: `${q}!${written.printArea}` });
  }
  const riepilogo = [...info.sheets.map((s) => s.name), ...newSheets.map((s) => s.name)].indexOf(OUTPUT_SHEETS.riepilogo);
  changed.set(info.part, editWorkbook(text(info.part)!, { sheets: newSheets, dropNames, names, activeTab: riepilogo >= 0 ? riepilogo : null }));
  if (!stylesRel) newWbRels.push({ id: wbRelId(), type: `${REL}/styles`, target: relativeTarget(info.part, stylesPart) });
  if (newWbRels.length) changed.set(workbookRels, editRels(text(workbookRels), newWbRels));
  const styles = book.serialize();
  if (styles !== null) changed.set(stylesPart, styles);
  if (!stylesRel) ctAdd.set(`/${stylesPart}`, CT.styles);
  for (const r of removed) ctAdd.delete(`/${r}`);
  changed.set('[Content_Types].xml', editContentTypes(text('[Content_Types].xml')!, ctAdd, new Set([...removed].map((r) => `/${r}`.toLowerCase())), ctDefaults));

  // A large part of ours (the notes' drawing, Anomalie) is deflated on the other thread too; every
  // part is started before any is waited for.
  const out = (name: string, c: string | PartWriter): OutPart | Promise<OutPart> => {
    if (typeof c !== 'string') return c.finish();
    c = declaredUtf8(c);
    if (!options.deflateChunk || c.length <= LARGE_PART) return { name, data: enc.encode(c) };
    const w = new PartWriter(name, crc32, options.deflateChunk, '');
    w.push(c);
    return w.finish();
  };
  const parts: (OutPart | Promise<OutPart>)[] = [];
  const seen = new Set<string>();
  for (const name of zip.names()) {
    const key = name.toLowerCase();
    seen.add(key);
    if (removed.has(name) && !changed.has(name)) continue;
    const c = changedFor(changed, name);
    parts.push(c !== undefined ? out(name, c) : { name, raw: zip.raw(name)! });
  }
  for (const [name, c] of changed) if (!seen.has(name.toLowerCase())) parts.push(out(name, c));
  return { bytes: writeZip(await Promise.all(parts), options.deflate ?? fflateDeflate, crc32), applied };
}

function changedFor(changed: Map<string, string | PartWriter>, name: string): string | PartWriter | undefined {
  const direct = changed.get(name);
  if (direct !== undefined) return direct;
  for (const [k, v] of changed) if (k.toLowerCase() === name.toLowerCase()) return v;
  return undefined;
}

function freshPart(zip: ZipArchive, changed: Map<string, string | PartWriter>, stem: string, ext: string, free: Set<string> = new Set()): string {
  for (let n = 1; ; n++) {
    const p = `${stem}${n}${ext}`;
    if (free.has(p) && !changed.has(p)) return p;
    if (!zip.has(p) && !changed.has(p)) return p;
  }
}

/** Table ids are unique in the workbook: ours come after the highest of the user's tables. */
function maxTableId(zip: ZipArchive): number {
  let max = 0;
  for (const name of zip.names()) {
    if (!name.toLowerCase().startsWith('xl/tables/')) continue;
    const x = new XmlScanner(zip.text(name) ?? '');
    if (x.next() === Tok.Open && x.is('table')) max = Math.max(max, Number(x.attr('id') ?? 0) || 0);
  }
  return max;
}

/** A relationship's target as Excel writes it: relative to the folder of the part that holds it. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...Array(from.length - i).fill('..'), ...to.slice(i)].join('/');
}

interface Sink {
  changed: Map<string, string | PartWriter>;
  ctAdd: Map<string, string>;
  ctDefaults: Map<string, string>;
  layoutOf: (part: string) => RowLayout;
  writer: (part: string) => PartWriter;
}

/** Fills, owned columns and notes on the user's sheets. */
function editUserSheets(zip: ZipArchive, info: ReturnType<typeof readWorkbookInfo>, plan: WritePlan, book: StyleBook, sink: Sink): AppliedPlan {
  const bySheet = new Map<string, { fills: SheetEdits['fills']; notes: NoteIn[]; owned: OwnedColumnEdit | null }>();
  const of = (sheet: string) => {
    let e = bySheet.get(sheet);
    if (!e) bySheet.set(sheet, (e = { fills: new Map(), notes: [], owned: null }));
    return e;
  };
  let highlighted = 0;
  let noted = 0;
  for (const a of plan.annotations) {
    if (!info.sheets.some((s) => s.name === a.sheet && s.part)) continue;
    const e = of(a.sheet);
    let row = e.fills.get(a.row);
    if (!row) e.fills.set(a.row, (row = new Map()));
    row.set(a.col, solidFillXml(SEVERITY_FILL[a.severity]));
    highlighted++;
    if (noted < MAX_FILE_NOTES) {
      e.notes.push({ row: a.row, col: a.col, text: a.note });
      noted++;
    }
  }
  // One format per severity (and none), worked out once: the column has a cell per unit.
  const italicFont = fontXml({ name: FONT.name, size: FONT.size, italic: true });
  const plain = book.xf({ font: italicFont });
  const filled = (severity: Severity) => book.xf({ font: italicFont, fill: solidFillXml(SEVERITY_FILL[severity]) });
  const styles = { none: plain, error: filled('error'), warning: filled('warning'), info: filled('info') };
  for (const col of plan.columns) {
    if (!info.sheets.some((s) => s.name === col.sheet && s.part)) continue;
    of(col.sheet).owned = {
      col: col.col, headerRow: col.headerRow, header: col.header, cells: col.cells, styles,
      headerStyle: book.xf({ font: fontXml({ name: FONT.name, size: FONT.size, bold: true, italic: true, color: '#2F5496' }) }),
      width: col.header === OWNED_COLUMNS.Unita ? 48 : 14,
    };
  }
  let block = 1;
  let unnoted = 0;
  for (const [sheet, e] of bySheet) {
    const part = info.sheets.find((s) => s.name === sheet)!.part!;
    const rels = readRelationships(zip, part);
    const commentsRel = rels.find((r) => r.type === 'comments' && r.target);
    const vmlRel = rels.find((r) => r.type === 'vmlDrawing' && r.target);
    let legacyDrawingRelId: string | null = null;
    if (e.notes.length) {
      const notes = notesParts({ comments: commentsRel ? zip.text(commentsRel.target!) : null, vml: vmlRel ? zip.text(vmlRel.target!) : null }, e.notes, block);
      if (!notes) unnoted += e.notes.length;
      else {
        block += notes.blocks;
        const commentsPart = commentsRel?.target ?? freshPart(zip, sink.changed, 'xl/comments', '.xml');
        const vmlPart = vmlRel?.target ?? freshPart(zip, sink.changed, 'xl/drawings/vmlDrawing', '.vml');
        sink.changed.set(commentsPart, notes.comments);
        sink.changed.set(vmlPart, notes.vml);
        sink.ctAdd.set(`/${commentsPart}`, CT.comments);
        sink.ctDefaults.set('vml', CT.vml);
        const add: { id: string; type: string; target: string }[] = [];
        const relsXml = zip.text(relsPartOf(part));
        const id = freshId(relsXml);
        if (!commentsRel) add.push({ id: id(), type: `${REL}/comments`, target: relativeTarget(part, commentsPart) });
        if (!vmlRel) {
          legacyDrawingRelId = id();
          add.push({ id: legacyDrawingRelId, type: `${REL}/vmlDrawing`, target: relativeTarget(part, vmlPart) });
        }
        if (add.length) sink.changed.set(relsPartOf(part), editRels(relsXml, add));
      }
    }
    // Written as it is made: a long list is encoded (and deflated, in the command line) as it goes.
    const w = sink.writer(part);
    editSheet(zip.text(part) ?? '', { fills: e.fills, owned: e.owned, legacyDrawingRelId }, book, sink.layoutOf(part), w);
    sink.changed.set(part, w);
  }
  return { highlightedCells: highlighted, notedCells: noted - unnoted };
}

