/** The task pane: Fluent UI in Office's light or dark theme, a header and the working area. */
import { AriaLiveAnnouncer, Caption1, FluentProvider, Title3, makeStyles, tokens, webDarkTheme, webLightTheme, Link } from '@fluentui/react-components';
import { FileWorkspace } from './components/FileWorkspace';
import { Workspace } from './components/Workspace';
import type { AddinService } from './service';
import type { ThemeKind } from './theme';

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  // Designed for a 320–350 px task pane; in a wide browser window it stays a readable column.
  page: {
    maxWidth: '480px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    // Blocks are spaced by the flex gaps: the browser's own heading and paragraph margins would double them.
    '& h1, & h2, & h3, & h4, & p': { marginTop: 0, marginBottom: 0 },
  },
  header: { display: 'flex', flexDirection: 'column' },
  subtitle: { color: tokens.colorNeutralForeground2 },
});

export interface AppProps {
  /** Null outside Excel: the page then works on an .xlsx file chosen by the user. */
  service: AddinService | null;
  theme: ThemeKind;
}

export function App({ service, theme }: AppProps) {
  const s = useStyles();
  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} className={s.provider} lang="it">
      {/* Lets MessageBars and the pane announce outcomes to screen readers. */}
      <AriaLiveAnnouncer>
        <div className={s.page}>
          <header className={s.header}>
            <Title3 as="h1">Piano Offerta</Title3>
            <Caption1 className={s.subtitle}>
              Piano annuale dell&apos;offerta abitativa – controllo e sezione g ·{' '}
              <Link href="supporto.html" target="_blank" rel="noopener">
                Guida
              </Link>
            </Caption1>
          </header>
          {/* In Excel: the open workbook. In a plain browser: a file chosen from disk. */}
          <main>{service ? <Workspace service={service} /> : <FileWorkspace />}</main>
        </div>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
