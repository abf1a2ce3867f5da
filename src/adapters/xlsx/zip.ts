/**
 * The ZIP archive of an .xlsx package, read from its central directory, each part inflated only when
 * asked for, with fflate (the same code in Node and in the browser). Nothing is allocated from what
 * the archive claims before the claim is checked: a part may not inflate beyond its declared size,
 * the declared sizes are bounded per part and in total, and inflating stops as soon as a part goes
 * past what it declared (a compression bomb costs a few milliseconds, not gigabytes).
 */
import { Inflate } from 'fflate';

/** Why an archive cannot be read; the adapter turns each into an Italian sentence. */
export type ArchiveProblem = 'empty' | 'not-zip' | 'damaged' | 'encrypted' | 'unsupported' | 'too-large';

export class ArchiveError extends Error {
  constructor(readonly problem: ArchiveProblem, detail: string, readonly limit?: number) {
    super(detail);
  }
}

/** Ceilings on inflated bytes: a 100,000-unit plan's largest part is about 36 MB. */
export const MAX_PART_BYTES = 256 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 512 * 1024 * 1024;

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * Inflates raw DEFLATE data that must come to exactly `size` bytes. The default is fflate's, which
 * runs everywhere; Node passes its native zlib (five times faster), held to the same bound.
 */
export type Inflater = (data: Uint8Array, size: number, name: string) => Uint8Array;

export interface ZipOptions {
  inflate?: Inflater;
  limits?: { part: number; total: number };
  /** Keep each part's text once read: the command line reads the sheets for the check, then edits them for the copy. */
  keepText?: boolean;
}

export interface RawPart {
  name: string;
  method: number;
  data: Uint8Array;
  size: number;
  crc: number;
}

export class ZipArchive {
  private readonly entries = new Map<string, Entry>();
  private inflated = 0;
  private readonly limits: { part: number; total: number };
  private readonly inflate: Inflater;
  private readonly texts: Map<string, string> | null;

  constructor(private readonly bytes: Uint8Array, options: ZipOptions = {}) {
    this.limits = options.limits ?? { part: MAX_PART_BYTES, total: MAX_TOTAL_BYTES };
    this.inflate = options.inflate ?? inflateBounded;
    this.texts = options.keepText ? new Map() : null;
    if (bytes.length === 0) throw new ArchiveError('empty', 'empty file');
    readCentralDirectory(bytes, (e) => this.entries.set(e.name.toLowerCase(), e));
  }

  /** Part names as stored (without a leading slash). */
  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  /** The stored parts, for inflating them ahead elsewhere (the browser's native DecompressionStream). */
  storedParts(): { name: string; method: number; size: number }[] {
    return [...this.entries.values()].map((e) => ({ name: e.name, method: e.method, size: e.size }));
  }

