/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The export conditions: jsdom would otherwise resolve uuid (used by exceljs, which builds the fixture
// plan) to its ES-module browser build, which jest cannot load.
/**
 * The task pane as a user meets it: buttons found by their Italian names, results read as text, the
 * service replaced by a fake. The report is the real engine's on the Cremona 2023 plan.
 */
import '../support/dom';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ruleByCode } from '../../src/core/rules';
import { App } from '../../src/taskpane/App';
import { UserFacingError } from '../../src/taskpane/service';
import type { AddinService, CheckOutcome, Progress } from '../../src/taskpane/service';
import { comuniAttivi } from '../../src/core/reference/comuni';
import { renderWithoutCss } from '../support/render';
import { checkOutcome, cremonaReport, deferred, fakeService, workbookStatus } from './fake-service';

function renderPane(service: AddinService | null = fakeService()) {
  return renderWithoutCss(<App service={service} theme="light" />);
}

const checkButton = () => screen.getByRole('button', { name: 'Controlla e calcola' });

/** Runs the check with the fake service and waits for the results. */
async function showResults(service = fakeService()) {
  renderPane(service);
  fireEvent.click(checkButton());
  await screen.findByRole('heading', { name: 'Risultati del controllo' });
  return service;
}

/** The header button of a rule's group (its accessible name starts with the Italian title). */
function groupHeader(code: string) {
  const title = ruleByCode(code)!.title;
  return screen.getByRole('button', { name: new RegExp(`^${title}`) });
}

describe('outside Excel', () => {
  test('says to open the pane from Excel, and offers no action', () => {
    renderPane(null);
    expect(screen.getByRole('heading', { name: /Controllo di un file/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Scegli un file .xlsx' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Controlla e calcola' })).toBeNull();
    expect(screen.getByRole('main')).toBeTruthy();
  });
});

