/** How many anomalies of each severity, as coloured badges with the words (colour is never alone). */
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { Report } from '../../core/report';
import type { Severity } from '../../core/rules/rule';
import { SEVERITY_LABEL } from '../anomalies';
import { countOf } from '../italian';

export const SEVERITY_BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyleType: 'none', margin: 0, padding: 0 },
});

export function SeverityBadges({ counts }: { counts: Report['counts'] }) {
  return (
    <ul className={useStyles().root} aria-label="Anomalie per gravità">
      {(['error', 'warning', 'info'] as const).map((sev) => (
        <li key={sev}>
          <Badge size="large" appearance={counts[sev] > 0 ? 'filled' : 'outline'} color={SEVERITY_BADGE_COLOR[sev]}>
            {countOf(counts[sev], SEVERITY_LABEL[sev].one, SEVERITY_LABEL[sev].many)}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
