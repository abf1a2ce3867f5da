/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The pane on a plan read from pasted section tables: said above the results, and «Crea fogli standard» fills the sheets from it.
 */
import '../support/dom';
import { fireEvent, screen } from '@testing-library/react';
import { check } from '../../src/core/engine';
import { App } from '../../src/taskpane/App';
import type { AddinService } from '../../src/taskpane/service';
import { renderWithoutCss } from '../support/render';
import { pastedPlanSnapshot } from '../support/pasted';
import { checkOutcome, fakeService, workbookStatus } from './fake-service';

const pasted = check(pastedPlanSnapshot('crema-2021', 'stacked'));
const missing = { standardPresent: ['Ambito'], standardMissing: ['Comuni', 'Enti', 'Unita', 'SAT', 'Assegnazioni'] };

function renderPane(service: AddinService) {
  return renderWithoutCss(<App service={service} theme="light" />);
}

test('the results say the plan was read from the pasted tables, which sections, and lead to «Crea fogli standard», which fills the sheets', async () => {
  const service = fakeService({
    inspect: async () => workbookStatus(missing),
    checkAndApply: async () => checkOutcome({ report: pasted.report, readiness: pasted.readiness }),
    createStandardSheets: async () => ({ created: missing.standardMissing, existing: ['Ambito'], filled: missing.standardMissing }),
  });
  renderPane(service);
  fireEvent.click(await screen.findByRole('button', { name: 'Controlla e calcola' }));
  const note = await screen.findByTestId('pasted-note');
  expect(note.textContent).toContain('Piano letto dalle tabelle incollate nel foglio «Piano incollato»');
  // Sections named by their content, never by a letter (Crema 2021 prints its table of totals as «f)»).
  expect(note.textContent).toContain('(consistenza del patrimonio, carenza manutentiva, ristrutturazione e recupero, libere e turnover, totali per ente e comune, Forze di Polizia e Vigili del Fuoco, categorie aggiuntive, servizi abitativi transitori, assegnate l\'anno precedente; vuote: conferite da privati, soglia indigenti)');
  const fill = screen.getByRole('checkbox', { name: /Riempili con i dati delle tabelle incollate \(«Piano incollato»\)/ });
  expect((fill as HTMLInputElement).checked).toBe(true);
  fireEvent.click(screen.getByRole('button', { name: 'Vai a «Crea fogli standard»' }));
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Crea fogli standard' }));
  fireEvent.click(screen.getByRole('button', { name: 'Crea fogli standard' }));
  expect(await screen.findByText(/Riempiti con i dati delle tabelle incollate: «Comuni», «Enti», «Unita», «SAT» e «Assegnazioni»\./)).toBeTruthy();
  expect(service.createStandardSheets).toHaveBeenCalledWith({ fromPaste: true });
});

test('unticked, the sheets are created empty as always', async () => {
  const service = fakeService({
    inspect: async () => workbookStatus(missing),
    checkAndApply: async () => checkOutcome({ report: pasted.report, readiness: pasted.readiness }),
    createStandardSheets: async () => ({ created: missing.standardMissing, existing: ['Ambito'] }),
  });
  renderPane(service);
  fireEvent.click(await screen.findByRole('button', { name: 'Controlla e calcola' }));
  fireEvent.click(await screen.findByRole('checkbox', { name: /Riempili con i dati delle tabelle incollate/ }));
  fireEvent.click(screen.getByRole('button', { name: 'Crea fogli standard' }));
  await screen.findByText(/Fogli creati/);
  expect(service.createStandardSheets).toHaveBeenCalledWith({});
});
