/**
 * The pane's working area when a service is available: the actions, their progress, their outcomes
 * and any failure. It owns the state; the components below only show it.
 */
import { Body1, Button, Spinner, Subtitle2, makeStyles, tokens, useAnnounce } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ComuneUfficiale } from '../../core/reference/comuni';
import type { ReportAnomaly } from '../../core/report';
import { ShownError, describeError } from '../errors';
import { countOf, formatNumber } from '../italian';
import type { AddinService, CheckOutcome, Progress, RemoveOutcome } from '../service';
import { CheckProgress } from './CheckProgress';
import { CreateSheetsSection, CreatedSheets } from './CreateSheetsSection';
import { ErrorBar } from './ErrorBar';
import { RemovedNote } from './RemovedNote';
import { RemoveResultsButton } from './RemoveResultsButton';
import { ResultsView } from './ResultsView';
import { verdictHeadline } from './Verdict';

type Action = 'check' | 'create' | 'remove';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** What a screen reader says when a check ends (the page below shows the same, in more detail). */
function checkSummary({ report, readiness }: CheckOutcome): string {
  const { error, warning, info } = report.counts;
  return [
    'Controllo completato.',
    `${verdictHeadline(report, readiness)}.`,
    `Sezione g: ${formatNumber(report.totals.g)} unità.`,
    `Anomalie: ${countOf(error, 'errore', 'errori')}, ${countOf(warning, 'avviso', 'avvisi')}, ${countOf(info, 'informazione', 'informazioni')}.`,
  ].join(' ');
}

export function Workspace({ service }: { service: AddinService }) {
  const s = useStyles();
  const { announce } = useAnnounce();
  const [busy, setBusy] = useState<Action | null>(null);
  // A ref as well as state: two quick clicks arrive before React re-renders the disabled button.
  const busyRef = useRef(false);
  const seq = useRef(0);
  const [error, setError] = useState<ShownError | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [checked, setChecked] = useState<CheckOutcome | null>(null);
  const [created, setCreated] = useState<CreatedSheets | null>(null);
  const [removed, setRemoved] = useState<{ outcome: RemoveOutcome; seq: number } | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const createButton = useRef<HTMLButtonElement>(null);

  // The error is shown at the top: bring it into view when it comes from an action further down.
  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);

  /** One action at a time: they all write to the same workbook. */
  const run = async (action: Action, task: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(action);
    setError(null);
    try {
      await task();
    } catch (err) {
      setError(describeError(err));
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  };

  const check = () =>
    run('check', async () => {
      // The previous results are about to be rewritten: showing them during the check would mislead.
      setChecked(null);
      setRemoved(null);
      setProgress(null);
      const outcome = await service.checkAndApply(setProgress);
      setChecked(outcome);
      announce(checkSummary(outcome), { polite: true });
    });

  const remove = () =>
    run('remove', async () => {
      const outcome = await service.removeResults();
      // The results referred to sheets and highlights that are now gone.
      setChecked(null);
      setRemoved({ outcome, seq: ++seq.current });
    });

  const create = (comuni: ComuneUfficiale[]) =>
    run('create', async () => {
      const outcome = await service.createStandardSheets(comuni.length > 0 ? { comuni } : {});
      setCreated({ outcome, comuniRequested: comuni.length, seq: ++seq.current });
    });

  const select = (a: ReportAnomaly, cell: string) => {
    setError(null);
    service.selectCell(a.sheet, cell).catch((err: unknown) => setError(describeError(err)));
  };

  /** From the message about a workbook with no plan: to the button that prepares the standard sheets. */
  const toCreateSheets = () => {
    const button = createButton.current;
    button?.scrollIntoView?.({ block: 'center' });
    button?.focus();
  };

  return (
    <div className={s.root}>
      {error && (
        <div ref={errorRef}>
          <ErrorBar
            error={error}
            onDismiss={() => setError(null)}
            actions={
              error.code === 'not-a-plan' && (
                <Button size="small" appearance="primary" onClick={toCreateSheets}>
                  Vai a «Crea fogli standard»
                </Button>
              )
            }
          />
        </div>
      )}
      <section className={s.section} aria-labelledby="controllo-title">
        <Subtitle2 as="h2" id="controllo-title">
          Controllo del piano
        </Subtitle2>
        <Body1 as="p">
          Legge i fogli del piano, controlla ogni riga, calcola la sezione g e scrive i risultati nei fogli «Sezione g»,
          «Anomalie» e «Riepilogo». I valori inseriti non vengono mai modificati.
        </Body1>
        <div className={s.actions}>
          <Button appearance="primary" disabled={busy !== null} onClick={check}>
            Controlla e calcola
          </Button>
          <RemoveResultsButton disabled={busy !== null} onConfirm={remove} />
          {busy === 'remove' && <Spinner size="extra-tiny" label="Rimozione…" />}
        </div>
        {busy === 'check' && <CheckProgress progress={progress} />}
        {removed && <RemovedNote key={removed.seq} outcome={removed.outcome} />}
      </section>
      {checked && <ResultsView outcome={checked} onSelect={select} />}
      <CreateSheetsSection buttonRef={createButton} disabled={busy !== null} creating={busy === 'create'} result={created} onCreate={create} />
    </div>
  );
}
