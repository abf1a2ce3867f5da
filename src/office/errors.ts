/**
 * Excel's failures, as the user must read them: what happened and what to do, in Italian. Codes are
 * Office.js's (OfficeExtension.ErrorCodes and Excel.ErrorCodes); the message text is a fallback.
 */
import { UserFacingError } from '../taskpane/service';

interface OfficeLikeError {
  code?: string;
  message?: string;
}

export function toUserFacingError(err: unknown): UserFacingError {
  if (err instanceof UserFacingError) return err;
  const e = (err ?? {}) as OfficeLikeError;
  const code = e.code ?? '';
  const msg = e.message ?? String(err);
  if (code === 'InvalidOperationInCellEditMode' || /cell-?edit/i.test(msg)) {
    return new UserFacingError('Excel sta modificando una cella.', 'Premere Invio o Esc per uscire dalla cella, poi riprovare.', 'edit-mode');
  }
  if (code === 'AccessDenied' || /protect/i.test(msg)) {
    return new UserFacingError(
      'Un foglio da aggiornare è protetto.',
      'Togliere la protezione (Revisione › Rimuovi protezione foglio), poi riprovare. I valori inseriti non vengono mai modificati.',
      'protected',
    );
  }
  if (/PayloadSizeLimitExceeded|PayloadTooLarge|RequestPayloadSizeLimit|ResponsePayloadSizeLimit/i.test(code + msg)) {
    return new UserFacingError(
      'La cartella di lavoro è troppo grande per Excel sul web.',
      "Aprire il file in Excel per desktop, oppure controllarlo con la pagina o con la riga di comando di Piano Offerta (npx piano-offerta check).",
      'too-large',
    );
  }
  if (code === 'ApiNotFound' || code === 'NotImplemented' || /not supported|requirement set/i.test(msg)) {
    return new UserFacingError(
      'Questa versione di Excel non offre una funzione necessaria.',
      'Serve Excel 2019 o successivo, Excel per Microsoft 365 o Excel sul web. Aggiornare Excel e riprovare.',
      'unsupported',
    );
  }
  return new UserFacingError(
    "Si è verificato un errore inatteso durante l'operazione in Excel.",
    `Riprovare; se il problema resta, salvare il file e segnalarlo allegandolo. (Dettaglio: ${code || 'sconosciuto'})`,
    'unknown',
  );
}
