/**
 * One anomaly: where, what, what to do. With a cell it is a button that selects the cell in Excel
 * (click, Enter or Space); an anomaly about a whole sheet, or any anomaly in file mode, is plain text.
 * An anomaly that stands for several cells (the same misspelling on 300 rows) steps through them with
 * «Precedente» and «Successiva»: the place shown follows, and in Excel the cell is selected.
 */
import { Button, Caption1, Text, createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular, TableCursorRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ReportAnomaly } from '../../core/report';
import type { Severity } from '../../core/rules/rule';
import { placeOf } from '../anomalies';
import { formatNumber } from '../italian';
import { useSharedStyles } from '../styles';
import { SeverityIcon } from './SeverityBadges';

/** A fixed class name, so that the card's hover and focus can reach its cell reference. */
const LINK = 'piano-cell-link';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    width: '100%',
    boxSizing: 'border-box',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: '4px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    overflow: 'hidden',
  },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    boxSizing: 'border-box',
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    backgroundColor: 'transparent',
    color: 'inherit',
    textAlign: 'left',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
  },
  button: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
    // The whole card is the action; its cell reference reacts as a link does.
    [`:hover .${LINK}, :focus-visible .${LINK}`]: { color: tokens.colorBrandForegroundLinkHover, textDecorationThickness: '2px' },
    [`:active .${LINK}`]: { color: tokens.colorBrandForegroundLinkPressed },
  },
  // The cell reference as Excel shows a hyperlink (the «Anomalie» sheet links to the same cells): blue, underlined.
  link: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'underline',
    textUnderlineOffset: '2px',
  },
  linkIcon: { flexShrink: 0, fontSize: '16px' },
  // Inside the card's edge: the card clips what goes past it (overflow hidden, for its rounded corners).
  focus: { position: 'relative', ...createFocusOutlineStyle({ style: { outlineOffset: '-2px' } }) },
  error: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorderActive },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  severity: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, flexShrink: 0 },
  place: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  suggestion: { color: tokens.colorNeutralForeground2 },
  nav: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXS}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  position: {
    flexGrow: 1,
    textAlign: 'center',
    whiteSpace: 'nowrap',
    fontVariantNumeric: 'tabular-nums',
    color: tokens.colorNeutralForeground2,
  },
});

const SEVERITY_WORD: Record<Severity, string> = {
  error: 'Errore',
  warning: 'Avviso',
  info: 'Informazione',
};

/** The cells the anomaly stands for, in sheet order; an anomaly about a whole sheet has none. */
function cellsOf(a: ReportAnomaly): string[] {
  if (a.cells && a.cells.length > 0) return a.cells;
  return a.cell ? [a.cell] : [];
}

export interface AnomalyItemProps {
  anomaly: ReportAnomaly;
  /** Selects the cell in the workbook; absent in file mode, where there is no workbook to select in. */
  onSelect?: (a: ReportAnomaly, cell: string) => void;
}

export function AnomalyItem({ anomaly, onSelect }: AnomalyItemProps) {
  const s = useStyles();
  const shared = useSharedStyles();
  const cells = cellsOf(anomaly);
  // The position belongs to this anomaly: when a filter puts another anomaly in this slot, it starts again.
  const [position, setPosition] = useState({ of: anomaly, index: 0 });
  const index = position.of === anomaly ? Math.min(position.index, Math.max(cells.length - 1, 0)) : 0;
  const cell = cells[index];
  const place = cell ? placeOf({ sheet: anomaly.sheet, cell }) : null;

  const go = (to: number) => {
    if (to < 0 || to >= cells.length) return;
    setPosition({ of: anomaly, index: to });
    onSelect?.(anomaly, cells[to]!);
  };

  const selectable = Boolean(cell && onSelect);
  const where = place ?? `Foglio «${anomaly.sheet}»`;
  const content = (
    <>
      <span className={s.head}>
        {selectable ? (
          <Text className={mergeClasses(s.place, s.link, LINK)}>
            <TableCursorRegular aria-hidden="true" className={s.linkIcon} />
            {where}
          </Text>
        ) : (
          <Text className={s.place}>{where}</Text>
        )}
        <Caption1 className={s.severity}>
          <SeverityIcon severity={anomaly.severity} />
          {SEVERITY_WORD[anomaly.severity]}
        </Caption1>
      </span>
      <Text>{anomaly.message}</Text>
      {anomaly.suggestion && <Caption1 className={s.suggestion}>Suggerimento: {anomaly.suggestion}</Caption1>}
    </>
  );

  // Stops at the ends (no wrapping): "1 di 5" after "5 di 5" would read as going back to the start
  // unnoticed. The buttons stay focusable there, so that the keyboard does not lose its place.
  // The visible words are part of the accessible names (WCAG 2.5.3: who speaks "successiva" to a
  // voice-control program reaches the button): «Precedente»/«Successiva», of the cell.
  const navigator = cells.length > 1 && (
    <div className={s.nav} role="group" aria-label="Celle di questa anomalia">
      <Button
        size="small"
        appearance="subtle"
        icon={<ChevronLeftRegular />}
        aria-label="Cella precedente"
        disabledFocusable={index === 0}
        onClick={() => go(index - 1)}
      >
        Precedente
      </Button>
      <span className={s.position} aria-live="polite" aria-atomic="true">
        <Caption1>{`${formatNumber(index + 1)} di ${formatNumber(cells.length)}`}</Caption1>
        <span className={shared.visuallyHidden}>{`: ${place}`}</span>
      </span>
      <Button
        size="small"
        appearance="subtle"
        icon={<ChevronRightRegular />}
        iconPosition="after"
        aria-label="Cella successiva"
        disabledFocusable={index === cells.length - 1}
        onClick={() => go(index + 1)}
      >
        Successiva
      </Button>
    </div>
  );

  const severityClass = s[anomaly.severity];
  return (
    <div className={mergeClasses(s.root, severityClass)}>
      {/* Without a workbook to select in (file mode) or a cell to go to, it is plain text. */}
      {selectable && cell && onSelect ? (
        <button
          type="button"
          className={mergeClasses(s.body, s.button, s.focus)}
          title={`Vai alla cella ${place}`}
          onClick={() => onSelect(anomaly, cell)}
        >
          {content}
        </button>
      ) : (
        <div className={s.body}>{content}</div>
      )}
      {navigator}
    </div>
  );
}
