/**
 * The anomalies grouped by rule, one collapsible section per rule with its Italian title and count; the
 * rule's code is a detail line inside the open group.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Fragment, useState } from 'react';
import type { ReportAnomaly } from '../../core/report';
import type { Severity } from '../../core/rules/rule';
import { AnomalyGroup, severityCount } from '../anomalies';
import { formatNumber } from '../italian';
import { useSharedStyles } from '../styles';
import { AnomalyItem } from './AnomalyItem';
import { SEVERITY_BADGE_COLOR, SeverityIcon } from './SeverityBadges';

/** Rendered per group at a time: a plan with thousands of rows stays responsive. */
const PAGE_SIZE = 50;

const useStyles = makeStyles({
  headerText: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0, textAlign: 'left', padding: `${tokens.spacingVerticalXS} 0` },
  // The rule's code is for whoever reads the catalogue or the JSON report: small and quiet, inside the group.
  code: { display: 'block', color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere', marginBottom: tokens.spacingVerticalS },
  headerRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, width: '100%' },
  // Under the title, not beside it: at the pane's 350 px the title keeps the whole width.
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXXS },
  badge: { gap: tokens.spacingHorizontalXXS, whiteSpace: 'nowrap' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  more: { marginTop: tokens.spacingVerticalS },
});

export interface AnomalyGroupsProps {
  groups: AnomalyGroup[];
  openItems: string[];
  onOpenItemsChange: (open: string[]) => void;
  onSelect?: (a: ReportAnomaly, cell: string) => void;
}

export function AnomalyGroups({ groups, openItems, onOpenItemsChange, onSelect }: AnomalyGroupsProps) {
  return (
    <Accordion
      multiple
      collapsible
      openItems={openItems}
      onToggle={(_, data) => onOpenItemsChange(data.openItems.map(String))}
    >
      {groups.map((g) => (
        <GroupItem key={g.rule} group={g} onSelect={onSelect} />
      ))}
    </Accordion>
  );
}

/** How many of each severity the group holds, most severe first (most rules have one). */
function severitiesOf(group: AnomalyGroup): [Severity, number][] {
  const counts = new Map<Severity, number>();
  for (const a of group.anomalies) counts.set(a.severity, (counts.get(a.severity) ?? 0) + 1);
  return (['error', 'warning', 'info'] as const).filter((sev) => counts.has(sev)).map((sev) => [sev, counts.get(sev)!]);
}

function GroupItem({ group, onSelect }: { group: AnomalyGroup; onSelect?: (a: ReportAnomaly, cell: string) => void }) {
  const s = useStyles();
  const shared = useSharedStyles();
  const [shown, setShown] = useState(PAGE_SIZE);
  const total = group.anomalies.length;
  const rest = total - shown;
  return (
    <AccordionItem value={group.rule}>
      <AccordionHeader expandIconPosition="end">
        <span className={s.headerRow}>
          <span className={s.headerText}>
            <Text weight="semibold">{group.title}</Text>
            {/* A pause before the count when the header is read as one name: «Titolo, 3 errori». */}
            <span className={shared.visuallyHidden}>, </span>
            {/* The count with its severity in words (and an icon): colour is never alone, and it is read out. */}
            <span className={s.badges}>
              {severitiesOf(group).map(([sev, n], i) => (
                <Fragment key={sev}>
                  {i > 0 && <span className={shared.visuallyHidden}>, </span>}
                  <Badge appearance="tint" color={SEVERITY_BADGE_COLOR[sev]} icon={<SeverityIcon severity={sev} />} className={s.badge}>
                    {severityCount(sev, n)}
                  </Badge>
                </Fragment>
              ))}
            </span>
          </span>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        {group.title !== group.rule && <Caption1 as="p" className={s.code}>{`Codice regola: ${group.rule}`}</Caption1>}
        <ul className={s.list}>
          {group.anomalies.slice(0, shown).map((a, i) => (
            <li key={i}>
              <AnomalyItem anomaly={a} onSelect={onSelect} />
            </li>
          ))}
        </ul>
        {rest > 0 && (
          <Button className={s.more} appearance="subtle" onClick={() => setShown((n) => n + PAGE_SIZE)}>
            {rest === 1 ? "Mostra l'ultima" : `Mostra altre ${formatNumber(Math.min(rest, PAGE_SIZE))} (ne restano ${formatNumber(rest)})`}
          </Button>
        )}
      </AccordionPanel>
    </AccordionItem>
  );
}
