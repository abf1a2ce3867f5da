/**
 * A large value sent to another thread in pieces, so that no single message is large. Posting a
 * message clones it in one go on the sending thread and rebuilds it in one go on the receiving one:
 * for a 100,000-row result that is hundreds of milliseconds on the pane's main thread. Here every
 * array, plain object, Map or Set heavier than `limit` (about one unit per value, more for long
 * strings) is replaced by a marker and sent as slices, children before parents, each slice carrying
 * the places ("holes") where its markers stand. The receiver appends each slice as it comes and puts
 * every finished piece in its hole: each message costs it a bounded time.
 *
 * What comes out is what structured clone would give (plain objects for class instances, Maps,
 * Sets, undefined kept); values structured clone refuses (functions) are refused here too.
 */

export type Kind = 'array' | 'object' | 'map' | 'set';
type Key = string | number;
/** Where a marker stands in a message's payload, and the piece that goes there. */
export type Hole = [path: Key[], id: number];

export type PackMessage =
  /** Items of piece `id`: its elements, or [key, value] entries for objects and Maps. */
  | { part: 'slice'; id: number; kind: Kind; items: unknown[]; holes: Hole[] }
  /** The value itself, with its holes: the last message. */
  | { part: 'root'; value: unknown; holes: Hole[] };

/** The weight a message may reach: about 15,000 values, a few milliseconds to clone. */
export const DEFAULT_LIMIT = 15_000;

const MARKER = '__pianoPiece';

/** By their tag, not instanceof: values from another realm (a vm context, an iframe) count too. */
const tagOf = (v: object): string => Object.prototype.toString.call(v).slice(8, -1);

class Packer {
  private nextId = 0;
  /** Weight and holes of the value last encoded (side results, to spare an allocation per value). */
  private w = 0;
  private h: Hole[] | null = null;

  constructor(
    private readonly limit: number,
    private readonly emit: (m: PackMessage) => void,
  ) {}

  root(value: unknown): void {
    const v = this.encode(value);
    this.emit({ part: 'root', value: v, holes: this.h ?? [] });
  }

  private encode(v: unknown): unknown {
    if (v === null || typeof v !== 'object') {
      this.w = typeof v === 'string' ? 1 + (v.length >> 6) : 1;
      this.h = null;
      return v;
    }
    if (Array.isArray(v)) return this.list(v, 'array', v);
    const tag = tagOf(v);
    if (tag === 'Map') return this.list([...(v as Map<unknown, unknown>)].map(([k, x]) => [k, x]), 'map', v);
    if (tag === 'Set') return this.list([...(v as Set<unknown>)], 'set', v);
    // Class instances go as plain objects (structured clone does the same); dates, buffers, errors as they are.
    if (tag !== 'Object') {
      this.w = 1 + ((v as { byteLength?: number }).byteLength ?? 0) / 8;
      this.h = null;
      return v;
    }
    return this.object(v as Record<string, unknown>);
  }

