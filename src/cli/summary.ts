/** The Italian summary the command line prints. */
import { Report } from '../core/report';
import { countOf, num } from '../core/italian';

const n = (x: number) => num(x);

export function summaryText(report: Report, file: string, maxListed = 12): string {
  const t = report.totals;
  const lines = [
    `Piano Offerta – controllo di «${file}»`,
    `Ambito: ${report.ambito ?? 'non indicato'} · anno ${report.anno ?? 'non indicato'}`,
    `Sezione g: ${n(t.g)} unità SAP assegnabili (b ${n(t.b)} · c ${n(t.c)} · d ${n(t.d)} · e ${n(t.e)} · f ${n(t.f)}), di cui SAT ${n(t.sat)}; ${n(report.sectionG.length)} righe ente × comune`,
    `Anomalie: ${countOf(report.counts.error, 'errore', 'errori')} · ${countOf(report.counts.warning, 'avviso', 'avvisi')} · ${countOf(report.counts.info, 'informazione', 'informazioni')}`,
  ];
  const errors = report.anomalies.filter((a) => a.severity === 'error');
  if (errors.length) {
    lines.push('Errori da correggere:');
    for (const a of errors.slice(0, maxListed)) lines.push(`  - ${a.sheet}${a.cell ? `!${a.cell}` : ''} ${a.rule}: ${a.message}`);
    if (errors.length > maxListed) lines.push(`  … e altri ${n(errors.length - maxListed)} (vedere il foglio Anomalie o il report JSON)`);
  }
  lines.push(`Pronto per l'Assemblea: ${report.ready ? 'sì' : 'no'}`);
  return lines.join('\n');
}