describe('Controlla e calcola', () => {
  test('shows the stage while running, then the verdict, g and its breakdown from the report', async () => {
    const run = deferred<CheckOutcome>();
    let report: ((p: Progress) => void) | undefined;
    const service = fakeService({
      checkAndApply: (onProgress) => {
        report = onProgress;
        return run.promise;
      },
    });
    renderPane(service);
    fireEvent.click(checkButton());

    expect(service.checkAndApply).toHaveBeenCalledTimes(1);
    expect((checkButton() as HTMLButtonElement).disabled).toBe(true);
    act(() => report!({ stage: 'lettura', label: 'Lettura dei fogli…', fraction: 0.2 }));
    expect(screen.getByRole('progressbar', { name: 'Lettura dei fogli…' })).toBeTruthy();
    act(() => report!({ stage: 'controllo', label: 'Controllo…', fraction: 0.6 }));
    expect(screen.getByRole('progressbar', { name: 'Controllo…' })).toBeTruthy();

    await act(async () => run.resolve(checkOutcome()));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect((checkButton() as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByText("Pronto per l'Assemblea: no")).toBeTruthy();
    expect(screen.getByText('1 errore da correggere.')).toBeTruthy();
    expect(screen.getByText('Ambito Sociale Territoriale Cremonese · anno 2023')).toBeTruthy();

    const g = screen.getByRole('region', { name: 'Sezione g' });
    expect(within(g).getByTestId('g-total').textContent).toBe('262');
    const breakdown = within(g).getByRole('table', { name: 'Composizione della sezione g' });
    const figure = (letter: string) => within(breakdown).getByRole('rowheader', { name: letter }).parentElement!.lastElementChild!.textContent;
    expect(['b', 'c', 'd', 'e', 'f', 'j'].map(figure)).toEqual(['34', '165', '0', '63', '0', '26']);

    const badges = screen.getByRole('list', { name: 'Anomalie per gravità' });
    expect(within(badges).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['1 errore', '56 avvisi', '35 informazioni']);
    expect(screen.getByText(/Risultati scritti nei fogli «Sezione g», «Anomalie» e «Riepilogo»\./)).toBeTruthy();
  });

  test('a ready plan says so in the verdict', async () => {
    const report = { ...cremonaReport(), ready: true, counts: { error: 0, warning: 56, info: 35 } };
    await showResults(fakeService({ checkAndApply: async () => checkOutcome({ report }) }));
    expect(screen.getByText("Pronto per l'Assemblea: sì")).toBeTruthy();
    expect(screen.getByText('Nessun errore da correggere.')).toBeTruthy();
  });

  test('groups the anomalies by rule with the Italian titles and counts, errors first; the code only inside the group', async () => {
    await showResults();
    const counts = new Map<string, number>();
    for (const a of cremonaReport().anomalies) counts.set(a.rule, (counts.get(a.rule) ?? 0) + 1);
    for (const [code, n] of counts) {
      const header = groupHeader(code);
      expect(header.textContent).not.toContain(code);
      // The count with its severity in words (Cremona's rules each report at one severity).
      expect(header.textContent).toMatch(new RegExp(`, ${n} (errore|errori|avviso|avvisi|informazione|informazioni)$`));
    }
    const headers = screen.getAllByRole('button', { expanded: false });
    expect(headers[0]!.textContent).toMatch(/^Totale g diverso da quello dichiarato/);
    expect(screen.getByText('92 anomalie in 9 regole')).toBeTruthy();
    // The rule's code is a detail for whoever looks it up: inside the open group, not in its title.
    expect(screen.queryByText('Codice regola: ENTE_G_DECLARED_MISMATCH')).toBeNull();
    fireEvent.click(groupHeader('ENTE_G_DECLARED_MISMATCH'));
    expect(screen.getByText('Codice regola: ENTE_G_DECLARED_MISMATCH')).toBeTruthy();
  });

  test('an expanded group lists each anomaly with its cell, message and suggestion', async () => {
    await showResults();
    fireEvent.click(groupHeader('ENTE_G_DECLARED_MISMATCH'));
    const item = screen.getByRole('button', { name: /^Enti!G27/ });
    expect(item.textContent).toContain('dichiara 2 unità assegnabili, ma dalle righe del foglio «Unita» ne risultano 3.');
    expect(item.textContent).toContain('Suggerimento: Scrivere 3');
  });

  test('filtering by severity hides the other severities', async () => {
    await showResults();
    fireEvent.click(screen.getByRole('tab', { name: /^Errori \(\d+\)$/ }));
    expect(groupHeader('ENTE_G_DECLARED_MISMATCH')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Ente ricavato da/ })).toBeNull();
    expect(screen.getByText('1 anomalia mostrata su 92')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: /^Informazioni \(\d+\)$/ }));
    expect(screen.queryByRole('button', { name: /^Totale g diverso/ })).toBeNull();
    expect(groupHeader('ENTE_ALIAS')).toBeTruthy();
    expect(screen.getByText('35 anomalie mostrate su 92')).toBeTruthy();
  });

  test('filtering by text keeps the matching anomalies and opens their groups', async () => {
    await showResults();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Cerca nelle anomalie' }), { target: { value: 'pozzaglio g27' } });
    expect(screen.getByText('1 anomalia mostrata su 92')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Enti!G27/ })).toBeTruthy();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Cerca nelle anomalie' }), { target: { value: 'nessuna parola così' } });
    expect(screen.getByText('Nessuna anomalia corrisponde ai filtri scelti.')).toBeTruthy();
  });

  test('choosing an anomaly selects its cell in the workbook', async () => {
    const service = await showResults();
    fireEvent.click(groupHeader('ENTE_G_DECLARED_MISMATCH'));
    fireEvent.click(screen.getByRole('button', { name: /^Enti!G27/ }));
    expect(service.selectCell).toHaveBeenCalledWith('Enti', 'G27');
  });

  test('an anomaly about a whole sheet is shown but is not a button', async () => {
    const report = {
      ...cremonaReport(),
      anomalies: [{ rule: 'SHEET_MISSING', severity: 'info' as const, sheet: 'SAT', value: '', message: 'Il foglio SAT non c’è.' }],
      counts: { error: 0, warning: 0, info: 1 },
    };
    await showResults(fakeService({ checkAndApply: async () => checkOutcome({ report }) }));
    fireEvent.click(groupHeader('SHEET_MISSING'));
    expect(screen.getByText('Foglio «SAT»')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Foglio «SAT»/ })).toBeNull();
  });

  test('says how many cells were highlighted and noted, and what could not be written', async () => {
    const notice = 'Il foglio «Unita» è protetto: le sue celle non sono state evidenziate né annotate.';
    await showResults(fakeService({ checkAndApply: async () => checkOutcome({ highlightedCells: 12_000, notedCells: 1_000, notices: [{ message: notice }] }) }));
    expect(screen.getByText(/12\.000 celle evidenziate nei fogli del piano, di cui 1\.000 con una nota che spiega il motivo/)).toBeTruthy();
    expect(screen.getByText(notice)).toBeTruthy();
  });

  test('a plan without anomalies gets the all-clear', async () => {
    const report = { ...cremonaReport(), anomalies: [], counts: { error: 0, warning: 0, info: 0 }, ready: true };
    await showResults(fakeService({ checkAndApply: async () => checkOutcome({ report }) }));
    expect(screen.getByText(/Nessuna anomalia: tutte le righe del piano hanno superato i controlli/)).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'Errori' })).toBeNull();
  });
});

