/**
 * The verdict in words, one text for every place it is shown (command line, Anomalie, Riepilogo):
 * the Assemblea's verdict for a plan, the list's for one owner's list (never "pronto").
 */
import { countOf, joinNames } from '../italian';
import { Report } from '../report';
import { Readiness } from '../scope';

export interface Verdict {
  /** "Pronto per l'Assemblea: no", "Elenco delle unità – ALER …: nessun errore". */
  headline: string;
  /** Why not, or what the list is: Italian sentences, possibly none. */
  reasons: string[];
  ok: boolean;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function verdictOf(report: Pick<Report, 'counts' | 'ready'>, readiness: Readiness): Verdict {
  const errors = report.counts.error;
  if (readiness.scope === 'ente') {
    const of = readiness.owners.length ? joinNames(readiness.owners) : 'ente non indicato';
    return {
      headline: `Elenco delle unità – ${of}: ${errors ? countOf(errors, 'errore', 'errori') : 'nessun errore'}`,
      reasons: ["È l'elenco delle unità di un solo ente, non un piano d'ambito: per l'Assemblea servono anche i fogli «Ambito», «Comuni», «Enti» e «Assegnazioni»."],
      ok: errors === 0,
    };
  }
  if (report.ready) return { headline: "Pronto per l'Assemblea: sì", reasons: [], ok: true };
  return {
    headline: "Pronto per l'Assemblea: no",
    reasons: [...(errors ? [`${countOf(errors, 'errore', 'errori')} da correggere`] : []), ...readiness.missing].map(capital),
    ok: false,
  };
}

/** The verdict on one line: "Pronto per l'Assemblea: no – 1 errore da correggere; manca il foglio …". */
export function verdictLine(report: Pick<Report, 'counts' | 'ready'>, readiness: Readiness): string {
  const v = verdictOf(report, readiness);
  if (readiness.scope === 'ente') return `${v.headline} (elenco di un solo ente, non un piano d'ambito)`;
  return v.reasons.length ? `${v.headline} – ${v.reasons.map((r) => r.charAt(0).toLowerCase() + r.slice(1)).join('; ')}` : v.headline;
}
