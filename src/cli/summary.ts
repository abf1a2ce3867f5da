/** The Italian summary the command line prints. */
import { Report, ReportAnomaly } from '../core/report';
import { Readiness } from '../core/scope';
import { countOf, num } from '../core/italian';
import { verdictLine } from '../core/output/verdict';
import { pastedSentence } from '../core/output/pasted-wording';

const n = (x: number) => num(x);

/** "Unita!E35" or "Unita!E35, E9036, E27038 e altre 2 celle": every cell within reach, briefly. */
export function whereOf(a: Pick<ReportAnomaly, 'sheet' | 'cell' | 'cells'>, shown = 3): string {
  if (!a.cell) return `foglio «${a.sheet}»`;
  const cells = a.cells ?? [a.cell];
  const more = cells.length - shown;
  const listed = cells.slice(0, shown).join(', ');
  return `${a.sheet}!${listed}${more > 0 ? ` e ${more === 1 ? 'un\'altra cella' : `altre ${n(more)} celle`}` : ''}`;
}

export function summaryText(report: Report, file: string, readiness: Readiness, maxListed = 12): string {
  const t = report.totals;
  const lines = [
    `Piano Offerta – controllo di «${file}»`,
    ...(readiness.scope === 'ambito' ? [`Ambito: ${report.ambito ?? 'non indicato'} · anno ${report.anno ?? 'non indicato'}`] : []),
    ...(report.pasted ? [pastedSentence(report.pasted)] : []),
    `Sezione g: ${n(t.g)} unità SAP assegnabili (b ${n(t.b)} · c ${n(t.c)} · d ${n(t.d)} · e ${n(t.e)} · f ${n(t.f)}), di cui SAT ${n(t.sat)}; ${countOf(report.sectionG.length, 'riga', 'righe')} per ente e comune`,
    `Anomalie: ${countOf(report.counts.error, 'errore', 'errori')} · ${countOf(report.counts.warning, 'avviso', 'avvisi')} · ${countOf(report.counts.info, 'informazione', 'informazioni')}`,
  ];
  const errors = report.anomalies.filter((a) => a.severity === 'error');
  if (errors.length) {
    lines.push('Errori da correggere:');
    for (const a of errors.slice(0, maxListed)) lines.push(`  - ${whereOf(a)}: ${a.message}`);
    const more = errors.length - maxListed;
    if (more > 0) lines.push(`  … e ${more === 1 ? 'un altro' : `altri ${n(more)}`} (vedere il foglio «Anomalie» della copia annotata o il report JSON)`);
  }
  lines.push(verdictLine(report, readiness));
  return lines.join('\n');
}
