/**
 * How many anomalies of each severity, with the words and an icon (colour is never alone). Given
 * onShow, each non-zero count is a button that shows those anomalies in the list below.
 */
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircleFilled, InfoFilled, WarningFilled } from '@fluentui/react-icons';
import type { Report } from '../../core/report';
import type { Severity } from '../../core/rules/rule';
import { severityCount, showSeverityLabel } from '../anomalies';

export const SEVERITY_BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

const useIconStyles = makeStyles({
  icon: { flexShrink: 0, fontSize: '16px' },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  none: { color: tokens.colorNeutralForeground3 },
});

const ICONS = { error: ErrorCircleFilled, warning: WarningFilled, info: InfoFilled } as const;

/** The severity's icon, beside its words: decorative, hidden from screen readers. */
export function SeverityIcon({ severity, muted = false }: { severity: Severity; muted?: boolean }) {
  const s = useIconStyles();
  const Icon = ICONS[severity];
  return <Icon aria-hidden="true" className={mergeClasses(s.icon, muted ? s.none : s[severity])} />;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyleType: 'none', margin: 0, padding: 0 },
  // A count of zero: the same shape, quiet, nothing to click.
  none: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    minHeight: '24px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground3,
  },
  button: { fontWeight: tokens.fontWeightSemibold },
});

export interface SeverityBadgesProps {
  counts: Report['counts'];
  /** Shows the anomalies of that severity in the list; without it the counts are plain text. */
  onShow?: (severity: Severity) => void;
}

export function SeverityBadges({ counts, onShow }: SeverityBadgesProps) {
  const s = useStyles();
  return (
    <ul className={s.root} aria-label="Anomalie per gravità">
      {(['error', 'warning', 'info'] as const).map((sev) => (
        <li key={sev}>
          {counts[sev] > 0 && onShow ? (
            <Button
              size="small"
              shape="circular"
              className={s.button}
              icon={<SeverityIcon severity={sev} />}
              aria-label={showSeverityLabel(sev, counts[sev])}
              title={showSeverityLabel(sev, counts[sev])}
              onClick={() => onShow(sev)}
            >
              {severityCount(sev, counts[sev])}
            </Button>
          ) : (
            <Text size={200} className={s.none}>
              <SeverityIcon severity={sev} muted={counts[sev] === 0} />
              {severityCount(sev, counts[sev])}
            </Text>
          )}
        </li>
      ))}
    </ul>
  );
}
