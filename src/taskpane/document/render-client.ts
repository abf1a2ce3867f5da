/**
 * The plan document as a file the user saves: rendered in a Web Worker (render-worker.ts), or on the
 * main thread where workers are not available; then offered as a download.
 */
import type { PlanDocument } from '../../core/document/model';
import type { RenderReply } from './render-worker';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function inWorker(doc: PlanDocument): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { name: 'piano-offerta-documento' });
    worker.onmessage = (e: MessageEvent<RenderReply>) => {
      worker.terminate();
      if (e.data.ok) resolve(new Blob([e.data.bytes], { type: DOCX_TYPE }));
      else reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'il worker del documento non è partito'));
    };
    worker.postMessage(doc);
  });
}

export async function renderDocument(doc: PlanDocument): Promise<Blob> {
  if (typeof Worker !== 'undefined') return inWorker(doc);
  const { renderPlanDocx } = await import(/* webpackChunkName: "docx-render" */ '../../adapters/docx');
  return new Blob([(await renderPlanDocx(doc)) as Uint8Array<ArrayBuffer>], { type: DOCX_TYPE });
}

/** Saves a file through the browser's download (the pane's web view on Windows and the web allows it). */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Long enough for the browser to have taken the file.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
