/** Section g: the total of assignable SAP units and its b…f breakdown, as the plan prints it. */
import { Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Report } from '../../core/report';
import { SECTION_LABELS, SECTIONS } from '../../core/reading/states';
import { formatNumber } from '../italian';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  total: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: { margin: 0 },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    verticalAlign: 'top',
  },
  letter: { fontWeight: tokens.fontWeightSemibold, width: '1.5em' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
});

export function SectionGSummary({ totals }: { totals: Report['totals'] }) {
  const s = useStyles();
  return (
    <section className={s.root} aria-labelledby="sezione-g-title">
      <div className={s.total}>
        <Text as="h3" id="sezione-g-title" className={s.title} size={400} weight="semibold">
          Sezione g
        </Text>
        <Text size={600} weight="bold" data-testid="g-total">
          {formatNumber(totals.g)}
        </Text>
        <Caption1>unità SAP assegnabili nell&apos;anno (b + c + d + e + f)</Caption1>
      </div>
      <table className={s.table} aria-label="Composizione della sezione g">
        <tbody>
          {SECTIONS.map((k) => (
            <tr key={k}>
              <th scope="row" className={mergeClasses(s.cell, s.letter)}>
                {k}
              </th>
              <td className={s.cell}>{SECTION_LABELS[k]}</td>
              <td className={mergeClasses(s.cell, s.number)}>{formatNumber(totals[k])}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" className={mergeClasses(s.cell, s.letter)}>
              j
            </th>
            <td className={s.cell}>di cui destinate ai servizi abitativi transitori (SAT)</td>
            <td className={mergeClasses(s.cell, s.number)}>{formatNumber(totals.sat)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
