/**
 * What is wrong with a file that cannot be read, in the user's words: the kind of file it really is
 * (told by its first bytes, not by its name) and what to do about it.
 */
import { ArchiveError, MAX_PART_BYTES } from '../zip';
import { XmlError } from '../xml';
import { BadSheetError } from './sheet';

export type UnreadableReason = 'not-found' | 'not-xlsx' | 'encrypted' | 'corrupt' | 'too-large' | 'empty';

const SAVE_AS_XLSX = 'aprirlo in Excel (o LibreOffice) e salvarlo come «Cartella di lavoro di Excel (.xlsx)», poi riprovare';

function startsWith(b: Uint8Array, sig: number[]): boolean {
  return sig.every((x, i) => b[i] === x);
}

function contains(b: Uint8Array, text: string, utf16 = false, limit = 1 << 20): boolean {
  const needle = utf16 ? [...text].flatMap((c) => [c.charCodeAt(0), 0]) : [...text].map((c) => c.charCodeAt(0));
  const end = Math.min(b.length, limit) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (b[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The kind of file the bytes say it is, when it is not an .xlsx. */
function kindOf(b: Uint8Array): 'encrypted' | 'xls' | 'ods' | 'xlsb' | 'xlsx-like' | 'zip' | 'other' {
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // An OLE container: a password-protected .xlsx (its EncryptionInfo stream) or an old .xls.
    return contains(b, 'EncryptionInfo', true) || contains(b, 'EncryptedPackage', true) ? 'encrypted' : 'xls';
  }
  if (startsWith(b, [0x50, 0x4b])) {
    if (contains(b, 'application/vnd.oasis.opendocument', false, 4096)) return 'ods';
    if (contains(b, 'xl/workbook.bin')) return 'xlsb';
    if (contains(b, 'xl/')) return 'xlsx-like';
    return 'zip';
  }
  return 'other';
}

const MB = (n: number) => Math.round(n / (1024 * 1024)).toLocaleString('it-IT');

export function unreadableMessage(err: Error, bytes: Uint8Array, label: string): { message: string; reason: UnreadableReason } {
  const f = `Il file «${label}»`;
  const kind = kindOf(bytes);
  if (err instanceof ArchiveError && err.problem === 'empty') {
    return { reason: 'empty', message: `${f} è vuoto (0 byte): forse il salvataggio o la copia non sono finiti. Salvare di nuovo il piano da Excel e riprovare.` };
  }
  if (kind === 'encrypted' || (err instanceof ArchiveError && err.problem === 'encrypted')) {
    return { reason: 'encrypted', message: `${f} è protetto da password: aprirlo in Excel, togliere la password (File › Informazioni › Proteggi cartella di lavoro › Crittografa con password, lasciandola vuota), salvarlo e riprovare.` };
  }
  if (kind === 'xls') return { reason: 'not-xlsx', message: `${f} è nel vecchio formato di Excel (.xls): ${SAVE_AS_XLSX}.` };
  if (kind === 'ods') return { reason: 'not-xlsx', message: `${f} è un foglio di calcolo OpenDocument (.ods): ${SAVE_AS_XLSX}.` };
  if (kind === 'xlsb') return { reason: 'not-xlsx', message: `${f} è una cartella di lavoro binaria di Excel (.xlsb): ${SAVE_AS_XLSX}.` };
  if (err instanceof ArchiveError && err.problem === 'too-large') {
    const limit = MB(err.limit ?? MAX_PART_BYTES);
    return {
      reason: 'too-large',
      message: `${f} è troppo grande per essere un piano: una sua parte, decompressa, supererebbe ${limit} MB (un piano di 100.000 unità ne occupa circa 40). Controllare di aver scelto il file giusto; se lo è, eliminare i fogli che non servono al piano e salvarlo di nuovo.`,
    };
  }
  if (err instanceof RangeError) {
    return { reason: 'too-large', message: `${f} è troppo grande per essere letto su questo computer. Eliminare i fogli che non servono al piano, salvarlo e riprovare.` };
  }
  if (err instanceof ArchiveError && err.problem === 'not-zip') {
    if (kind === 'other' || kind === 'zip') {
      return { reason: 'not-xlsx', message: `${f} non è una cartella di lavoro .xlsx (forse un .csv, un .docx, un PDF o un altro tipo di file): ${SAVE_AS_XLSX}.` };
    }
    return { reason: 'not-xlsx', message: `${f} non contiene fogli di lavoro da leggere: aprirlo in Excel, controllare che contenga i fogli del piano e salvarlo di nuovo come .xlsx.` };
  }
  if (err instanceof ArchiveError && err.problem === 'unsupported') {
    return { reason: 'corrupt', message: `${f} usa una compressione che Excel non scrive: ${SAVE_AS_XLSX}.` };
  }
  const where = err instanceof XmlError || err instanceof BadSheetError ? ' (il contenuto di un foglio non è leggibile)' : ' (l\'archivio .xlsx è incompleto o alterato)';
  return {
    reason: 'corrupt',
    message: `${f} è danneggiato${where}: aprirlo in Excel, che propone di ripararlo, salvarlo di nuovo e riprovare; oppure farsi rimandare il file.`,
  };
}
