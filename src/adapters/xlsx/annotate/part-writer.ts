/**
 * An edited part written as it is made: its text comes in pieces (a 100,000-row list is ~500,000 of
 * them), is encoded to UTF-8 a batch at a time and, where there is another thread to deflate on, is
 * compressed a chunk at a time while the next chunk is made. Nothing holds the whole text, and the
 * pieces die young (a list of them kept to the end cost more in garbage collection than in copying).
 */
import { ChunkDeflater, Crc32, OutPart } from './zip-writer';

/** Characters joined for one call of the encoder. */
const BATCH = 1 << 16;
/** Bytes deflated in one go on the other thread. */
export const CHUNK_BYTES = 1 << 22;

const enc = new TextEncoder();

export class PartWriter {
  private batch: string[] = [];
  private chars = 0;
  // Grown up to a chunk as the part turns out long; small parts (most) stay small.
  private buf = new Uint8Array(4 * BATCH);
  private at = 0;
  private chunks: Uint8Array[] = [];
  private jobs: Promise<Uint8Array>[] = [];
  private crc = 0;
  private size = 0;

  constructor(
    readonly name: string,
    private readonly crc32: Crc32,
    private readonly deflateChunk?: ChunkDeflater,
  ) {}

  readonly push = (piece: string): void => {
    // A piece longer than a batch (what follows the last edit of a long sheet) is cut to fit.
    for (let from = 0; from < piece.length; ) {
      const take = Math.min(piece.length - from, BATCH - this.chars);
      this.batch.push(take === piece.length ? piece : piece.slice(from, from + take));
      this.chars += take;
      from += take;
      if (this.chars >= BATCH) this.flushBatch();
    }
  };

  /** The ZIP entry: deflated here already when it was large, else left for the writer to deflate. */
  async finish(): Promise<OutPart> {
    this.flushBatch();
    const rest = this.buf.subarray(0, this.at);
    if (this.deflateChunk && this.jobs.length) {
      this.emit(rest);
      // An empty last block closes the stream.
      this.jobs.push(this.deflateChunk(new Uint8Array(0), true));
      const data = concat(await Promise.all(this.jobs));
      return { name: this.name, raw: { name: this.name, method: 8, data, size: this.size, crc: this.crc } };
    }
    this.chunks.push(rest);
    return { name: this.name, data: concat(this.chunks) };
  }

  private flushBatch(): void {
    if (this.chars === 0) return;
    // Room for a whole batch however wide its characters: never a partial write to undo.
    if (this.buf.length - this.at < 3 * BATCH) {
      const bigger = new Uint8Array(Math.min(this.buf.length * 2, CHUNK_BYTES + 3 * BATCH));
      bigger.set(this.buf.subarray(0, this.at));
      this.buf = bigger;
    }
    this.at += enc.encodeInto(this.batch.length === 1 ? this.batch[0]! : this.batch.join(''), this.buf.subarray(this.at)).written;
    this.batch = [];
    this.chars = 0;
    if (this.at >= CHUNK_BYTES) {
      this.emit(this.buf.subarray(0, this.at));
      this.buf = new Uint8Array(CHUNK_BYTES + 3 * BATCH);
      this.at = 0;
    }
  }

  private emit(bytes: Uint8Array): void {
    if (!this.deflateChunk) {
      this.chunks.push(bytes);
      return;
    }
    this.crc = this.crc32(bytes, this.crc);
    this.size += bytes.length;
    this.jobs.push(this.deflateChunk(bytes, false));
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
