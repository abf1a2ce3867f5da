/**
 * In the browser, the large parts inflated ahead with the platform's native DecompressionStream
 * (several times faster than any JavaScript inflate), each held to its declared size as the
 * synchronous reader holds fflate: a part that inflates beyond it is cut off and refused. The reader
 * then finds them ready; small parts and anything this cannot do go through fflate as before.
 */
import { ArchiveError, Inflater, ZipArchive, inflateBounded } from './zip';

const AHEAD = 256 * 1024;

async function inflateNative(data: Uint8Array, size: number, name: string): Promise<Uint8Array> {
  const out = new Uint8Array(size);
  let at = 0;
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > size) {
      await reader.cancel();
      throw new ArchiveError('damaged', `${name} inflates beyond its declared ${size} bytes`);
    }
    out.set(value, at);
    at += value.length;
  }
  if (at !== size) throw new ArchiveError('damaged', `${name}: ${at} bytes instead of ${size}`);
  return out;
}

/** An inflater with the large parts of `bytes` already inflated natively; fflate for the rest. */
export async function preinflated(bytes: Uint8Array): Promise<Inflater> {
  const ready = new Map<string, Uint8Array | ArchiveError>();
  if (typeof DecompressionStream === 'function') {
    let zip: ZipArchive;
    try {
      zip = new ZipArchive(bytes);
    } catch {
      return inflateBounded; // the reader will say what is wrong with it
    }
    for (const p of zip.storedParts()) {
      if (p.method !== 8 || p.size < AHEAD) continue;
      const raw = zip.raw(p.name);
      if (!raw) continue;
      try {
        ready.set(p.name, await inflateNative(raw.data, p.size, p.name));
      } catch (err) {
        // A part the platform cannot inflate within its size: fflate tries, and refuses it the same way.
        if (err instanceof ArchiveError) ready.set(p.name, err);
      }
    }
  }
  return (data, size, name) => {
    const r = ready.get(name);
    if (r instanceof ArchiveError) throw r;
    if (r) {
      ready.delete(name);
      return r;
    }
    return inflateBounded(data, size, name);
  };
}
