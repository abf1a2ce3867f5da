/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The results as the user reads them: stepping through the cells of an anomaly that stands for many
 * (in Excel and in file mode), the verdict by what was checked (a plan or one owner's list), and a
 * workbook that holds no plan at all.
 */
import '../support/dom';
import { fireEvent, screen, within } from '@testing-library/react';
import type { ReportAnomaly } from '../../src/core/report';
import { ruleByCode } from '../../src/core/rules';
import type { Readiness } from '../../src/core/scope';
import { App } from '../../src/taskpane/App';
import { ResultsView } from '../../src/taskpane/components/ResultsView';
import { UserFacingError } from '../../src/taskpane/service';
import type { AddinService } from '../../src/taskpane/service';
import { renderWithoutCss } from '../support/render';
import { checkOutcome, cremonaReport, fakeService, workbookStatus } from './fake-service';

const checkButton = () => screen.getByRole('button', { name: 'Controlla e calcola' });

async function showResults(service: AddinService) {
  renderWithoutCss(<App service={service} theme="light" />);
  fireEvent.click(checkButton());
  await screen.findByRole('heading', { name: 'Risultati del controllo' });
}

function openGroup(code: string) {
  fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${ruleByCode(code)!.title}`) }));
}

/** One misspelled comune on five rows: one anomaly, five cells. */
const VAIANO: ReportAnomaly = {
  rule: 'COMUNE_NAME_VARIANT',
  severity: 'warning',
  sheet: 'Unita',
  cell: 'D5',
  cells: ['D5', 'D9', 'D12', 'D40', 'D41'],
  value: 'Vaiano',
  message: '«Vaiano» è stato riconosciuto come «Vaiano Cremasco».',
  suggestion: 'Scrivere Vaiano Cremasco',
};

const G27: ReportAnomaly = {
  rule: 'ENTE_G_DECLARED_MISMATCH',
  severity: 'error',
  sheet: 'Enti',
  cell: 'G27',
  cells: ['G27'],
  value: '2',
  message: 'Pozzaglio ed Uniti dichiara 2 unità assegnabili, ma dalle righe del foglio «Unita» ne risultano 3.',
};

function outcomeWith(anomalies: ReportAnomaly[], readiness?: Readiness) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const a of anomalies) counts[a.severity]++;
  const report = { ...cremonaReport(), anomalies, counts, ready: false };
  return checkOutcome({ report, ...(readiness ? { readiness } : {}) });
}

const prev = () => screen.getByRole('button', { name: 'Cella precedente' });
const next = () => screen.getByRole('button', { name: 'Cella successiva' });
const position = () => within(screen.getByRole('group', { name: 'Celle di questa anomalia' })).getByText(/^\d[\d.]* di \d[\d.]*$/).textContent;

describe('an anomaly on several cells, in Excel', () => {
  test('Successivo and Precedente step through its cells, select each in the workbook, and stop at the ends', async () => {
    const service = fakeService({ checkAndApply: async () => outcomeWith([VAIANO, G27]) });
    await showResults(service);
    openGroup('COMUNE_NAME_VARIANT');

    expect(position()).toBe('1 di 5');
    expect(screen.getByRole('button', { name: /^Unita!D5/ })).toBeTruthy();
    // At the first cell there is no previous one: the button says so and does nothing (still focusable).
    expect(prev().getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(prev());
    expect(service.selectCell).not.toHaveBeenCalled();

    fireEvent.click(next());
    expect(position()).toBe('2 di 5');
    expect(service.selectCell).toHaveBeenLastCalledWith('Unita', 'D9');
    // The place shown follows the current cell, and choosing the item selects that cell.
    const item = screen.getByRole('button', { name: /^Unita!D9/ });
    expect(item.getAttribute('title')).toBe('Vai alla cella Unita!D9');
    fireEvent.click(item);
    expect(service.selectCell).toHaveBeenLastCalledWith('Unita', 'D9');

    fireEvent.click(next());
    fireEvent.click(next());
    fireEvent.click(next());
    expect(position()).toBe('5 di 5');
    expect(service.selectCell).toHaveBeenLastCalledWith('Unita', 'D41');
    expect(next().getAttribute('aria-disabled')).toBe('true');
    const calls = service.selectCell.mock.calls.length;
    fireEvent.click(next());
    expect(position()).toBe('5 di 5');
    expect(service.selectCell).toHaveBeenCalledTimes(calls);

    fireEvent.click(prev());
    expect(position()).toBe('4 di 5');
    expect(service.selectCell).toHaveBeenLastCalledWith('Unita', 'D40');
    expect(screen.getByRole('button', { name: /^Unita!D40/ })).toBeTruthy();
  });

  test('the position is a polite live region that names the cell for a screen reader', async () => {
    await showResults(fakeService({ checkAndApply: async () => outcomeWith([VAIANO]) }));
    openGroup('COMUNE_NAME_VARIANT');
    fireEvent.click(next());
    const live = screen.getByText('2 di 5').closest('[aria-live]')!;
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('2 di 5: Unita!D9');
  });

  test('counts are in Italian (thousands with a dot)', async () => {
    const cells = Array.from({ length: 3000 }, (_, i) => `D${i + 2}`);
    await showResults(fakeService({ checkAndApply: async () => outcomeWith([{ ...VAIANO, cell: 'D2', cells }]) }));
    openGroup('COMUNE_NAME_VARIANT');
    expect(position()).toBe('1 di 3.000');
  });

  test('an anomaly on one cell has no navigator', async () => {
    await showResults(fakeService({ checkAndApply: async () => outcomeWith([G27]) }));
    openGroup('ENTE_G_DECLARED_MISMATCH');
    expect(screen.getByRole('button', { name: /^Enti!G27/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cella successiva' })).toBeNull();
    expect(screen.queryByText(/\d di \d/)).toBeNull();
  });

  test('a failure to select the next cell is reported', async () => {
    const service = fakeService({
      checkAndApply: async () => outcomeWith([VAIANO]),
      selectCell: async () => {
        throw new UserFacingError('Il foglio «Unita» non esiste più.', 'Eseguire di nuovo «Controlla e calcola».');
      },
    });
    await showResults(service);
    openGroup('COMUNE_NAME_VARIANT');
    fireEvent.click(next());
    expect(await screen.findByText('Il foglio «Unita» non esiste più.')).toBeTruthy();
  });
});

describe('an anomaly on several cells, in file mode (no workbook to select in)', () => {
  test('the navigator steps and shows the current cell; nothing claims to select it', () => {
    renderWithoutCss(<ResultsView outcome={outcomeWith([VAIANO])} />);
    openGroup('COMUNE_NAME_VARIANT');
    expect(screen.getByText('Unita!D5')).toBeTruthy();
    fireEvent.click(next());
    fireEvent.click(next());
    expect(position()).toBe('3 di 5');
    expect(screen.getByText('Unita!D12')).toBeTruthy();
    // The item is text, not a "go to the cell" button.
    expect(screen.queryByRole('button', { name: /^Unita!/ })).toBeNull();
    expect(document.querySelector('[title^="Vai alla cella"]')).toBeNull();
  });
});

describe('the verdict, by what was checked', () => {
  const verdict = () => screen.getByTestId('verdict');

  test("one owner's list without errors: the list's verdict, never the Assemblea's", async () => {
    const readiness: Readiness = { scope: 'ente', ready: false, missing: [], owners: ['ALER Brescia-Cremona-Mantova'] };
    await showResults(fakeService({ checkAndApply: async () => outcomeWith([], readiness) }));
    expect(within(verdict()).getByText('Elenco delle unità – ALER Brescia-Cremona-Mantova: nessun errore')).toBeTruthy();
    expect(verdict().textContent).toMatch(/un solo ente, non un piano d'ambito/);
    expect(document.body.textContent).not.toMatch(/Pronto per l'Assemblea/);
    expect(verdict().querySelector('[aria-hidden="true"]')!.textContent).toBe('✓ ');
    expect(screen.getByText(/tutte le righe dell'elenco hanno superato i controlli/)).toBeTruthy();
  });

  test("one owner's list with errors: how many, and still not the Assemblea's verdict", async () => {
    const readiness: Readiness = { scope: 'ente', ready: false, missing: [], owners: ['ALER Brescia-Cremona-Mantova', 'Comune di Crema'] };
    const errors = [G27, { ...G27, cell: 'G28', cells: ['G28'] }, { ...G27, cell: 'G29', cells: ['G29'] }];
    await showResults(fakeService({ checkAndApply: async () => outcomeWith(errors, readiness) }));
    expect(within(verdict()).getByText('Elenco delle unità – ALER Brescia-Cremona-Mantova e Comune di Crema: 3 errori')).toBeTruthy();
    expect(verdict().querySelector('[aria-hidden="true"]')!.textContent).toBe('✗ ');
    expect(document.body.textContent).not.toMatch(/Pronto per l'Assemblea/);
  });

  test('a plan not ready: the errors to correct and each thing missing, capitalised', async () => {
    const readiness: Readiness = {
      scope: 'ambito',
      ready: false,
      missing: ["manca il foglio Assegnazioni (unità assegnate l'anno precedente, sezione k)", 'il foglio «Comuni» non ha righe (i comuni dell\'ambito)'],
      owners: [],
    };
    await showResults(fakeService({ checkAndApply: async () => outcomeWith([G27, { ...G27, cell: 'G28', cells: ['G28'] }], readiness) }));
    expect(within(verdict()).getByText("Pronto per l'Assemblea: no")).toBeTruthy();
    const reasons = within(verdict()).getByRole('list', { name: "Che cosa manca per l'Assemblea" });
    expect(within(reasons).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '2 errori da correggere.',
      "Manca il foglio Assegnazioni (unità assegnate l'anno precedente, sezione k).",
      "Il foglio «Comuni» non ha righe (i comuni dell'ambito).",
    ]);
  });

  test('a plan without errors but with a sheet missing is not ready', async () => {
    const readiness: Readiness = { scope: 'ambito', ready: false, missing: ["manca il foglio Assegnazioni (unità assegnate l'anno precedente, sezione k)"], owners: [] };
    await showResults(fakeService({ checkAndApply: async () => outcomeWith([], readiness) }));
    expect(within(verdict()).getByText("Pronto per l'Assemblea: no")).toBeTruthy();
    expect(within(verdict()).getByText("Manca il foglio Assegnazioni (unità assegnate l'anno precedente, sezione k).")).toBeTruthy();
  });

  test('a ready plan: sì, nothing to correct', async () => {
    const readiness: Readiness = { scope: 'ambito', ready: true, missing: [], owners: [] };
    const report = { ...cremonaReport(), anomalies: [], counts: { error: 0, warning: 0, info: 0 }, ready: true };
    await showResults(fakeService({ checkAndApply: async () => checkOutcome({ report, readiness }) }));
    expect(within(verdict()).getByText("Pronto per l'Assemblea: sì")).toBeTruthy();
    expect(within(verdict()).getByText('Nessun errore da correggere.')).toBeTruthy();
    expect(verdict().querySelector('[aria-hidden="true"]')!.textContent).toBe('✓ ');
  });
});

describe('a workbook that is no plan', () => {
  const message =
    "Questo file non contiene un piano da controllare: nessun foglio ha l'elenco delle unità abitative. Piano Offerta cerca un foglio chiamato «Unita» (o «Unità»), oppure un foglio con le colonne «ID unità». Fogli presenti: «Contatti».";
  const action = "Aprire la cartella del piano, oppure usare «Crea fogli standard» e incollare l'elenco delle unità nel foglio Unita.";

  test('the message and what to do, no results, and a way to «Crea fogli standard»', async () => {
    const service = fakeService({
      // Only «Contatti»: no standard sheet.
      inspect: async () => workbookStatus({ standardPresent: [], standardMissing: ['Ambito', 'Comuni', 'Enti', 'Unita', 'SAT', 'Assegnazioni'] }),
      checkAndApply: async () => {
        throw new UserFacingError(message, action, 'not-a-plan');
      },
    });
    renderWithoutCss(<App service={service} theme="light" />);
    fireEvent.click(checkButton());
    // The first sentence stands out; what was looked for and found, and what to do, follow.
    const title = await screen.findByText("Questo file non contiene un piano da controllare: nessun foglio ha l'elenco delle unità abitative.");
    const bar = title.closest('.fui-MessageBar')!;
    expect(bar.textContent).toContain(`${message} ${action}`);
    expect(screen.queryByRole('heading', { name: 'Risultati del controllo' })).toBeNull();
    expect(screen.queryByText('Sezione g')).toBeNull();
    expect(screen.queryByTestId('verdict')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Vai a «Crea fogli standard»' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Crea fogli standard' }));
    expect(service.createStandardSheets).not.toHaveBeenCalled();
  });

  test('any other error offers no such way', async () => {
    const service = fakeService({
      checkAndApply: async () => {
        throw new UserFacingError('Il foglio Unita è protetto.', 'Togliere la protezione e riprovare.', 'protected');
      },
    });
    renderWithoutCss(<App service={service} theme="light" />);
    fireEvent.click(checkButton());
    await screen.findByText('Il foglio Unita è protetto.');
    expect(screen.queryByRole('button', { name: 'Vai a «Crea fogli standard»' })).toBeNull();
  });
});

describe('a rule with more anomalies than one page of the group', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i): ReportAnomaly => ({ ...G27, cell: `G${i + 2}`, cells: [`G${i + 2}`] }));

  test('the button says how many more, and the last one in the singular', async () => {
    await showResults(fakeService({ checkAndApply: async () => outcomeWith(many(52)) }));
    openGroup('ENTE_G_DECLARED_MISMATCH');
    expect(screen.getByRole('button', { name: 'Mostra altre 2 (ne restano 2)' })).toBeTruthy();
  });

  test("one left: «Mostra l'ultima», then none", async () => {
    await showResults(fakeService({ checkAndApply: async () => outcomeWith(many(51)) }));
    openGroup('ENTE_G_DECLARED_MISMATCH');
    fireEvent.click(screen.getByRole('button', { name: "Mostra l'ultima" }));
    expect(screen.queryByRole('button', { name: /^Mostra (altre|l'ultima)/ })).toBeNull();
    expect(screen.getByRole('button', { name: /^Enti!G52/ })).toBeTruthy();
  });
});