  /** The size a part declares once inflated (0 when absent): to weigh progress by. */
  size(name: string): number {
    return this.entries.get(name.replace(/^\//, '').toLowerCase())?.size ?? 0;
  }

  /** OPC part names are case-insensitive: `xl/SharedStrings.xml` is `xl/sharedStrings.xml`. */
  has(name: string): boolean {
    return this.entries.has(name.replace(/^\//, '').toLowerCase());
  }

  /** The stored bytes of a part as they are (to copy it unchanged), with how they are compressed. */
  raw(name: string): RawPart | null {
    const e = this.entries.get(name.replace(/^\//, '').toLowerCase());
    if (!e) return null;
    if (e.flags & 1) throw new ArchiveError('encrypted', `${e.name} is encrypted`);
    const start = dataStart(this.bytes, e);
    return { name: e.name, method: e.method, data: this.bytes.subarray(start, start + e.compressedSize), size: e.size, crc: e.crc };
  }

  /** The inflated bytes of a part, or null when the archive has no such part. */
  read(name: string): Uint8Array | null {
    const e = this.entries.get(name.replace(/^\//, '').toLowerCase());
    if (!e) return null;
    if (e.flags & 1) throw new ArchiveError('encrypted', `${e.name} is encrypted`);
    if (e.size > this.limits.part) throw new ArchiveError('too-large', `${e.name} declares ${e.size} bytes`, this.limits.part);
    if (this.inflated + e.size > this.limits.total) throw new ArchiveError('too-large', `parts declare over ${this.limits.total} bytes`, this.limits.total);
    this.inflated += e.size;
    const start = dataStart(this.bytes, e);
    const data = this.bytes.subarray(start, start + e.compressedSize);
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw new ArchiveError('damaged', `${e.name}: stored size mismatch`);
      return data;
    }
    if (e.method !== 8) throw new ArchiveError('unsupported', `${e.name}: compression method ${e.method}`);
    let out: Uint8Array;
    try {
      out = this.inflate(data, e.size, e.name);
    } catch (err) {
      if (err instanceof ArchiveError) throw err;
      throw new ArchiveError('damaged', `${e.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (out.length !== e.size) throw new ArchiveError('damaged', `${e.name}: ${out.length} bytes instead of ${e.size}`);
    return out;
  }

  /** A part as text: UTF-8, or UTF-16 when it starts with a byte order mark. */
  text(name: string): string | null {
    const key = name.replace(/^\//, '').toLowerCase();
    const kept = this.texts?.get(key);
    if (kept !== undefined) return kept;
    const t = this.decode(name);
    if (t !== null) this.texts?.set(key, t);
    return t;
  }

  private decode(name: string): string | null {
    const b = this.read(name);
    if (!b) return null;
    try {
      if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(b);
      if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(b);
      return new TextDecoder('utf-8', { fatal: true }).decode(b);
    } catch {
      throw new ArchiveError('damaged', `${name}: not valid text`);
    }
  }
}

export function inflateBounded(data: Uint8Array, size: number, name: string): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (at + chunk.length > size) {
      over = true;
      throw new ArchiveError('damaged', `${name} inflates beyond its declared ${size} bytes`);
    }
    out.set(chunk, at);
    at += chunk.length;
  });
  // Small steps: fflate inflates a whole step at once, so a step bounds what one call can allocate.
  const STEP = 1 << 12;
  try {
    for (let i = 0; i < data.length; i += STEP) inflater.push(data.subarray(i, Math.min(data.length, i + STEP)), i + STEP >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof ArchiveError) throw err;
    throw new ArchiveError('damaged', `${name}: ${over ? 'too long' : err instanceof Error ? err.message : String(err)}`);
  }
  if (at !== size) throw new ArchiveError('damaged', `${name}: ${at} bytes instead of ${size}`);
  return out;
}

function u16(b: Uint8Array, p: number): number {
  if (p < 0 || p + 2 > b.length) throw new ArchiveError('damaged', 'read past the end');
  return b[p]! | (b[p + 1]! << 8);
}

function u32(b: Uint8Array, p: number): number {
  if (p < 0 || p + 4 > b.length) throw new ArchiveError('damaged', 'read past the end');
  return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16)) + b[p + 3]! * 0x1000000;
}

function u64(b: Uint8Array, p: number): number {
  const lo = u32(b, p);
  const hi = u32(b, p + 4);
  if (hi > 0x1fffff) throw new ArchiveError('too-large', 'a size beyond 2^53');
  return hi * 0x100000000 + lo;
}

function dataStart(b: Uint8Array, e: Entry): number {
  if (u32(b, e.localOffset) !== 0x04034b50) throw new ArchiveError('damaged', `${e.name}: no local header`);
  const start = e.localOffset + 30 + u16(b, e.localOffset + 26) + u16(b, e.localOffset + 28);
  if (start + e.compressedSize > b.length) throw new ArchiveError('damaged', `${e.name}: truncated`);
  return start;
}

const decoder = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

function readCentralDirectory(b: Uint8Array, add: (e: Entry) => void): void {
  if (b.length < 22) throw new ArchiveError(u32Safe(b, 0) === 0x04034b50 ? 'damaged' : 'not-zip', 'too short');
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ArchiveError(u32Safe(b, 0) === 0x04034b50 ? 'damaged' : 'not-zip', 'no end of central directory');
  let count = u16(b, eocd + 10);
  let dirSize = u32(b, eocd + 12);
  let p = u32(b, eocd + 16);
  // ZIP64: the real figures are in the ZIP64 end record the locator points to.
  if (count === 0xffff || p === 0xffffffff || dirSize === 0xffffffff) {
    const loc = eocd - 20;
    if (u32(b, loc) !== 0x07064b50) throw new ArchiveError('damaged', 'zip64 without locator');
    const rec = u64(b, loc + 8);
    if (u32(b, rec) !== 0x06064b50) throw new ArchiveError('damaged', 'bad zip64 record');
    count = u64(b, rec + 32);
    dirSize = u64(b, rec + 40);
    p = u64(b, rec + 48);
  }
  if (p + dirSize > b.length || count * 46 > dirSize + 46) throw new ArchiveError('damaged', 'central directory out of the file');
  for (let i = 0; i < count; i++) {
    if (u32(b, p) !== 0x02014b50) throw new ArchiveError('damaged', 'bad central directory entry');
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const crc = u32(b, p + 16);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    if (p + 46 + nameLen > b.length) throw new ArchiveError('damaged', 'name out of the file');
    const rawName = b.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? decoder : latin1).decode(rawName).replace(/\\/g, '/').replace(/^\//, '');
    // ZIP64 extra field: the 0xffffffff sizes and offset, in that order, as present.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = u16(b, x);
      const len = u16(b, x + 2);
      if (id === 1) {
        let q = x + 4;
        if (size === 0xffffffff) {
          size = u64(b, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(b, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(b, q);
      }
      x += 4 + len;
    }
    if (localOffset + 30 > b.length) throw new ArchiveError('damaged', `${name}: out of the file`);
    if (!name.endsWith('/')) add({ name, method, flags, crc, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
}

function u32Safe(b: Uint8Array, p: number): number {
  return p + 4 <= b.length ? u32(b, p) : -1;
}
