/**
 * Renders the plan document to .docx off the main thread: the docx library and its page layout (for
 * the table of contents' page numbers) take a couple of seconds and ~400 KB, loaded only here, only
 * when a document is asked for.
 */
import { renderPlanDocx } from '../../adapters/docx';
import type { PlanDocument } from '../../core/document/model';

export type RenderReply = { ok: true; bytes: ArrayBuffer } | { ok: false; message: string };

const scope = self as unknown as { postMessage(m: RenderReply, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<PlanDocument>) => void) | null };

scope.onmessage = (e) => {
  renderPlanDocx(e.data).then(
    (bytes) => {
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      scope.postMessage({ ok: true, bytes: buffer }, [buffer]);
    },
    (err: unknown) => scope.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) }),
  );
};
