/**
 * The pane's working area when a service is available: the actions, their progress, their outcomes
 * and any failure. It owns the state; the components below only show it.
 * What the workbook holds is asked first (no values read), so that an empty workbook leads with
 * «Crea fogli standard», an action is enabled only when it can do something, and the last check's
 * results, kept in the workbook, are shown again when the pane is reopened (marked «da aggiornare»
 * when a new reading would give other results).
 */
import { Body1, Button, Link, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens, useAnnounce } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { reportFingerprint } from '../../core/fingerprint';
import type { ComuneUfficiale } from '../../core/reference/comuni';
import type { ReportAnomaly } from '../../core/report';
import { ShownError, describeError } from '../errors';
import { countOf, formatNumber } from '../italian';
import type { AddinService, CheckOptions, CheckOutcome, Progress, RemoveOutcome, WorkbookStatus } from '../service';
import type { YearSummary } from '../../core/previous/year';
import { ComparedNote } from './ComparedNote';
import { PastedNote } from './PastedNote';
import { PreviousYearPicker } from './PreviousYearPicker';
import { describeYears } from '../../core/previous/wording';
import { CheckProgress } from './CheckProgress';
import { CreateSheetsSection, CreatedSheets } from './CreateSheetsSection';
import { DocumentButton } from './DocumentButton';
import { ErrorBar } from './ErrorBar';
import { RemovedNote } from './RemovedNote';
import { RemoveResultsButton } from './RemoveResultsButton';
import { ResultsView } from './ResultsView';
import { verdictHeadline } from './Verdict';

type Action = 'check' | 'create' | 'remove';

/** The results on screen, and whether they still describe the workbook. */
interface Shown {
  outcome: CheckOutcome;
  fingerprint: string;
  /** Set when the results were kept in the workbook and shown again on opening the pane. */
  keptAt?: string;
  /** Anomalies of the kept check that are only in the «Anomalie» sheet (too many to keep). */
  omitted: number;
  /** 'unverified': kept results compared with a previous year whose file is not loaded in this session. */
  fresh: 'current' | 'checking' | 'changed' | 'unverified';
}

