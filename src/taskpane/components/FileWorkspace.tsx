/**
 * The page without Excel: choose or drop an .xlsx file, the same check and the same results view,
 * then download the annotated copy. Everything happens in the browser; the file never leaves it.
 */
import { Body1, Button, Caption1, Subtitle2, makeStyles, mergeClasses, shorthands, tokens, useAnnounce } from '@fluentui/react-components';
import { ArrowDownloadRegular, DismissRegular, DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { RunningCheck } from '../../standalone/worker-client';
import { ShownError, describeError } from '../errors';
import { formatNumber } from '../italian';
import type { CheckOutcome, Progress } from '../service';
import { CheckProgress } from './CheckProgress';
import { ComparedNote } from './ComparedNote';
import { PastedNote } from './PastedNote';
import { PreviousYearPicker } from './PreviousYearPicker';
import { DocumentButton } from './DocumentButton';
import { ErrorBar } from './ErrorBar';
import { ResultsView } from './ResultsView';
import { verdictHeadline } from './Verdict';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dragging: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  hint: { color: tokens.colorNeutralForeground2 },
  hidden: { display: 'none' },
});

export function FileWorkspace() {
  const s = useStyles();
  const { announce } = useAnnounce();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<{ outcome: CheckOutcome; source: string; copy: { blob: Blob; fileName: string } | null } | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [downloadUrl, setDownloadUrl] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [busyNotice, setBusyNotice] = useState<string | null>(null);
  const running = useRef<RunningCheck | null>(null);
  // Last year's plan (workbook or JSON report), compared with the file checked; kept for the next check.
  const [previous, setPrevious] = useState<File[]>([]);
  const lastFile = useRef<File | null>(null);

  // The object URL of the annotated copy lives as long as the copy it belongs to.
  const copy = result?.copy ?? null;
  useEffect(() => {
    if (!copy) return;
    const url = URL.createObjectURL(copy.blob);
    setDownloadUrl(url);
    return () => {
      URL.revokeObjectURL(url);
      setDownloadUrl(null);
    };
  }, [copy]);

  /** The user is about to choose or drop a file: the worker starts meanwhile (~0.1 s saved), not at page load. */
  const prepare = () => {
    void import(/* webpackChunkName: "file-client" */ '../../standalone/worker-client').then((m) => m.prepareFileWorker(), () => undefined);
  };

  const finish = () => {
    running.current = null;
    setBusy(false);
    if (input.current) input.current.value = '';
  };

  const open = async (file: File | undefined, previousFiles: File[] = previous) => {
    if (!file || busy) return;
    lastFile.current = file;
    setBusyNotice(null);
    setBusy(true);
    setError(null);
    setResult(null);
    setProgress(null);
    setCancelled(false);
    // The reader, the engine and the writer run in a worker, loaded only now: the page stays responsive.
    const { startFileCheck } = await import(/* webpackChunkName: "file-client" */ '../../standalone/worker-client');
    running.current = startFileCheck(file, {
      progress: setProgress,
      outcome: (outcome) => {
        setResult({ outcome, source: file.name, copy: null });
        announce(`Controllo completato. ${verdictHeadline(outcome.report, outcome.readiness)}. Sezione g: ${formatNumber(outcome.report.totals.g)} unità.`, { polite: true });
      },
      copy: (outcome, blob, fileName) => {
        setResult({ outcome, source: file.name, copy: { blob, fileName } });
        finish();
      },
      error: (err) => {
        setResult(null);
        setError(describeError(err));
        finish();
      },
    }, previousFiles);
  };

  /** A new choice of last year's files: the plan already checked is checked again with them. */
  const choosePrevious = (files: File[]) => {
    setPrevious(files);
    if (lastFile.current && !busy) void open(lastFile.current, files);
  };

  // A file dropped anywhere on the page is taken (not only on the dashed box); during a check it is
  // refused with a word, never silently ignored.
  const openRef = useRef(open);
  openRef.current = open;
  const busyRef = useRef(busy);
  busyRef.current = busy;
  useEffect(() => {
    const over = (e: DragEvent) => e.preventDefault();
    const enter = () => {
      if (!busyRef.current) prepare();
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      if (busyRef.current) {
        setBusyNotice(`«${file.name}» non è stato aperto: un controllo è già in corso. Attendere la fine, oppure premere «Annulla» e trascinare di nuovo il file.`);
        return;
      }
      setBusyNotice(null);
      void openRef.current(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  const cancel = () => {
    running.current?.cancel();
    setResult(null);
    setProgress(null);
    setCancelled(true);
    finish();
    announce('Controllo annullato.', { polite: true });
  };

  return (
    <div className={s.root}>
      {error && <ErrorBar error={error} onDismiss={() => setError(null)} />}
      <section className={s.section} aria-labelledby="file-title">
        <Subtitle2 as="h2" id="file-title">
          Controllo di un file
        </Subtitle2>
        <Body1 as="p">
          Senza Excel: scegliere il file del piano (.xlsx). Piano Offerta controlla ogni riga, calcola la sezione g e
          prepara una copia con i fogli «Sezione g», «Anomalie» e «Riepilogo» da scaricare. Il file resta su questo
          computer: nulla viene inviato in rete.
        </Body1>
        <div
          className={mergeClasses(s.drop, dragging && s.dragging)}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
        >
          <Button appearance={result ? "secondary" : "primary"} icon={<DocumentArrowUpRegular />} disabled={busy} onClick={() => {
              prepare();
              input.current?.click();
            }}>
            Scegli un file .xlsx
          </Button>
          <Caption1 className={s.hint}>oppure trascinalo qui</Caption1>
          <input
            ref={input}
            className={s.hidden}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label="File del piano (.xlsx)"
            onChange={(e) => void open(e.target.files?.[0])}
          />
        </div>
        {busy && (
          <div className={s.section}>
            <CheckProgress progress={progress} />
            <Button icon={<DismissRegular />} onClick={cancel}>
              Annulla
            </Button>
          </div>
        )}
        {cancelled && !busy && <Body1 as="p">Controllo annullato: il file non è stato modificato.</Body1>}
        {/* Stays after the check ends: the user must know that file was not opened. */}
        {busyNotice && (
          <Body1 as="p" role="status">
            {busyNotice}
          </Body1>
        )}
        <div className={s.section}>
          <Body1 as="p">
            Confronto con l&apos;anno precedente (facoltativo): il piano dell&apos;anno prima, cartella .xlsx o report JSON.
          </Body1>
          <PreviousYearPicker chosen={previous.map((f) => f.name)} disabled={busy} onChoose={choosePrevious} onRemove={() => choosePrevious([])} />
        </div>
        <Caption1 className={s.hint}>
          Per lavorare in Excel sul file aperto, aprire Piano Offerta dal suo pulsante nella scheda Home.
        </Caption1>
      </section>
      {result && (
        <>
          <Body1 as="p">
            File controllato: <strong>{result.source}</strong>
          </Body1>
          {result.outcome.compared && <ComparedNote outcome={result.outcome} mode="file" />}
          <PastedNote outcome={result.outcome} />
          <ResultsView
            outcome={result.outcome}
            mode="file"
            action={
              <>
                {downloadUrl && result.copy ? (
                  <Button as="a" appearance="primary" href={downloadUrl} download={result.copy.fileName} icon={<ArrowDownloadRegular />}>
                    Scarica la copia annotata
                  </Button>
                ) : (
                  <Caption1 className={s.hint}>Preparazione della copia annotata…</Caption1>
                )}
                {result.outcome.document && <DocumentButton canDownload getDocument={() => Promise.resolve(result.outcome.document!)} />}
              </>
            }
          />
        </>
      )}
    </div>
  );
}

