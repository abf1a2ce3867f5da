/**
 * The file check off the page's main thread: reading, checking and writing the copy take seconds on
 * a large plan, and the page must stay responsive (and "Annulla" must be able to stop them: the page
 * terminates this worker). Messages out: progress, the outcome as soon as it is known, then the copy.
 */
import { UserFacingError } from '../taskpane/service';
import { annotatedName, checkBytes, copyOf, notAnXlsx } from './file-check';
import { preinflated } from '../adapters/xlsx/preinflate';
import type { FromWorker } from './worker-protocol';

const post = (m: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

self.onmessage = async (e: MessageEvent<{ file: File }>) => {
  const { file } = e.data;
  try {
    const wrong = notAnXlsx(file.name);
    if (wrong) throw wrong;
    const bytes = new Uint8Array(await file.arrayBuffer());
    post({ type: 'progress', progress: { stage: 'lettura', label: 'Lettura del file…', fraction: 0.01, detail: 'Decompressione dei fogli' } });
    const inflate = await preinflated(bytes);
    const checked = checkBytes(bytes, file.name, (progress) => post({ type: 'progress', progress }), inflate);
    post({ type: 'outcome', outcome: checked.outcome });
    post({ type: 'progress', progress: { stage: 'scrittura', label: 'Preparazione della copia annotata…', fraction: 0.85 } });
    const { copy, outcome } = copyOf(bytes, file.name, checked);
    post({ type: 'copy', outcome, copy: copy.buffer as ArrayBuffer, fileName: annotatedName(file.name) }, [copy.buffer as ArrayBuffer]);
  } catch (err) {
    if (err instanceof UserFacingError) post({ type: 'error', message: err.message, action: err.action, code: err.code });
    else post({ type: 'error', message: err instanceof Error ? err.message : String(err), action: '', code: 'unknown', unexpected: true });
  }
};
