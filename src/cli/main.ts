/**
 * The command line: `piano-offerta check <cartella.xlsx> [--json report.json] [--out annotata.xlsx] [--docx piano.docx]`.
 * Exit status: 0 no errors, 1 errors found, 2 the file cannot be read (or the command is wrong).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { check } from '../core/engine';
import { reportSchema } from '../core/report';
import { NotAPlanError } from '../core/scope';
import { UnreadableWorkbookError } from '../adapters/xlsx/workbook';
import { CopyableReading } from '../adapters/xlsx/reader/index';
import { nativeChunkDeflate, nativeCrc32, nativeDeflate, openArchive, readArchive, readFileBytes } from '../adapters/xlsx/reader/node';
import { AppliedPlan, ForeignOutputSheetError, annotatedCopy } from '../adapters/xlsx/annotate';
import { planDocx } from '../adapters/docx';
import { asUnreadable } from '../adapters/xlsx/reader';
import { num } from '../core/italian';
import { catalogueMarkdown } from '../catalogue';
import { summaryText } from './summary';
import { PreviousYearError } from '../core/previous/year';
import { previousText, readPreviousYear } from './previous';

const USAGE = `Uso:
  piano-offerta check <cartella.xlsx> [--json <report.json>] [--out <annotata.xlsx>] [--docx <piano.docx>] [--previous <anno-prima.xlsx|json>]... [--quiet]
  piano-offerta catalogue [--out <regole.md>]

check        controlla il piano e calcola la sezione g; il file di input non viene mai modificato
  --json     scrive il report JSON (schemaVersion 1)
  --out      scrive una copia della cartella con i fogli Sezione g, Anomalie, Riepilogo e le note
  --docx     scrive il documento del piano (Word): il capitolo dei dati, sezioni dalla a alla k;
             se il piano non è pronto, con l'avviso BOZZA e in fondo gli errori ancora da correggere
  --previous il piano dell'anno precedente (cartella .xlsx o report JSON dello stesso ambito), per il
             confronto: unità assegnate rispetto alle assegnabili, enti e comuni che non rispondono più,
             unità ancora assegnabili o con un altro ente o comune, alloggi SAP molto diversi; si può
             ripetere per gli anni prima (consecutivi). Dal report JSON si confronta solo la sezione g
  --quiet    non stampa il riepilogo
Esito: 0 nessun errore, 1 errori trovati, 2 file non leggibile o senza un piano.`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const consoleIo: CliIo = { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n') };

function option(args: string[], name: string): string | undefined | null {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  return v === undefined || v.startsWith('--') ? null : v;
}

export async function runCheck(file: string, opts: { json?: string; out?: string; docx?: string; previous?: string[]; quiet?: boolean }, io: CliIo = consoleIo): Promise<number> {
  if (opts.out && resolve(opts.out) === resolve(file)) {
    io.err(`--out non può essere il file di input: il file «${file}» non viene mai modificato. Indicare un altro nome.`);
    return 2;
  }
  if (opts.docx && resolve(opts.docx) === resolve(file)) {
    io.err(`--docx non può essere il file di input: il file «${file}» non viene mai modificato. Indicare un altro nome.`);
    return 2;
  }
  if (opts.docx && opts.out && resolve(opts.docx) === resolve(opts.out)) {
    io.err(`--docx e --out indicano lo stesso file «${opts.out}»: indicare due nomi diversi (il documento .docx e la copia .xlsx).`);
    return 2;
  }
  // Last year's files are inputs too: never written over.
  const written = [opts.out, opts.docx, opts.json].filter((x): x is string => !!x);
  const clash = (opts.previous ?? []).find((p) => written.some((w) => resolve(w) === resolve(p)));
  if (clash) {
    io.err(`Il file dell'anno precedente «${clash}» non viene mai modificato: indicare per --out, --docx e --json altri nomi.`);
    return 2;
  }
  try {
    // One reading for the check and the copy: both see the same values.
    const bytes = readFileBytes(file);
    const archive = openArchive(bytes, file, !!opts.out);
    // A copy follows the reading (its archive, where it found each row): no sheet is read twice.
    const reading: CopyableReading = { archive, layouts: new Map() };
    const snapshot = readArchive(archive, bytes, file, opts.out ? reading.layouts : undefined);
    const previous = (opts.previous ?? []).map(readPreviousYear);
    const result = check(snapshot, { previous });
    let applied: AppliedPlan | null = null;
    if (opts.out) {
      // The copy is the user's package with our parts added: what we do not own is copied as stored.
      let copy;
      try {
        copy = await annotatedCopy(reading, result.writePlan, {
          deflate: nativeDeflate, crc32: nativeCrc32, deflateChunk: nativeChunkDeflate,
          firstCell: (name) => snapshot.sheets.find((s) => s.name === name)?.values[0]?.[0] ?? null,
        });
      } catch (err) {
        throw asUnreadable(err, bytes, file);
      }
      applied = copy.applied;
      writeFileSync(opts.out, copy.bytes);
    }
    const report = reportSchema.parse(result.report);
    if (opts.json) writeFileSync(opts.json, JSON.stringify(report, null, 2) + '\n');
    if (opts.docx) writeFileSync(opts.docx, await planDocx(result));
    if (!opts.quiet) {
      io.out(summaryText(report, file, result.readiness));
      if (result.previous.length) io.out(previousText(report, result.previous));
      if (opts.json) io.out(`Report JSON: ${opts.json}`);
      if (opts.out) io.out(`Copia annotata: ${opts.out}`);
      if (opts.docx) io.out(`Documento del piano (Word): ${opts.docx}${report.ready ? '' : " – BOZZA, con gli errori ancora da correggere in fondo"}`);
      if (applied && applied.notedCells < applied.highlightedCells) {
        io.out(`  ${num(applied.highlightedCells)} celle evidenziate; le note spiegano le prime ${num(applied.notedCells)} (prima gli errori): tutte sono elencate nel foglio Anomalie.`);
      }
    }
    return report.counts.error > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof NotAPlanError) {
      io.err(`${err.message} Indicare il file del piano (o dell'elenco delle unità di un ente); nessun file è stato scritto.`);
      return 2;
    }
    if (err instanceof UnreadableWorkbookError || err instanceof ForeignOutputSheetError || err instanceof PreviousYearError) {
      io.err(err.message);
      return 2;
    }
    const msg = err instanceof Error ? err.message : String(err);
    if (/EACCES|EPERM|EROFS|ENOSPC/.test(msg)) {
      io.err(`Impossibile scrivere il risultato: ${msg}. Controllare il percorso e i permessi.`);
      return 2;
    }
    throw err;
  }
}

export async function main(argv: string[], io: CliIo = consoleIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === 'check') {
    const file = args.find((a, i) => !a.startsWith('--') && (i === 0 || !['--json', '--out', '--docx', '--previous'].includes(args[i - 1]!)));
    const json = option(args, '--json');
    const out = option(args, '--out');
    const docx = option(args, '--docx');
    // Repeatable: one previous year each.
    const previous = args.flatMap((a, i) => (a === '--previous' ? [args[i + 1]] : []));
    if (!file || json === null || out === null || docx === null || previous.some((p) => p === undefined || p.startsWith('--'))) {
      io.err(USAGE);
      return 2;
    }
    return runCheck(file, { ...(json ? { json } : {}), ...(out ? { out } : {}), ...(docx ? { docx } : {}), ...(previous.length ? { previous: previous as string[] } : {}), quiet: args.includes('--quiet') }, io);
  }
  if (command === 'catalogue') {
    const out = option(args, '--out');
    if (out) {
      writeFileSync(out, catalogueMarkdown());
      io.out(`Catalogo delle regole scritto in ${out}`);
    } else io.out(catalogueMarkdown());
    return 0;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  io.err(USAGE);
  return 2;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`Errore inatteso: ${err instanceof Error ? err.message : String(err)}\nSegnalare il problema allegando il file.\n`);
      process.exit(2);
    },
  );
}
