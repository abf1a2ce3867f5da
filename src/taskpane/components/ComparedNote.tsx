/** Which previous years the plan was compared with, and what the comparison found (its anomalies are in the list). */
import { Body1 } from '@fluentui/react-components';
import { countOf } from '../italian';
import type { CheckOutcome } from '../service';

export function comparedYears(compared: NonNullable<CheckOutcome['compared']>): string {
  return compared.map((p) => `${p.anno ?? '?'} («${p.label}»${p.source === 'report' ? ', report JSON: solo la sezione g' : ''})`).join(', ');
}

export function ComparedNote({ outcome, mode }: { outcome: CheckOutcome; mode: 'excel' | 'file' }) {
  const compared = outcome.compared ?? [];
  const prev = outcome.report.anomalies.filter((a) => a.rule.startsWith('PREV_'));
  const warnings = prev.filter((a) => a.severity === 'warning').length;
  return (
    <Body1 as="p" data-testid="compared">
      {`Confronto con ${compared.length === 1 ? "l'anno precedente" : 'gli anni precedenti'}: ${comparedYears(compared)}. `}
      {`${countOf(warnings, 'avviso', 'avvisi')} e ${countOf(prev.length - warnings, 'informazione', 'informazioni')}, nell'elenco delle anomalie e nel foglio «Riepilogo»${mode === 'file' ? ' della copia' : ''}.`}
    </Body1>
  );
}
