/** What the pane shows when it is not running inside Excel (opened in a plain browser). */
import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

export function NoHost() {
  return (
    <section className={useStyles().root} aria-labelledby="nohost-title">
      <Subtitle2 as="h2" id="nohost-title">
        Aprire questo riquadro da Excel
      </Subtitle2>
      <Body1>
        Piano Offerta lavora sulla cartella di lavoro aperta in Excel. Aprire il file del piano in Excel (sul computer o
        nel browser), poi aprire <strong>Piano Offerta</strong> dal suo pulsante nella barra multifunzione.
      </Body1>
    </section>
  );
}
