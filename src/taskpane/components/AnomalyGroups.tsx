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
import { useState } from 'react';
import type { ReportAnomaly } from '../../core/report';
import { AnomalyGroup } from '../anomalies';
import { countOf, formatNumber } from '../italian';
import { useSharedStyles } from '../styles';
import { AnomalyItem } from './AnomalyItem';
import { SEVERITY_BADGE_COLOR } from './SeverityBadges';

/** Rendered per group at a time: a plan with thousands of rows stays responsive. */
const PAGE_SIZE = 50;

const useStyles = makeStyles({
  headerText: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0, textAlign: 'left' },
  // The rule's code is for whoever reads the catalogue or the JSON report: small and quiet, inside the group.
  code: { display: 'block', color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere', marginBottom: tokens.spacingVerticalS },
  headerRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, width: '100%' },
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
          </span>
          <Badge appearance="tint" color={SEVERITY_BADGE_COLOR[group.severity]} aria-hidden="true">
            {formatNumber(total)}
          </Badge>
          <span className={shared.visuallyHidden}>{`, ${countOf(total, 'anomalia', 'anomalie')}`}</span>
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
