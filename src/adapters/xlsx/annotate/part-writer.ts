/**
 * An edited part written as it is made: our text comes in pieces and the user's as spans of the
 * original part (a 100,000-row list is ~500,000 of them), encoded to UTF-8 a batch at a time and,
 * where there is another thread to deflate on, compressed a chunk at a time while the next chunk is
 * made. Nothing holds the whole text, and the pieces die young (a list of them kept to the end cost
 * more in garbage collection than the copying). Copying spans from the original's bytes instead was
 * measured: no faster (a view and a call per span), and 35 MB more held.
 */
import { ChunkDeflater, Crc32, LARGE_PART, OutPart } from './zip-writer';

/** Characters joined for one call of the encoder. */
const BATCH = 1 << 16;
/** Bytes deflated in one go on the other thread. */
export const CHUNK_BYTES = 1 << 22;
/** A chunk's buffer: the chunk and room for the batch that completes it, however wide its characters. */
const CAPACITY = CHUNK_BYTES + 3 * BATCH;

const enc = new TextEncoder();

/** Where an edited part's content goes: our text, and spans of the part it edits. */
export interface PartSink {
  push(piece: string): void;
  /** The original text's [from, to). */
  span(from: number, to: number): void;
}

export class PartWriter implements PartSink {
  private batch: string[] = [];
  private chars = 0;
  // Grown up to a chunk as the part turns out long; small parts (most) stay small.
  private buf = new Uint8Array(4 * BATCH);
  private at = 0;
  private chunks: Uint8Array[] = [];
  private jobs: Promise<Uint8Array>[] = [];
  private crc = 0;
  private size = 0;

  /** `text` is the part being edited, which spans are of. */
  constructor(
    readonly name: string,
    private readonly crc32: Crc32,
    private readonly deflateChunk: ChunkDeflater | undefined,
    private readonly text: string,
  ) {}

  push(piece: string): void {
    // A piece longer than a batch (what follows the last edit of a long sheet) is cut to fit.
    for (let from = 0; from < piece.length; ) {
      let take = Math.min(piece.length - from, BATCH - this.chars);
      // Never between the two halves of a character beyond U+FFFF (each would be encoded as U+FFFD).
      const last = piece.charCodeAt(from + take - 1);
      if (from + take < piece.length && last >= 0xd800 && last <= 0xdbff) take = take > 1 ? take - 1 : take + 1;
      this.batch.push(take === piece.length ? piece : piece.slice(from, from + take));
      this.chars += take;
      from += take;
      if (this.chars >= BATCH) this.flushBatch();
    }
  }

  span(from: number, to: number): void {
    if (from < to) this.push(this.text.slice(from, to));
  }

  /** The ZIP entry: deflated here already when it was large, else left for the writer to deflate. */
  async finish(): Promise<OutPart> {
    this.flushBatch();
    const rest = this.buf.subarray(0, this.at);
    if (this.deflateChunk && (this.jobs.length || this.at > LARGE_PART)) {
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
    const text = this.batch.length === 1 ? this.batch[0]! : this.batch.join('');
    this.batch = [];
    this.chars = 0;
    if (this.buf.length - this.at < 3 * text.length) {
      const bigger = new Uint8Array(Math.min(this.buf.length * 2, CAPACITY));
      bigger.set(this.buf.subarray(0, this.at));
      this.buf = bigger;
    }
    this.at += enc.encodeInto(text, this.buf.subarray(this.at)).written;
    if (this.at >= CHUNK_BYTES) {
      this.emit(this.buf.subarray(0, this.at));
      this.buf = new Uint8Array(CAPACITY);
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
