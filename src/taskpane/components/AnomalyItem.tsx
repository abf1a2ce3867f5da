/**
 * One anomaly: where, what, what to do. With a cell it is a button that selects the cell in Excel
 * (click, Enter or Space); an anomaly about a whole sheet, or any anomaly in file mode, is plain text.
 */
import { Caption1, Text, createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReportAnomaly } from '../../core/report';
import type { Severity } from '../../core/rules/rule';
import { placeOf } from '../anomalies';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: '4px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    textAlign: 'left',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
  },
  button: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
  },
  focus: createFocusOutlineStyle(),
  error: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorderActive },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  head: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  place: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  suggestion: { color: tokens.colorNeutralForeground2 },
});

const SEVERITY_WORD: Record<Severity, string> = {
  error: 'Errore',
  warning: 'Avviso',
  info: 'Informazione',
};

export function AnomalyItem({ anomaly, onSelect }: { anomaly: ReportAnomaly; onSelect?: (a: ReportAnomaly) => void }) {
  const s = useStyles();
  const content = (
    <>
      <span className={s.head}>
        <Text className={s.place}>{anomaly.cell ? placeOf(anomaly) : `Foglio ${anomaly.sheet}`}</Text>
        <Caption1>{SEVERITY_WORD[anomaly.severity]}</Caption1>
      </span>
      <Text>{anomaly.message}</Text>
      {anomaly.suggestion && <Caption1 className={s.suggestion}>Suggerimento: {anomaly.suggestion}</Caption1>}
    </>
  );
  const severityClass = s[anomaly.severity];
  // Without a workbook to select in (file mode) or a cell to go to, it is plain text.
  if (!anomaly.cell || !onSelect) return <div className={mergeClasses(s.root, severityClass)}>{content}</div>;
  return (
    <button
      type="button"
      className={mergeClasses(s.root, s.button, s.focus, severityClass)}
      title={`Vai alla cella ${placeOf(anomaly)}`}
      onClick={() => onSelect(anomaly)}
    >
      {content}
    </button>
  );
}
