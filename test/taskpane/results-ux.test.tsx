/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The results as a user notices them: each group says its severity in words and its count is read
 * out; the severity counts are buttons that show their anomalies; an anomaly with a cell looks like
 * the way to it; and while another action runs nothing in «Preparare i fogli del piano» can be changed.
 * (The looks themselves, hover and focus, are checked in the browser: test/e2e/results-ux.e2e.ts.)
 */
import '../support/dom';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import type { ReportAnomaly } from '../../src/core/report';
import { ruleByCode } from '../../src/core/rules';
import { masculinePluralArticle, showSeverityLabel } from '../../src/taskpane/anomalies';
import { CreateSheetsSection } from '../../src/taskpane/components/CreateSheetsSection';
import { ResultsView } from '../../src/taskpane/components/ResultsView';
import { renderWithoutCss } from '../support/render';
import { checkOutcome, cremonaReport } from './fake-service';

const G27: ReportAnomaly = {
  rule: 'ENTE_G_DECLARED_MISMATCH',
  severity: 'error',
  sheet: 'Enti',
  cell: 'G27',
  cells: ['G27'],
  value: '2',
  message: 'Pozzaglio ed Uniti dichiara 2 unità assegnabili, ma dalle righe del foglio «Unita» ne risultano 3.',
};

function outcomeWith(anomalies: ReportAnomaly[]) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const a of anomalies) counts[a.severity]++;
  return checkOutcome({ report: { ...cremonaReport(), anomalies, counts, ready: false } });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const title = (code: string) => escape(ruleByCode(code)!.title);
const groupHeader = (code: string) => screen.getByRole('button', { name: new RegExp(`^${title(code)}`) });
/** A group's header by the whole of its name: the title, a pause, the counts in words. */
const headerNamed = (code: string, counts: string) => screen.getByRole('button', { name: new RegExp(`^${title(code)}\\s*, ${counts}$`) });

describe('each group of anomalies says its severity in words, and its count is read out', () => {
  test('Cremona 2023: «1 errore», «14 avvisi», «35 informazioni» in the header, none of it hidden from screen readers', () => {
    renderWithoutCss(<ResultsView outcome={checkOutcome()} onSelect={() => undefined} />);
    const bySeverity = new Map<string, { severity: string; n: number }>();
    for (const a of cremonaReport().anomalies) {
      const g = bySeverity.get(a.rule) ?? { severity: a.severity, n: 0 };
      g.n++;
      bySeverity.set(a.rule, g);
    }
    const words = { error: ['errore', 'errori'], warning: ['avviso', 'avvisi'], info: ['informazione', 'informazioni'] } as const;
    for (const [code, { severity, n }] of bySeverity) {
      const said = `${n} ${words[severity as keyof typeof words][n === 1 ? 0 : 1]}`;
      // The accessible name, as a screen reader says the header: the title, a pause, the count in words.
      expect(headerNamed(code, said)).toBeTruthy();
      // Only the icons are hidden; no number is.
      const hidden = [...groupHeader(code).querySelectorAll('[aria-hidden="true"]')];
      expect(hidden.length).toBeGreaterThan(0);
      expect(hidden.filter((e) => /\d/.test(e.textContent ?? ''))).toEqual([]);
    }
    expect(headerNamed('ENTE_G_DECLARED_MISMATCH', '1 errore')).toBeTruthy();
  });

  test('a rule reported at two severities says both', () => {
    const warning: ReportAnomaly = { ...G27, severity: 'warning', cell: 'G28', cells: ['G28'] };
    renderWithoutCss(<ResultsView outcome={outcomeWith([G27, warning, { ...warning, cell: 'G29', cells: ['G29'] }])} />);
    expect(headerNamed('ENTE_G_DECLARED_MISMATCH', '1 errore\\s*, 2 avvisi')).toBeTruthy();
  });
});

