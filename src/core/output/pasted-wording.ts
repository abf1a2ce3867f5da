/** How the command line, the pane and the page say that a plan was read from pasted section tables. */
import type { Report } from '../report';

const quoted = (names: string[]) => names.map((n) => `«${n}»`).join(', ');

/** The sections read, those said empty apart: «consistenza del patrimonio, carenza manutentiva; vuote: …». */
function listed(sections: string[]): string {
  const full = sections.filter((s) => !s.endsWith(' (vuota)'));
  const empty = sections.filter((s) => s.endsWith(' (vuota)')).map((s) => s.slice(0, -' (vuota)'.length));
  return [full.join(', '), ...(empty.length ? [`${empty.length === 1 ? 'vuota' : 'vuote'}: ${empty.join(', ')}`] : [])].join('; ');
}

/**
 * «Piano letto dalle tabelle incollate nel foglio «Piano incollato» (consistenza del patrimonio, carenza
 * manutentiva, …; vuote: …); valgono come i fogli «Enti», «Unita».» Sections named by their content.
 */
export function pastedSentence(p: NonNullable<Report['pasted']>): string {
  const other = (p.otherYear ?? []).map((o) => `${quoted([o.sheet])} (tabelle del piano ${o.years.join(', ')})`);
  const skipped = other.length ? `Non ${other.length === 1 ? 'letto' : 'letti'}, perché di un altro anno: ${other.join(', ')}.` : '';
  if (p.sheets.length === 0) return skipped;
  return [readSentence(p), skipped].filter(Boolean).join(' ');
}

function readSentence(p: NonNullable<Report['pasted']>): string {
  if (p.standard.length === 0) {
    return `Tabelle incollate ${p.sheets.length === 1 ? `nel foglio ${quoted(p.sheets)}` : `nei fogli ${quoted(p.sheets)}`}: contano i fogli standard; la tabella dei totali incollata è confrontata con la sezione g calcolata.`;
  }
  const where = p.sheets.length === 1 ? `nel foglio ${quoted(p.sheets)}` : `nei fogli ${quoted(p.sheets)}`;
  const as = p.standard.length ? `; valgono come ${p.standard.length === 1 ? 'il foglio' : 'i fogli'} ${quoted(p.standard)}` : '';
  return `Piano letto dalle tabelle incollate ${where} (${listed(p.sections)})${as}.`;
}

/** What «Crea fogli standard» does for such a workbook. */
export const PASTED_CREATE_HINT =
  "«Crea fogli standard» può scrivere questi dati nei fogli standard che mancano (fogli nuovi; le tabelle incollate restano come sono): dall'anno prossimo si parte da lì.";
