/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * What the pane offers before any check, from what the workbook holds: an empty workbook leads with
 * «Crea fogli standard», an action is enabled only when it can do something, and the last check kept
 * in the workbook comes back when the pane is reopened, marked «da aggiornare» when it no longer holds.
 */
import '../support/dom';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { reportFingerprint } from '../../src/core/fingerprint';
import { App } from '../../src/taskpane/App';
import { UserFacingError } from '../../src/taskpane/service';
import type { AddinService, Progress, SavedCheck } from '../../src/taskpane/service';
import { renderWithoutCss } from '../support/render';
import { buildPlanDocument } from '../../src/core/document';
import { checkOutcome, cremonaReport, cremonaResult, deferred, fakeService, workbookStatus } from './fake-service';
import type { YearSummary } from '../../src/core/previous/year';

// Last year's files are read in the file worker, which jsdom has not: its reading is given by each test.
const reading = { next: Promise.resolve<YearSummary[]>([]) };
jest.mock('../../src/standalone/worker-client', () => ({ readPreviousFiles: () => reading.next }));

const ALL_MISSING = ['Ambito', 'Comuni', 'Enti', 'Unita', 'SAT', 'Assegnazioni'];
const EMPTY = workbookStatus({ empty: true, standardPresent: [], standardMissing: ALL_MISSING });

function renderPane(service: AddinService) {
  return renderWithoutCss(<App service={service} theme="light" />);
}
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

function kept(overrides: Partial<SavedCheck> = {}): SavedCheck {
  const outcome = checkOutcome();
  return { version: 1, at: '2026-12-01T09:30:00Z', fingerprint: reportFingerprint(outcome.report), outcome, omittedAnomalies: 0, ...overrides };
}

describe('an empty workbook', () => {
  test('leads with «Crea fogli standard» as the primary action and a link to the guide; nothing to check or remove', async () => {
    const service = fakeService({ inspect: async () => EMPTY });
    renderPane(service);
    const first = await screen.findByRole('region', { name: 'Per iniziare' });
    const create = within(first).getByRole('button', { name: 'Crea fogli standard' }) as HTMLButtonElement;
    expect(create.disabled).toBe(false);
    // Before «Controlla e calcola» in the reading order (and in the tab order).
    const buttons = screen.getAllByRole('button').map((b) => b.textContent);
    expect(buttons.indexOf('Crea fogli standard')).toBeLessThan(buttons.indexOf('Controlla e calcola'));
    expect(within(first).getByRole('link', { name: 'Come si compilano i fogli' }).getAttribute('href')).toBe('supporto.html');
    expect(button('Controlla e calcola').disabled).toBe(true);
    expect(button('Rimuovi risultati').disabled).toBe(true);
    expect(screen.getByText('Niente da controllare finché la cartella è vuota.')).toBeTruthy();
    // «Crea fogli standard» appears once, not again at the bottom.
    expect(screen.getAllByRole('button', { name: 'Crea fogli standard' })).toHaveLength(1);
  });

  test('after the sheets are created the pane asks again, and «Controlla e calcola» becomes the action', async () => {
    let status = EMPTY;
    const service = fakeService({
      inspect: async () => status,
      createStandardSheets: async () => {
        status = workbookStatus();
        return { created: ALL_MISSING, existing: [] };
      },
    });
    renderPane(service);
    fireEvent.click(await screen.findByRole('button', { name: 'Crea fogli standard' }));
    await screen.findByText(/Fogli creati:/);
    await waitFor(() => expect(button('Controlla e calcola').disabled).toBe(false));
    expect(screen.queryByRole('region', { name: 'Per iniziare' })).toBeNull();
    expect(service.inspect).toHaveBeenCalledTimes(2);
  });
});