describe('the severity counts show their anomalies', () => {
  const tab = (name: RegExp) => screen.getByRole('tab', { name });

  test('each count is a button that says what it does; a count of zero is text', () => {
    renderWithoutCss(<ResultsView outcome={outcomeWith([G27, { ...G27, cell: 'G28', cells: ['G28'] }, { ...G27, severity: 'info', cell: 'G29', cells: ['G29'] }])} />);
    const badges = screen.getByRole('list', { name: 'Anomalie per gravità' });
    expect(within(badges).getAllByRole('button').map((b) => [b.tagName, b.getAttribute('aria-label'), b.textContent])).toEqual([
      ['BUTTON', 'Mostra i 2 errori', '2 errori'],
      ['BUTTON', 'Mostra 1 informazione', '1 informazione'],
    ]);
    // Nothing to show: said, not offered.
    expect(within(badges).getByText('0 avvisi').closest('button')).toBeNull();
  });

  test('«3 errori»: the Errori tab, the list in view and the focus on the tab; a search left over is cleared', () => {
    const scrolled: Element[] = [];
    const spy = jest.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push(this);
    });
    try {
      const errors = [G27, { ...G27, cell: 'G28', cells: ['G28'] }, { ...G27, cell: 'G29', cells: ['G29'] }];
      const report = cremonaReport();
      renderWithoutCss(<ResultsView outcome={outcomeWith([...errors, ...report.anomalies.filter((a) => a.severity !== 'error')])} />);
      fireEvent.change(screen.getByRole('searchbox', { name: 'Cerca nelle anomalie' }), { target: { value: 'G28' } });
      expect(screen.getByText(/^1 anomalia mostrata su/)).toBeTruthy();
      scrolled.length = 0;

      fireEvent.click(screen.getByRole('button', { name: 'Mostra i 3 errori' }));
      expect(tab(/^Errori/).getAttribute('aria-selected')).toBe('true');
      expect(tab(/^Tutte/).getAttribute('aria-selected')).toBe('false');
      expect(document.activeElement).toBe(tab(/^Errori/));
      expect((screen.getByRole('searchbox', { name: 'Cerca nelle anomalie' }) as HTMLInputElement).value).toBe('');
      expect(screen.getByText(/^3 anomalie mostrate su/)).toBeTruthy();
      // The list, from its heading, is what was brought into view.
      expect(scrolled.some((e) => e.contains(screen.getByRole('heading', { name: 'Anomalie per regola' })))).toBe(true);
      expect(groupHeader('ENTE_G_DECLARED_MISMATCH')).toBeTruthy();
      expect(screen.queryByRole('button', { name: /^Ente ricavato da/ })).toBeNull();

      // Another badge, another tab; the tabs still work on their own.
      fireEvent.click(screen.getByRole('button', { name: /^Mostra le \d+ informazioni$/ }));
      expect(tab(/^Informazioni/).getAttribute('aria-selected')).toBe('true');
      expect(screen.queryByRole('button', { name: /^Totale g diverso/ })).toBeNull();
      fireEvent.click(tab(/^Tutte/));
      expect(groupHeader('ENTE_G_DECLARED_MISMATCH')).toBeTruthy();
    } finally {
      spy.mockRestore();
    }
  });

  test('a plan without anomalies: three counts of zero, nothing to click', () => {
    renderWithoutCss(<ResultsView outcome={outcomeWith([])} />);
    const badges = screen.getByRole('list', { name: 'Anomalie per gravità' });
    expect(within(badges).queryAllByRole('button')).toEqual([]);
    expect(badges.textContent).toBe('0 errori0 avvisi0 informazioni');
  });

  test('the words of the buttons: the article as the number is spoken', () => {
    expect([1, 2, 3, 8, 11, 18, 56, 80, 88, 100, 800, 1000, 1200, 8000, 11000, 1_000_000].map((n) => `${n}:${masculinePluralArticle(n)}`)).toEqual([
      '1:i', '2:i', '3:i', '8:gli', '11:gli', '18:i', '56:i', '80:gli', '88:gli', '100:i', '800:gli', '1000:i', '1200:i', '8000:gli', '11000:gli', '1000000:gli',
    ]);
    expect(showSeverityLabel('error', 3)).toBe('Mostra i 3 errori');
    expect(showSeverityLabel('warning', 8)).toBe('Mostra gli 8 avvisi');
    expect(showSeverityLabel('warning', 1)).toBe('Mostra 1 avviso');
    expect(showSeverityLabel('info', 1200)).toBe('Mostra le 1.200 informazioni');
  });
});

