/** Why a file cannot be read, as the Italian sentence the user sees (every shell shows it as it is). */

export class UnreadableWorkbookError extends Error {
  constructor(message: string, readonly reason: 'not-found' | 'not-xlsx' | 'encrypted' | 'corrupt' | 'too-large' | 'empty') {
    super(message);
  }
}

/** A file the system will not give us (missing, a folder, no permission); what is inside is the reader's to judge. */
export function explain(err: unknown, path: string): UnreadableWorkbookError {
  const msg = err instanceof Error ? err.message : String(err);
  if (/ENOENT|File not found/.test(msg)) return new UnreadableWorkbookError(`Il file «${path}» non esiste.`, 'not-found');
  if (/EISDIR/.test(msg)) return new UnreadableWorkbookError(`«${path}» è una cartella, non un file .xlsx.`, 'not-found');
  if (/EACCES|EPERM/.test(msg)) return new UnreadableWorkbookError(`Il file «${path}» non si può aprire: mancano i permessi di lettura.`, 'not-found');
  return new UnreadableWorkbookError(`Il file «${path}» non si può aprire. Controllare il percorso e riprovare.`, 'not-found');
}