describe('a workbook with its plan', () => {
  test('every standard sheet there: no «Preparare i fogli del piano»; «Rimuovi risultati» only once there are results', async () => {
    const service = fakeService();
    renderPane(service);
    await waitFor(() => expect(service.inspect).toHaveBeenCalled());
    await act(async () => undefined);
    expect(screen.queryByRole('heading', { name: 'Preparare i fogli del piano' })).toBeNull();
    expect(button('Rimuovi risultati').disabled).toBe(true);
    fireEvent.click(button('Controlla e calcola'));
    await screen.findByRole('heading', { name: 'Risultati del controllo' });
    expect(button('Rimuovi risultati').disabled).toBe(false);
  });

  test('a sheet missing: the section that adds it stays, below the check', async () => {
    renderPane(fakeService({ inspect: async () => workbookStatus({ standardMissing: ['SAT'] }) }));
    expect(await screen.findByRole('heading', { name: 'Preparare i fogli del piano' })).toBeTruthy();
    expect(button('Crea fogli standard').disabled).toBe(false);
  });

  test('the main actions are in a bar of their own, which holds the progress and stays in reach', async () => {
    const run = deferred<ReturnType<typeof checkOutcome>>();
    renderPane(fakeService({ checkAndApply: () => run.promise }));
    const bar = screen.getByRole('region', { name: 'Azioni principali' });
    fireEvent.click(within(bar).getByRole('button', { name: 'Controlla e calcola' }));
    expect(within(bar).getByRole('progressbar')).toBeTruthy();
    await act(async () => run.resolve(checkOutcome()));
  });
});