/** Height of the sticky action bar, so that what is brought into view is not hidden under it. */
const BAR_CLEARANCE = '72px';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // The main actions stay in reach while the results scroll under them.
  bar: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} 0`,
    marginTop: `calc(-1 * ${tokens.spacingVerticalL})`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, '& [data-testid="verdict-region"]': { scrollMarginTop: BAR_CLEARANCE } },
  cleared: { scrollMarginTop: BAR_CLEARANCE },
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

/** «6 dicembre 2026 alle 19:40». */
function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'una data sconosciuta';
  return `${d.toLocaleDateString('it-IT', { day: 'numeric', month: 'long', year: 'numeric' })} alle ${d.toLocaleTimeString('it-IT', { hour: '2-digit', minute: '2-digit' })}`;
}

/** Above the results: when they were computed, and whether the workbook has changed since. */
function FreshnessNote({ shown }: { shown: Shown }) {
  if (shown.fresh === 'changed') {
    return (
      <MessageBar intent="warning" layout="multiline" politeness="polite" data-testid="results-stale">
        <MessageBarBody>
          <strong>Da aggiornare:</strong> la cartella è cambiata dopo questo controllo, quindi i risultati qui sotto e nei fogli
          «Sezione g», «Anomalie» e «Riepilogo» potrebbero non essere più esatti. Premere «Controlla e calcola».
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (!shown.keptAt) return null;
  const state =
    shown.fresh === 'unverified'
      ? // Compared with a year whose file is not loaded: a new reading without it would always differ.
        `, confrontato con ${describeYears(shown.outcome.compared ?? [])}: per sapere se sono ancora esatti, scegliere di nuovo il file con «Confronta con l'anno precedente…».`
      : shown.fresh === 'checking'
        ? ': verifica in corso che la cartella non sia cambiata…'
        : ': la cartella non è cambiata da allora.';
  return (
    <MessageBar intent="info" layout="multiline" data-testid="results-kept">
      <MessageBarBody>
        Risultati dell&apos;ultimo controllo, del {when(shown.keptAt)}
        {state}
        {shown.omitted > 0 &&
          ` Qui sotto le prime ${formatNumber(shown.outcome.report.anomalies.length)}; ${shown.omitted === 1 ? "l'altra è elencata" : `le altre ${formatNumber(shown.omitted)} sono elencate`} nel foglio «Anomalie», e «Controlla e calcola» le riporta tutte qui.`}
      </MessageBarBody>
    </MessageBar>
  );
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
  const [shown, setShown] = useState<Shown | null>(null);
  const shownRef = useRef<Shown | null>(null);
  shownRef.current = shown;
  const [status, setStatus] = useState<WorkbookStatus | null>(null);
  const [inspecting, setInspecting] = useState(true);
  const [created, setCreated] = useState<CreatedSheets | null>(null);
  const [removed, setRemoved] = useState<{ outcome: RemoveOutcome; seq: number } | null>(null);
  const [cancelled, setCancelled] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  // Bumped by every action: a freshness reading that started before one is out of date when it ends.
  const epoch = useRef(0);
  // Last year's plan chosen in this session, compared with at every check (and every re-reading); each
  // summary's label is its file's name, which the picker shows.
  const [previous, setPrevious] = useState<YearSummary[] | null>(null);
  const previousRef = useRef(previous);
  previousRef.current = previous;
  const options = (): CheckOptions => (previousRef.current ? { previous: previousRef.current } : {});

  /** What the workbook holds now. Failing that (an old Excel, say), every action stays available. */
  const inspect = useCallback(async (): Promise<WorkbookStatus | null> => {
    try {
      const st = await service.inspect();
      setStatus(st);
      return st;
    } catch {
      setStatus(null);
      return null;
    } finally {
      setInspecting(false);
    }
  }, [service]);

  /** A re-reading under way: one at a time (on a large plan each is a full read of the workbook). */
  const verifying = useRef(false);

  /** Reads and checks again, writing nothing, to say whether the results on screen still hold. */
  const verify = useCallback(
    async (fingerprint: string) => {
      if (verifying.current) return;
      verifying.current = true;
      const at = epoch.current;
      setShown((v) => (v && v.fingerprint === fingerprint ? { ...v, fresh: v.fresh === 'changed' ? 'changed' : 'checking' } : v));
      let current: boolean;
      try {
        current = await service.isCurrent(fingerprint, options());
      } catch {
        // Not knowing is not a change: the note just stops saying it is checking.
        current = true;
      } finally {
        verifying.current = false;
      }
      if (at !== epoch.current) return;
      setShown((v) => (v && v.fingerprint === fingerprint ? { ...v, fresh: current ? 'current' : 'changed' } : v));
    },
    [service],
  );

  // On opening: the workbook's sheets, and the results of the last check if the workbook keeps them.
  useEffect(() => {
    let live = true;
    void inspect().then((st) => {
      if (!live || !st?.last || shownRef.current) return;
      const { outcome, fingerprint, at, omittedAnomalies } = st.last;
      // Compared with a year whose file is not here: a new reading without it would always differ.
      const unverifiable = (outcome.compared?.length ?? 0) > 0;
      setShown({ outcome, fingerprint, keptAt: at, omitted: omittedAnomalies, fresh: unverifiable ? 'unverified' : 'checking' });
      if (!unverifiable) void verify(fingerprint);
    });
    return () => {
      live = false;
    };
  }, [inspect, verify]);

  // Coming back to the pane after working in the sheets: are the results on screen still right?
  useEffect(() => {
    const onFocus = () => {
      const v = shownRef.current;
      if (v && v.fresh === 'current' && !busyRef.current) void verify(v.fingerprint);
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [verify]);

  // The error is shown at the top: bring it into view when it comes from an action further down.
  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);

  /** One action at a time: they all write to the same workbook. */
  const run = async (action: Action, task: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    epoch.current++;
    setBusy(action);
    setError(null);
    setCancelled(null);
    try {
      await task();
    } catch (err) {
      const shown = describeError(err);
      // «Annulla» is the user's own choice: said plainly, not as a failure.
      if (shown.code === 'cancelled') setCancelled(shown.message);
      else setError(shown);
    } finally {
      busyRef.current = false;
      setBusy(null);
      await inspect();
    }
  };

  /** «Controlla e calcola»: reads the plan, checks it and writes the results (the task of a 'check' run). */
  const checkPlan = async () => {
    // The previous results are about to be rewritten: showing them during the check would mislead.
    const previous = shownRef.current;
    setShown(null);
    setRemoved(null);
    setProgress(null);
    const controller = new AbortController();
    abort.current = controller;
    try {
      const outcome = await service.checkAndApply(setProgress, controller.signal, options());
      setShown({ outcome, fingerprint: reportFingerprint(outcome.report), omitted: 0, fresh: 'current' });
      announce(checkSummary(outcome), { polite: true });
    } catch (err) {
      // Cancelled before the first write: the workbook, and so the results it holds, are as they were.
      if (controller.signal.aborted) setShown(previous);
      throw err;
    } finally {
      abort.current = null;
    }
  };

  const check = () => run('check', checkPlan);

  const remove = () =>
    run('remove', async () => {
      const outcome = await service.removeResults();
      // The results referred to sheets and highlights that are now gone.
      setShown(null);
      setRemoved({ outcome, seq: ++seq.current });
    });

  const create = (comuni: ComuneUfficiale[], fromPaste = false) =>
    run('create', async () => {
      const outcome = await service.createStandardSheets({ ...(comuni.length > 0 ? { comuni } : {}), ...(fromPaste ? { fromPaste } : {}) });
      setCreated({ outcome, comuniRequested: comuni.length, seq: ++seq.current });
    });

  /**
   * Last year's files chosen: read (in the file worker), then the plan is checked again with them, in
   * one action (one busy period, one look at the workbook after it). A file that cannot be compared
   * is said in the error bar, and the plan is not checked again.
   */
  const choosePrevious = (files: File[]) =>
    run('check', async () => {
      // Not the last check's finished bar while the files are read.
      setProgress(null);
      const { readPreviousFiles } = await import(/* webpackChunkName: "file-client" */ '../../standalone/worker-client');
      const summaries = await readPreviousFiles(files);
      setPrevious(summaries);
      previousRef.current = summaries;
      await checkPlan();
    });

  const dropPrevious = () => {
    setPrevious(null);
    previousRef.current = null;
    check();
  };

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

  // Unknown (an Excel that cannot say): everything stays available, as before the pane could ask.
  const empty = status?.empty === true;
  const canRemove = status === null ? !inspecting : status.hasResults || shown !== null;
  const missing = status?.standardMissing ?? [];
  const createSection = (lead: boolean) => (
    <CreateSheetsSection
      buttonRef={createButton}
      primary={lead}
      disabled={busy !== null}
      creating={busy === 'create'}
      result={created}
      onCreate={create}
      pasted={shown?.outcome.report.pasted ?? null}
    />
  );

  return (
    <div className={s.root}>
      {error && (
        <div ref={errorRef} className={s.cleared}>
          <ErrorBar
            error={error}
            onDismiss={() => setError(null)}
            actions={
              error.code === 'not-a-plan' && (status === null || missing.length > 0) && (
                <Button size="small" appearance="primary" onClick={toCreateSheets}>
                  Vai a «Crea fogli standard»
                </Button>
              )
            }
          />
        </div>
      )}
      {empty && (
        <section className={s.section} aria-labelledby="inizio-title" data-testid="first-run">
          <Subtitle2 as="h2" id="inizio-title">
            Per iniziare
          </Subtitle2>
          <Body1 as="p">
            La cartella è vuota. Crea i fogli standard del piano, poi compilali o incollaci i dati ricevuti dagli enti e premi
            «Controlla e calcola». <Link href="supporto.html" target="_blank" rel="noopener">Come si compilano i fogli</Link>
          </Body1>
          {createSection(true)}
        </section>
      )}
      <section className={s.section} aria-labelledby="controllo-title">
        <Subtitle2 as="h2" id="controllo-title">
          Controllo del piano
        </Subtitle2>
        <Body1 as="p">
          Legge i fogli del piano, controlla ogni riga, calcola la sezione g e scrive i risultati nei fogli «Sezione g»,
          «Anomalie» e «Riepilogo». I valori inseriti non vengono mai modificati.
        </Body1>
      </section>
      <div className={s.bar} role="region" aria-label="Azioni principali">
        <div className={s.actions}>
          <Button appearance={empty ? 'secondary' : 'primary'} disabled={busy !== null || empty} onClick={check}>
            Controlla e calcola
          </Button>
          <RemoveResultsButton disabled={busy !== null || !canRemove} onConfirm={remove} />
          {busy === 'remove' && <Spinner size="extra-tiny" label="Rimozione…" />}
        </div>
        {empty && <Body1>Niente da controllare finché la cartella è vuota.</Body1>}
        {busy === 'check' && (
          <>
            <CheckProgress progress={progress} />
            <div className={s.actions}>
              {/* Once Excel is being written the check goes to its end: stopping half-way would leave half the results. */}
              <Button size="small" disabled={progress?.cancellable === false} onClick={() => abort.current?.abort()}>
                Annulla
              </Button>
            </div>
          </>
        )}
        {cancelled && (
          <MessageBar intent="info" politeness="polite">
            <MessageBarBody>{cancelled}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {!empty && (
        <section className={s.section} aria-labelledby="confronto-title">
          <Subtitle2 as="h2" id="confronto-title">
            Confronto con l&apos;anno precedente
          </Subtitle2>
          <Body1 as="p">Facoltativo: il piano dell&apos;anno prima (cartella .xlsx o report JSON), per vedere che cosa è cambiato.</Body1>
          <PreviousYearPicker chosen={previous?.map((p) => p.label) ?? []} disabled={busy !== null} onChoose={(files) => void choosePrevious(files)} onRemove={dropPrevious} />
        </section>
      )}
      {removed && <RemovedNote key={removed.seq} outcome={removed.outcome} />}
      {shown && (
        <div className={s.results}>
          <FreshnessNote shown={shown} />
          {shown.outcome.compared && <ComparedNote outcome={shown.outcome} mode="excel" />}
          <PastedNote outcome={shown.outcome} onCreate={missing.length > 0 ? toCreateSheets : undefined} />
          <ResultsView
            outcome={shown.outcome}
            onSelect={select}
            action={
              <DocumentButton
                canDownload={service.canDownload}
                // The chapter as the check built it; read again when the workbook changed since (or the results were kept).
                getDocument={() => (shown.outcome.document && shown.fresh !== 'changed' ? Promise.resolve(shown.outcome.document) : service.planDocument(options()))}
              />
            }
          />
        </div>
      )}
      {!empty && ((status === null ? !inspecting : missing.length > 0) || created !== null) && createSection(false)}
    </div>
  );
}
