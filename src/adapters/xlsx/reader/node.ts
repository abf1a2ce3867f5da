/** The reader in Node: a file path in, with Node's native inflate. */
import { readFileSync, statSync } from 'node:fs';
import { constants, crc32, deflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { WorkbookSnapshot } from '../../../core/snapshot';
import { ArchiveError, Inflater, ZipArchive } from '../zip';
import { UnreadableWorkbookError, explain } from '../workbook';
import { asUnreadable, readSnapshotFromArchive, SheetLayouts } from './index';
import { deflateLevel } from '../annotate/zip-writer';

/** zlib stops at `maxOutputLength`: a part that inflates beyond what it declared costs no more. */
export const nativeInflate: Inflater = (data, size, name) => {
  if (size === 0) return new Uint8Array(0);
  try {
    return inflateRawSync(data, { maxOutputLength: size });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new ArchiveError('damaged', `${name} inflates beyond its declared ${size} bytes`);
    throw new ArchiveError('damaged', `${name}: ${code ?? String(err)}`);
  }
};

/** The file's bytes, or the Italian reason it cannot be opened (missing, a folder, no permission). */
export function readFileBytes(path: string): Uint8Array {
  try {
    if (statSync(path).isDirectory()) throw new Error('EISDIR');
    const b = readFileSync(path);
    return new Uint8Array(b.buffer, b.byteOffset, b.length);
  } catch (err) {
    throw explain(err, path);
  }
}

/** The archive of an .xlsx file's bytes, with the native inflate (its parts' text kept when asked). */
export function openArchive(bytes: Uint8Array, label: string, keepText = false): ZipArchive {
  try {
    return new ZipArchive(bytes, { inflate: nativeInflate, keepText });
  } catch (err) {
    throw asUnreadable(err, bytes, label);
  }
}

/** The snapshot of an archive already opened. */
export function readArchive(zip: ZipArchive, bytes: Uint8Array, label: string, layouts?: SheetLayouts): WorkbookSnapshot {
  try {
    return readSnapshotFromArchive(zip, undefined, layouts);
  } catch (err) {
    throw asUnreadable(err, bytes, label);
  }
}

/** Reads an .xlsx file's bytes into a snapshot, with the native inflate. */
export function readXlsxBytes(bytes: Uint8Array, label: string): WorkbookSnapshot {
  try {
    return readSnapshotFromArchive(new ZipArchive(bytes, { inflate: nativeInflate }));
  } catch (err) {
    throw asUnreadable(err, bytes, label);
  }
}

/** Reads the .xlsx file at `path` into a snapshot. */
export function readXlsxFile(path: string): WorkbookSnapshot {
  return readXlsxBytes(readFileBytes(path), path);
}

export { UnreadableWorkbookError };

/** Node's native deflate and CRC-32 for the annotated copy (fflate's and a table's elsewhere). */
export const nativeDeflate = (d: Uint8Array): Uint8Array => deflateRawSync(d, { level: deflateLevel(d.length) });
export const nativeCrc32 = (d: Uint8Array, previous = 0): number => crc32(d, previous);
/** A piece of a large part deflated on zlib's thread pool, while the copy encodes the next piece. */
export const nativeChunkDeflate = (d: Uint8Array, last: boolean): Promise<Uint8Array> =>
  new Promise((resolve, reject) => {
    // One pass on the pool per piece: with zlib's default 16 KB of output per call, every 16 KB would
    // wait for the main thread, which is busy making the next piece (measured: no overlap at all).
    // 1 MB holds a 4 MB piece of sheet XML deflated (about 0.6 MB), and 11 pieces in flight hold 11 MB.
    deflateRaw(d, { level: deflateLevel(Infinity), chunkSize: 1 << 20, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }, (err, out) => (err ? reject(err) : resolve(out)));
  });
