/**
 * Excel's failures, as the user must read them: what happened and what to do, in Italian. Decided on
 * the error code alone (OfficeExtension.ErrorCodes and Excel.ErrorCodes): Excel writes its messages
 * in the user's language, so an Italian Excel never says "protected".
 */
import { UserFacingError } from '../taskpane/service';

const BY_CODE: Record<string, () => UserFacingError> = {
  InvalidOperationInCellEditMode: () =>
    new UserFacingError('Excel sta modificando una cella.', 'Premere Invio o Esc per uscire dalla cella, poi riprovare.', 'edit-mode'),
  AccessDenied: () =>
    new UserFacingError(
      'Un foglio da aggiornare è protetto.',
      'Togliere la protezione (Revisione › Rimuovi protezione foglio), poi riprovare. I valori inseriti non vengono mai modificati.',
      'protected',
    ),
  RequestPayloadSizeLimitExceeded: tooLarge,
  ResponsePayloadSizeLimitExceeded: tooLarge,
  ApiNotFound: unsupported,
  NotImplemented: unsupported,
  UnsupportedOperation: unsupported,
  UnsupportedFeature: unsupported,
  ActivityLimitReached: () =>
    new UserFacingError('Excel è occupato con altre richieste.', 'Attendere qualche secondo e riprovare.', 'unknown'),
  WriteNotSupportedWhenModalDialogOpen: () =>
    new UserFacingError('In Excel è aperta una finestra di dialogo.', 'Chiudere la finestra aperta in Excel, poi riprovare.', 'unknown'),
  InvalidOrTimedOutSession: lostConnection,
  ConnectionFailure: lostConnection,
  Conflict: coAuthoring,
  InsertDeleteConflict: coAuthoring,
};

function tooLarge(): UserFacingError {
  return new UserFacingError(
    'La cartella di lavoro è troppo grande per Excel sul web.',
    'Aprirla con Excel per desktop, oppure controllare il file con la pagina di Piano Offerta nel browser, senza Excel.',
    'too-large',
  );
}

function unsupported(): UserFacingError {
  return new UserFacingError(
    'Questa versione di Excel non offre una funzione necessaria.',
    'Serve Excel 2019 o successivo, Excel per Microsoft 365 o Excel sul web. Aggiornare Excel e riprovare.',
    'unsupported',
  );
}

function lostConnection(): UserFacingError {
  return new UserFacingError('La connessione con Excel si è interrotta.', 'Chiudere e riaprire il riquadro di Piano Offerta, poi riprovare.', 'unknown');
}

function coAuthoring(): UserFacingError {
  return new UserFacingError(
    'Un’altra persona sta modificando la cartella nello stesso momento.',
    'Attendere che abbia finito, poi riprovare.',
    'unknown',
  );
}

export function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

export function toUserFacingError(err: unknown): UserFacingError {
  if (err instanceof UserFacingError) return err;
  const code = errorCode(err);
  const known = BY_CODE[code];
  if (known) return known();
  return new UserFacingError(
    "Si è verificato un errore inatteso durante l'operazione in Excel.",
    `Riprovare; se il problema resta, salvare il file e segnalarlo allegandolo. (Dettaglio: ${code || 'sconosciuto'})`,
    'unknown',
  );
}