describe('an anomaly with a cell looks like the way to it', () => {
  test('in Excel: a button with the cell reference as a link, «Vai alla cella» on hover, Enter or a click selects it', () => {
    const onSelect = jest.fn();
    renderWithoutCss(<ResultsView outcome={outcomeWith([G27])} onSelect={onSelect} />);
    fireEvent.click(groupHeader('ENTE_G_DECLARED_MISMATCH'));
    const item = screen.getByRole('button', { name: /^Enti!G27/ });
    expect(item.tagName).toBe('BUTTON');
    expect(item.getAttribute('title')).toBe('Vai alla cella Enti!G27');
    const link = item.querySelector('.piano-cell-link')!;
    expect(link.textContent).toBe('Enti!G27');
    // Its icon is decoration: the reference is what is read.
    expect(link.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
    // The severity in words beside it.
    expect(item.textContent).toMatch(/^Enti!G27Errore/);
    fireEvent.click(item);
    expect(onSelect).toHaveBeenCalledWith(G27, 'G27');
  });

  test('in file mode (no workbook to select in): plain text, no link', () => {
    renderWithoutCss(<ResultsView outcome={outcomeWith([G27])} mode="file" />);
    fireEvent.click(groupHeader('ENTE_G_DECLARED_MISMATCH'));
    expect(screen.getByText('Enti!G27').closest('button')).toBeNull();
    expect(document.querySelector('.piano-cell-link')).toBeNull();
  });

  test('an anomaly about a whole sheet is no link either', () => {
    const sheet: ReportAnomaly = { rule: 'ENTE_G_DECLARED_MISMATCH', severity: 'error', sheet: 'Enti', value: '', message: 'Il foglio «Enti» non ha righe.' };
    renderWithoutCss(<ResultsView outcome={outcomeWith([sheet])} onSelect={() => undefined} />);
    fireEvent.click(groupHeader('ENTE_G_DECLARED_MISMATCH'));
    expect(screen.getByText('Foglio «Enti»').closest('button')).toBeNull();
    expect(document.querySelector('.piano-cell-link')).toBeNull();
  });
});

describe('«Preparare i fogli del piano» while another action runs', () => {
  /** The section as the pane holds it: the same instance while «disabled» comes and goes. */
  let setDisabled: (d: boolean) => void = () => undefined;
  function Pane({ initial, onCreate }: { initial: boolean; onCreate: (c: unknown[]) => void }) {
    const [disabled, set] = useState(initial);
    setDisabled = set;
    return <CreateSheetsSection disabled={disabled} creating={false} result={null} onCreate={onCreate} />;
  }
  const section = (disabled: boolean, onCreate = jest.fn()) => <Pane initial={disabled} onCreate={onCreate} />;

  test('everything that can be changed is disabled, and comes back after', () => {
    const onCreate = jest.fn();
    renderWithoutCss(section(false, onCreate));
    fireEvent.click(screen.getByRole('checkbox', { name: "Aggiungi i comuni dell'ambito" }));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Cerca un comune' }), { target: { value: 'crema' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Crema (CR)' }));
    expect(screen.getByText('Comuni scelti: 1')).toBeTruthy();

    // A check starts (the pane passes disabled while any action runs).
    act(() => setDisabled(true));
    const interactive = [
      screen.getByRole('checkbox', { name: "Aggiungi i comuni dell'ambito" }),
      screen.getByRole('searchbox', { name: 'Cerca un comune' }),
      ...within(screen.getByRole('list', { name: 'Comuni trovati' })).getAllByRole('checkbox'),
      screen.getByRole('button', { name: 'Togli tutti' }),
      screen.getByRole('button', { name: /Togli Crema/ }),
      screen.getByRole('button', { name: 'Crea fogli standard' }),
    ];
    for (const e of interactive) expect([e.getAttribute('aria-label') ?? e.textContent, (e as HTMLInputElement).disabled]).toEqual([e.getAttribute('aria-label') ?? e.textContent, true]);
    // And clicking the buttons changes nothing (a disabled input takes no click in a browser; jsdom would toggle it).
    fireEvent.click(screen.getByRole('button', { name: /Togli Crema/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Togli tutti' }));
    fireEvent.click(screen.getByRole('button', { name: 'Crea fogli standard' }));
    expect(screen.getByText('Comuni scelti: 1')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: "Aggiungi i comuni dell'ambito" }) as HTMLInputElement).checked).toBe(true);
    expect(onCreate).not.toHaveBeenCalled();

    // The action ends: all of it works again, with the choices kept.
    act(() => setDisabled(false));
    for (const e of interactive) expect((e as HTMLInputElement).disabled).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Crea fogli standard' }));
    expect(onCreate).toHaveBeenCalledWith([expect.objectContaining({ nome: 'Crema' })], false);
  });

  test('the checkbox alone, before any comune is chosen, is disabled too', () => {
    renderWithoutCss(section(true));
    expect((screen.getByRole('checkbox', { name: "Aggiungi i comuni dell'ambito" }) as HTMLInputElement).disabled).toBe(true);
  });
});