describe('errors', () => {
  test('a UserFacingError shows its Italian message and what to do', async () => {
    const service = fakeService({
      checkAndApply: async () => {
        throw new UserFacingError('Il foglio Unita è protetto.', 'Togliere la protezione del foglio (Revisione › Rimuovi protezione) e riprovare.', 'protected');
      },
    });
    renderPane(service);
    fireEvent.click(checkButton());
    expect(await screen.findByText('Il foglio Unita è protetto.')).toBeTruthy();
    expect(screen.getByText(/Togliere la protezione del foglio/)).toBeTruthy();
    expect((checkButton() as HTMLButtonElement).disabled).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Chiudi il messaggio' }));
    expect(screen.queryByText('Il foglio Unita è protetto.')).toBeNull();
  });

  test('any other failure gets a generic Italian message, never the technical one', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const service = fakeService({
      inspect: async () => workbookStatus({ hasResults: true }),
      removeResults: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'worksheets')");
      },
    });
    renderPane(service);
    const remove = screen.getByRole('button', { name: 'Rimuovi risultati' });
    await waitFor(() => expect((remove as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(remove);
    fireEvent.click(await screen.findByRole('button', { name: 'Rimuovi' }));
    expect(await screen.findByText('Si è verificato un errore inatteso.')).toBeTruthy();
    expect(screen.getByText(/Riprovare/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('Cannot read properties');
    spy.mockRestore();
  });

  test('a failure to select a cell is reported too', async () => {
    const service = await showResults(
      fakeService({
        selectCell: async () => {
          throw new UserFacingError('Il foglio Enti non esiste più.', 'Ripetere il controllo.');
        },
      }),
    );
    fireEvent.click(groupHeader('ENTE_G_DECLARED_MISMATCH'));
    fireEvent.click(screen.getByRole('button', { name: /^Enti!G27/ }));
    expect(await screen.findByText('Il foglio Enti non esiste più.')).toBeTruthy();
    expect(service.selectCell).toHaveBeenCalledTimes(1);
  });
});

describe('Crea fogli standard', () => {
  test('reports the sheets created and those that already existed', async () => {
    const service = fakeService({
      inspect: async () => workbookStatus({ standardPresent: ['Unita'], standardMissing: ['Ambito', 'Comuni', 'Enti', 'SAT', 'Assegnazioni'] }),
      createStandardSheets: async () => ({ created: ['Ambito', 'Comuni', 'Enti'], existing: ['Unita'] }),
    });
    renderPane(service);
    fireEvent.click(await screen.findByRole('button', { name: 'Crea fogli standard' }));
    expect(await screen.findByText('Fogli creati: «Ambito», «Comuni» ed «Enti».')).toBeTruthy();
    expect(screen.getByText("Già presente, lasciato com'era: «Unita».")).toBeTruthy();
    expect(service.createStandardSheets).toHaveBeenCalledWith({});
  });

  test('says when every sheet was already there', async () => {
    const existing = ['Ambito', 'Comuni', 'Enti', 'Unita', 'SAT', 'Assegnazioni'];
    // Another user added them while the pane was open: the pane still believed one was missing.
    renderPane(fakeService({ inspect: async () => workbookStatus({ standardMissing: ['SAT'] }), createStandardSheets: async () => ({ created: [], existing }) }));
    fireEvent.click(await screen.findByRole('button', { name: 'Crea fogli standard' }));
    expect(await screen.findByText('Nessun foglio creato: i fogli standard erano già tutti presenti.')).toBeTruthy();
    expect(screen.getByText("Già presenti, lasciati com'erano: «Ambito», «Comuni», «Enti», «Unita», «SAT» e «Assegnazioni».")).toBeTruthy();
  });

  test('passes the comuni chosen from the official list', async () => {
    const service = fakeService({ inspect: async () => workbookStatus({ standardMissing: ['Comuni'] }), createStandardSheets: async () => ({ created: ['Comuni'], existing: [] }) });
    renderPane(service);
    fireEvent.click(await screen.findByRole('checkbox', { name: "Aggiungi i comuni dell'ambito" }));
    const search = screen.getByRole('searchbox', { name: 'Cerca un comune' });
    fireEvent.change(search, { target: { value: 'crema' } });
    const found = screen.getByRole('list', { name: 'Comuni trovati' });
    // "Crema" itself comes first (the names that start with the text), then e.g. Cremosano.
    expect(within(found).getAllByRole('checkbox')[0]!.closest('li')!.textContent).toBe('Crema (CR)');
    fireEvent.click(within(found).getByRole('checkbox', { name: 'Crema (CR)' }));
    fireEvent.change(search, { target: { value: 'vaiano' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Vaiano Cremasco (CR)' }));
    expect(screen.getByText('Comuni scelti: 2')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Crea fogli standard' }));
    await screen.findByText('Foglio creato: «Comuni».');
    expect(screen.getByText('Nel foglio «Comuni» sono stati inseriti 2 comuni.')).toBeTruthy();
    const { comuni } = service.createStandardSheets.mock.calls[0]![0];
    const official = (nome: string) => comuniAttivi().find((c) => c.nome === nome);
    expect(comuni).toEqual([official('Crema'), official('Vaiano Cremasco')]);
  });
});

describe('Rimuovi risultati', () => {
  test('asks for confirmation, then removes and says what was removed', async () => {
    const service = fakeService({
      removeResults: async () => ({ removedSheets: ['Sezione g', 'Anomalie', 'Riepilogo'], removedMarks: 12, notices: [] }),
    });
    await showResults(service);
    fireEvent.click(screen.getByRole('button', { name: 'Rimuovi risultati' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rimuovere i risultati?' });
    expect(service.removeResults).not.toHaveBeenCalled();
    // `hidden: true` inside the dialog only: in jsdom, with the results' accordion on the page, Fluent's
    // focus manager (tabster) can leave aria-hidden on the dialog it has just opened — a test-environment
    // race (microsoft/fluentui#33897), the dialog itself was found accessible just above.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rimuovi', hidden: true }));
    expect(service.removeResults).toHaveBeenCalledTimes(1);
    expect(
      await screen.findByText('Risultati rimossi: eliminati i fogli «Sezione g», «Anomalie» e «Riepilogo»; tolte dai fogli del piano le evidenziazioni, le note e le colonne calcolate.'),
    ).toBeTruthy();
    // The results were about sheets and highlights that no longer exist.
    expect(screen.queryByText('Risultati del controllo')).toBeNull();
  });

  test('cancelling removes nothing', async () => {
    const service = fakeService({ inspect: async () => workbookStatus({ hasResults: true }) });
    renderPane(service);
    const button = screen.getByRole('button', { name: 'Rimuovi risultati' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Rimuovere i risultati?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annulla' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(service.removeResults).not.toHaveBeenCalled();
  });
});