  /**
   * `items`: the elements (arrays, Sets) or [key, value] entries (Maps). Returns the original value
   * when nothing in it changed and it is light enough, else a copy or a marker.
   */
  private list(items: unknown[], kind: Kind, original: unknown): unknown {
    let id = -1;
    let start = 0;
    let weight = 0;
    let total = 1;
    let holes: Hole[] | null = null;
    let replaced: Map<number, unknown> | null = null;
    const slice = (end: number): unknown[] => {
      const out = items.slice(start, end);
      if (replaced) for (const [i, x] of replaced) if (i >= start && i < end) out[i - start] = x;
      return out;
    };
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const enc = this.encode(item);
      if (enc !== item) (replaced ??= new Map()).set(i, enc);
      if (this.h) for (const hole of this.h) (holes ??= []).push([[i - start, ...hole[0]], hole[1]]);
      weight += this.w;
      total += this.w;
      if (weight >= this.limit) {
        if (id < 0) id = this.nextId++;
        this.emit({ part: 'slice', id, kind, items: slice(i + 1), holes: holes ?? [] });
        start = i + 1;
        weight = 0;
        holes = null;
      }
    }
    // Holes cannot be reached through a Map or a Set: those with one travel as pieces too.
    if (id < 0 && (kind === 'array' || !holes)) {
      this.w = total;
      this.h = holes;
      if (!replaced) return original;
      if (kind === 'array') return slice(items.length);
      const entries = slice(items.length);
      return kind === 'map' ? new Map(entries as [unknown, unknown][]) : new Set(entries);
    }
    if (id < 0) id = this.nextId++;
    this.emit({ part: 'slice', id, kind, items: slice(items.length), holes: holes ?? [] });
    return this.marker(id);
  }

  private object(v: Record<string, unknown>): unknown {
    const keys = Object.keys(v);
    let id = -1;
    let start = 0;
    let weight = 0;
    let total = 1;
    let holes: Hole[] | null = null;
    let replaced: Map<number, unknown> | null = null;
    const entries = (end: number): [string, unknown][] => {
      const out: [string, unknown][] = [];
      for (let i = start; i < end; i++) out.push([keys[i]!, replaced?.has(i) ? replaced.get(i) : v[keys[i]!]]);
      return out;
    };
    for (let i = 0; i < keys.length; i++) {
      const item = v[keys[i]!];
      const enc = this.encode(item);
      if (enc !== item) (replaced ??= new Map()).set(i, enc);
      // Inside a piece the entries are [key, value] pairs; in a copy, the key itself.
      if (this.h) for (const hole of this.h) (holes ??= []).push([[i - start, 1, ...hole[0]], hole[1]]);
      weight += this.w + 1;
      total += this.w + 1;
      if (weight >= this.limit) {
        if (id < 0) id = this.nextId++;
        this.emit({ part: 'slice', id, kind: 'object', items: entries(i + 1), holes: holes ?? [] });
        start = i + 1;
        weight = 0;
        holes = null;
      }
    }
    if (id >= 0) {
      this.emit({ part: 'slice', id, kind: 'object', items: entries(keys.length), holes: holes ?? [] });
      return this.marker(id);
    }
    this.w = total;
    this.h = holes ? holes.map(([path, hid]) => [[keys[path[0] as number]!, ...path.slice(2)], hid]) : null;
    if (!replaced) return v;
    return Object.fromEntries(entries(keys.length));
  }

  private marker(id: number): unknown {
    this.w = 1;
    this.h = [[[], id]];
    return { [MARKER]: id };
  }
}

/** Sends `value` as messages of bounded weight, through `emit`, the root last. */
export function pack(value: unknown, emit: (m: PackMessage) => void, limit = DEFAULT_LIMIT): void {
  new Packer(limit, emit).root(value);
}

/** Rebuilds a packed value, one message at a time; `done` once the root has arrived. */
export class Unpacker {
  private readonly pieces = new Map<number, { kind: Kind; value: unknown }>();
  done = false;
  value: unknown = undefined;

  add(m: PackMessage): void {
    if (m.part === 'root') {
      const box = [m.value];
      this.fill(box, m.holes, 0);
      this.value = box[0];
      this.done = true;
      return;
    }
    this.fill(m.items, m.holes);
    let piece = this.pieces.get(m.id);
    if (!piece) {
      const value = m.kind === 'array' ? [] : m.kind === 'map' ? new Map() : m.kind === 'set' ? new Set() : {};
      piece = { kind: m.kind, value };
      this.pieces.set(m.id, piece);
    }
    const into = piece.value;
    if (m.kind === 'array') for (const x of m.items) (into as unknown[]).push(x);
    else if (m.kind === 'set') for (const x of m.items) (into as Set<unknown>).add(x);
    else if (m.kind === 'map') for (const [k, x] of m.items as [unknown, unknown][]) (into as Map<unknown, unknown>).set(k, x);
    else for (const [k, x] of m.items as [string, unknown][]) Object.defineProperty(into, k, { value: x, enumerable: true, writable: true, configurable: true });
  }

  private fill(container: unknown[], holes: Hole[], prefix?: number): void {
    for (const [path, id] of holes) {
      const full = prefix === undefined ? path : [prefix, ...path];
      const piece = this.pieces.get(id);
      if (!piece) throw new Error(`chunks: piece ${id} used before it arrived`);
      this.pieces.delete(id);
      let at: Record<Key, unknown> = container as unknown as Record<Key, unknown>;
      for (let i = 0; i < full.length - 1; i++) at = at[full[i]!] as Record<Key, unknown>;
      at[full[full.length - 1]!] = piece.value;
    }
  }
}
