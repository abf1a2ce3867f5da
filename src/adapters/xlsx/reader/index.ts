/**
 * The one .xlsx reader, for the command line, the browser page and the annotated copy: bytes in,
 * a workbook snapshot out, or an UnreadableWorkbookError that says in Italian what is wrong with the
 * file and what to do. Memory is bounded by the cells present and by the archive's checked sizes.
 */
import { WorkbookSnapshot, SheetSnapshot } from '../../../core/snapshot';
import { ArchiveError, ZipArchive, ZipOptions } from '../zip';
import { Tok, XmlError, XmlScanner } from '../xml';
import { UnreadableWorkbookError } from '../workbook';
import { readRelationships, workbookPart } from './package';
import { readSharedStrings } from './strings';
import { readNumberFormats } from './styles';
import { BadSheetError, readWorksheet } from './sheet';
import { RowLayout } from './layout';
import { unreadableMessage } from './messages';

export interface WorkbookSheetRef {
  name: string;
  /** The worksheet part, e.g. `xl/worksheets/sheet1.xml`; null for a chart or dialog sheet. */
  part: string | null;
  relId: string;
}

export interface WorkbookInfo {
  part: string;
  sheets: WorkbookSheetRef[];
  date1904: boolean;
}

/** The workbook part's sheet list, each with the part it points to. */
export function readWorkbookInfo(zip: ZipArchive): WorkbookInfo {
  const part = workbookPart(zip);
  if (!part) throw new ArchiveError('not-zip', 'no workbook part');
  const xml = zip.text(part)!;
  const rels = new Map(readRelationships(zip, part).map((r) => [r.id, r]));
  const sheets: WorkbookSheetRef[] = [];
  let date1904 = false;
  const x = new XmlScanner(xml);
  for (let k = x.next(); k !== Tok.End; k = x.next()) {
    if (k !== Tok.Open) continue;
    if (x.name === 'workbookPr') {
      const d = x.attr('date1904');
      date1904 = d === '1' || d === 'true';
    } else if (x.name === 'sheet') {
      const name = x.attr('name');
      const relId = x.attr('id') ?? '';
      const rel = rels.get(relId);
      if (!name) continue;
      sheets.push({ name, relId, part: rel && rel.type === 'worksheet' && rel.target && zip.has(rel.target) ? rel.target : null });
    }
  }
  return { part, sheets, date1904 };
}

function partOfType(zip: ZipArchive, workbook: string, type: string): string | null {
  const r = readRelationships(zip, workbook).find((x) => x.type === type && x.target && zip.has(x.target));
  return r?.target ?? null;
}

/** Where reading has got to: the sheet, its rows read so far, and the whole file's fraction (0..1). */
export interface ReadProgress {
  sheet: string;
  rows: number;
  fraction: number;
}

/** Each worksheet part's row layout, filled by a reading that a copy will follow. */
export type SheetLayouts = Map<string, RowLayout>;

/** A reading an annotated copy can follow: the archive (its parts' text kept) and where each sheet's rows are. */
export interface CopyableReading {
  archive: ZipArchive;
  layouts: SheetLayouts;
}

export function readSnapshotFromArchive(zip: ZipArchive, onProgress?: (p: ReadProgress) => void, layouts?: SheetLayouts): WorkbookSnapshot {
  const info = readWorkbookInfo(zip);
  const strings = partOfType(zip, info.part, 'sharedStrings');
  const styles = partOfType(zip, info.part, 'styles');
  const ctx = {
    shared: readSharedStrings(strings ? zip.text(strings) : null),
    formats: readNumberFormats(styles ? zip.text(styles) : null),
    date1904: info.date1904,
  };
  const sheets: SheetSnapshot[] = [];
  // Progress weighed by each sheet's size: the Unita sheet of a large plan is nearly all of it.
  const total = info.sheets.reduce((n, s) => n + (s.part ? zip.size(s.part) : 0), 0) || 1;
  let done = 0;
  for (const s of info.sheets) {
    if (!s.part) continue; // a chart sheet: nothing to read
    const size = zip.size(s.part);
    const onRows = onProgress ? (rows: number, f: number) => onProgress({ sheet: s.name, rows, fraction: (done + f * size) / total }) : undefined;
    let layout: RowLayout | undefined;
    if (layouts) layouts.set(s.part, (layout = new RowLayout()));
    sheets.push(readWorksheet(s.name, zip.text(s.part) ?? '', { ...ctx, ...(onRows ? { onRows } : {}), ...(layout ? { layout } : {}) }));
    done += size;
  }
  if (sheets.length === 0) throw new ArchiveError('not-zip', 'no worksheets');
  return { sheets };
}

/** Reads an .xlsx file's bytes; `label` names the file in messages. */
export function readXlsx(bytes: Uint8Array, label: string, onProgress?: (p: ReadProgress) => void, options: ZipOptions = {}): WorkbookSnapshot {
  try {
    return readSnapshotFromArchive(new ZipArchive(bytes, options), onProgress);
  } catch (err) {
    throw asUnreadable(err, bytes, label);
  }
}

/** Any failure of reading as the Italian sentence the user sees. */
export function asUnreadable(err: unknown, bytes: Uint8Array, label: string): Error {
  if (err instanceof UnreadableWorkbookError) return err;
  if (err instanceof ArchiveError || err instanceof XmlError || err instanceof BadSheetError || err instanceof RangeError) {
    const { message, reason } = unreadableMessage(err, bytes, label);
    return new UnreadableWorkbookError(message, reason);
  }
  return err instanceof Error ? err : new Error(String(err));
}