describe('the last check, kept in the workbook', () => {
  test('reopening the pane shows it, dated, then says the workbook has not changed', async () => {
    const current = deferred<boolean>();
    const service = fakeService({ inspect: async () => workbookStatus({ hasResults: true, last: kept() }), isCurrent: () => current.promise });
    renderPane(service);
    const note = await screen.findByTestId('results-kept');
    expect(note.textContent).toMatch(/Risultati dell'ultimo controllo, del 1 dicembre 2026 alle \d\d:30: verifica in corso/);
    expect(screen.getByText("Pronto per l'Assemblea: no")).toBeTruthy();
    expect(within(screen.getByTestId('verdict-region')).getByText('1 errore da correggere.')).toBeTruthy();
    expect(service.isCurrent).toHaveBeenCalledWith(reportFingerprint(cremonaReport()), {});
    await act(async () => current.resolve(true));
    expect(note.textContent).toContain('la cartella non è cambiata da allora.');
    expect(screen.queryByTestId('results-stale')).toBeNull();
    expect(service.checkAndApply).not.toHaveBeenCalled();
  });

  test('a workbook changed since: «Da aggiornare», and a new check clears it', async () => {
    const service = fakeService({ inspect: async () => workbookStatus({ hasResults: true, last: kept() }), isCurrent: async () => false });
    renderPane(service);
    const stale = await screen.findByTestId('results-stale');
    expect(stale.textContent).toContain('Da aggiornare: la cartella è cambiata dopo questo controllo');
    fireEvent.click(button('Controlla e calcola'));
    await screen.findByRole('heading', { name: 'Risultati del controllo' });
    await waitFor(() => expect(screen.queryByTestId('results-stale')).toBeNull());
    expect(screen.queryByTestId('results-kept')).toBeNull();
  });

  test('coming back to the pane after editing the sheets: the results are read again and marked', async () => {
    let current = true;
    const service = fakeService({ isCurrent: async () => current });
    renderPane(service);
    fireEvent.click(button('Controlla e calcola'));
    await screen.findByRole('heading', { name: 'Risultati del controllo' });
    current = false;
    await act(async () => {
      window.dispatchEvent(new Event('focus'));
    });
    expect(await screen.findByTestId('results-stale')).toBeTruthy();
    expect(service.isCurrent).toHaveBeenCalledWith(reportFingerprint(cremonaReport()), {});
  });

  test('coming back twice while the first re-reading runs: the workbook is read once', async () => {
    const reading = deferred<boolean>();
    let calls = 0;
    const service = fakeService({
      isCurrent: () => {
        calls++;
        return reading.promise;
      },
    });
    renderPane(service);
    fireEvent.click(button('Controlla e calcola'));
    await screen.findByRole('heading', { name: 'Risultati del controllo' });
    await act(async () => {
      window.dispatchEvent(new Event('focus'));
      window.dispatchEvent(new Event('focus'));
    });
    expect(calls).toBe(1);
    await act(async () => reading.resolve(true));
  });

  test('too many anomalies to keep: the pane says how many are only in «Anomalie»', async () => {
    const full = checkOutcome();
    const outcome = { ...full, report: { ...full.report, anomalies: full.report.anomalies.slice(0, 10) } };
    const last = kept({ outcome, omittedAnomalies: full.report.anomalies.length - 10 });
    renderPane(fakeService({ inspect: async () => workbookStatus({ hasResults: true, last }) }));
    const note = await screen.findByTestId('results-kept');
    expect(note.textContent).toContain(`Qui sotto le prime 10; le altre ${full.report.anomalies.length - 10} sono elencate nel foglio «Anomalie»`);
  });

  test('kept results compared with a year not loaded here, and trimmed: both said, and nothing read again', async () => {
    const full = checkOutcome();
    const outcome = { ...full, compared: [{ anno: 2022, label: 'cremona-2022.json', source: 'report' as const }], report: { ...full.report, anomalies: full.report.anomalies.slice(0, 10) } };
    const last = kept({ outcome, omittedAnomalies: full.report.anomalies.length - 10 });
    const service = fakeService({ inspect: async () => workbookStatus({ hasResults: true, last }) });
    renderPane(service);
    const note = await screen.findByTestId('results-kept');
    expect(note.textContent).toContain("confrontato con 2022 («cremona-2022.json», report JSON: solo la sezione g): per sapere se sono ancora esatti, scegliere di nuovo il file con «Confronta con l'anno precedente…».");
    expect(note.textContent).toContain(`Qui sotto le prime 10; le altre ${full.report.anomalies.length - 10} sono elencate nel foglio «Anomalie»`);
    expect(service.isCurrent).not.toHaveBeenCalled();
  });

  test('a pane that cannot ask (an old Excel): every action stays available, as before', async () => {
    const service = fakeService({
      inspect: async () => {
        throw new Error('ApiNotFound');
      },
    });
    renderPane(service);
    await waitFor(() => expect(button('Rimuovi risultati').disabled).toBe(false));
    expect(button('Controlla e calcola').disabled).toBe(false);
    expect(button('Crea fogli standard').disabled).toBe(false);
  });
});

describe('«Confronta con l\'anno precedente…», in Excel', () => {
  const SUMMARY: YearSummary = { label: 'piano-2022.json', source: 'report', ambito: 'Cremona', anno: 2022, owners: new Map(), comuni: null, units: null };
  const choose = (name: string) =>
    fireEvent.change(screen.getByLabelText("Piano dell'anno precedente (.xlsx o .json)"), { target: { files: [new File(['{}'], name, { type: 'application/json' })] } });

  test('the file read and the plan checked with it in one action: busy throughout, the workbook looked at once after', async () => {
    const read = deferred<YearSummary[]>();
    reading.next = read.promise;
    const service = fakeService({
      checkAndApply: async (onProgress) => {
        onProgress({ stage: 'scrittura', label: 'Scrittura dei risultati…', fraction: 1 });
        return checkOutcome();
      },
    });
    renderPane(service);
    // A check first: its finished progress is not what the reading of the file shows.
    await waitFor(() => expect(button('Controlla e calcola').disabled).toBe(false));
    fireEvent.click(button('Controlla e calcola'));
    await screen.findByRole('heading', { name: 'Risultati del controllo' });
    await waitFor(() => expect(button('Controlla e calcola').disabled).toBe(false));
    const inspected = (service.inspect as jest.Mock).mock.calls.length;
    choose('piano-2022.json');
    // While the file is read: the progress bar from its start, the actions disabled.
    const bar = screen.getByRole('region', { name: 'Azioni principali' });
    expect(within(bar).getByRole('progressbar')).toBeTruthy();
    expect(within(bar).getByText('Avvio del controllo…')).toBeTruthy();
    expect(within(bar).queryByText('Scrittura dei risultati…')).toBeNull();
    expect(button('Controlla e calcola').disabled).toBe(true);
    await act(async () => read.resolve([SUMMARY]));
    await waitFor(() => expect(service.checkAndApply).toHaveBeenCalledTimes(2));
    await screen.findByRole('heading', { name: 'Risultati del controllo' });
    await waitFor(() => expect(button('Controlla e calcola').disabled).toBe(false));
    expect((service.checkAndApply as jest.Mock).mock.calls[1][2]).toEqual({ previous: [SUMMARY] });
    expect((service.inspect as jest.Mock).mock.calls.length).toBe(inspected + 1);
    expect(screen.getByTestId('previous-chosen').textContent).toBe('Anno precedente: «piano-2022.json»');
  });

  test('a file that cannot be compared: said, and the plan not checked again', async () => {
    reading.next = Promise.reject(new UserFacingError('«piano-2023.json» è il piano 2023.', 'Scegliere il piano 2022.', 'unreadable'));
    reading.next.catch(() => undefined);
    const service = fakeService();
    renderPane(service);
    await waitFor(() => expect(button('Controlla e calcola').disabled).toBe(false));
    choose('piano-2023.json');
    expect(await screen.findByText(/«piano-2023\.json» è il piano 2023\./)).toBeTruthy();
    await waitFor(() => expect(button('Controlla e calcola').disabled).toBe(false));
    expect(service.checkAndApply).not.toHaveBeenCalled();
    expect(screen.queryByTestId('previous-chosen')).toBeNull();
  });
});

describe('Annulla, in Excel', () => {
  const CANCELLED = 'Controllo annullato: la cartella non è stata modificata.';
  /** A check that runs until the signal is aborted, as the Office service does before its first write. */
  const untilAborted = (onProgress: (p: Progress) => void, signal?: AbortSignal) =>
    new Promise<ReturnType<typeof checkOutcome>>((_, reject) => {
      onProgress({ stage: 'controllo', label: 'Controllo delle righe…', fraction: 0.4 });
      signal?.addEventListener('abort', () => reject(new UserFacingError(CANCELLED, '', 'cancelled')));
    });

  test('stops the check, says so calmly, and the results of before are still shown', async () => {
    const service = fakeService({ inspect: async () => workbookStatus({ hasResults: true, last: kept() }), checkAndApply: untilAborted });
    renderPane(service);
    await screen.findByTestId('results-kept');
    fireEvent.click(button('Controlla e calcola'));
    expect(screen.queryByTestId('results-kept')).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Annulla' }));
    expect(await screen.findByText(CANCELLED)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('results-kept')).toBeTruthy();
    expect(button('Controlla e calcola').disabled).toBe(false);
    expect(screen.queryByRole('button', { name: 'Annulla' })).toBeNull();
  });

  test('once Excel is being written, «Annulla» is disabled', async () => {
    let report!: (p: Progress) => void;
    renderPane(fakeService({ checkAndApply: (onProgress) => { report = onProgress; return new Promise(() => undefined); } }));
    fireEvent.click(button('Controlla e calcola'));
    expect(button('Annulla').disabled).toBe(false);
    act(() => report({ stage: 'scrittura', label: 'Scrittura dei risultati…', fraction: 0.6, cancellable: false }));
    expect(button('Annulla').disabled).toBe(true);
  });
});

jest.mock('../../src/taskpane/document/render-client', () => ({
  renderDocument: jest.fn(async () => new Blob(['docx'])),
  saveFile: jest.fn(),
}));

describe('«Scarica il documento del piano (Word)», in Excel', () => {
  const LABEL = 'Scarica il documento del piano (Word)';
  const client = () => jest.requireMock('../../src/taskpane/document/render-client') as { renderDocument: jest.Mock; saveFile: jest.Mock };

  test('after a check: the document built with it is rendered and saved under its own name, nothing asked of Excel again', async () => {
    const document = buildPlanDocument(cremonaResult());
    const service = fakeService({ checkAndApply: async () => checkOutcome({ document }) });
    renderPane(service);
    fireEvent.click(button('Controlla e calcola'));
    fireEvent.click(await screen.findByRole('button', { name: LABEL }));
    expect(await screen.findByText(/Documento «.+\.docx» scaricato/)).toBeTruthy();
    expect(client().renderDocument).toHaveBeenLastCalledWith(document);
    expect(client().saveFile).toHaveBeenLastCalledWith(expect.any(Blob), document.fileName);
    expect(service.planDocument).not.toHaveBeenCalled();
  });

  test('results kept from an earlier session: the workbook is read again for the document', async () => {
    const service = fakeService({ inspect: async () => workbookStatus({ hasResults: true, last: kept() }) });
    renderPane(service);
    fireEvent.click(await screen.findByRole('button', { name: LABEL }));
    await screen.findByText(/Documento «.+\.docx» scaricato/);
    expect(service.planDocument).toHaveBeenCalledTimes(1);
  });

  test('where the pane cannot save files (Excel for Mac): it says so and points to the browser page; nothing is made', async () => {
    const service = { ...fakeService(), canDownload: false };
    renderPane(service);
    fireEvent.click(button('Controlla e calcola'));
    client().renderDocument.mockClear();
    fireEvent.click(await screen.findByRole('button', { name: LABEL }));
    const note = await screen.findByTestId('document-blocked');
    expect(note.textContent).toContain('Excel per Mac (e per iPad) non permette ai componenti aggiuntivi di salvare file');
    expect(within(note).getByRole('link', { name: 'pagina di Piano Offerta nel browser' }).getAttribute('href')).toBe('taskpane.html');
    expect(client().renderDocument).not.toHaveBeenCalled();
    expect(service.planDocument).not.toHaveBeenCalled();
  });
});
