/**
 * What the pane says when something fails. A UserFacingError already carries an Italian message and
 * what to do; anything else is a bug or a host failure the user cannot act on, so they get a generic
 * Italian message and never a stack trace (the details go to the console for whoever debugs it).
 */
import { UserFacingError } from './service';

export interface ShownError {
  message: string;
  action: string;
  /** The UserFacingError's code, when it had one: lets the pane offer the way out next to the message. */
  code?: UserFacingError['code'];
}

export const UNEXPECTED_ERROR: ShownError = {
  message: 'Si è verificato un errore inatteso.',
  action:
    'Riprovare. Se il problema si ripete, salvare il file, chiudere e riaprire Piano Offerta; ' +
    "se ancora non funziona, segnalarlo all'assistenza indicando che cosa si stava facendo.",
};

/**
 * The Office service may be bundled in a separate chunk: `instanceof` is the normal case, the shape
 * check keeps working should the class ever be duplicated across bundles.
 */
function isUserFacing(err: unknown): err is UserFacingError {
  if (err instanceof UserFacingError) return true;
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { name?: unknown; message?: unknown; action?: unknown };
  return e.name === 'UserFacingError' && typeof e.message === 'string' && typeof e.action === 'string';
}

export function describeError(err: unknown): ShownError {
  if (isUserFacing(err)) return { message: err.message, action: err.action, ...(err.code ? { code: err.code } : {}) };
  console.error('Piano Offerta: errore inatteso', err);
  return UNEXPECTED_ERROR;
}
