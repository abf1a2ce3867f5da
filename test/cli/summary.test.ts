/** The summary the command line prints: its Italian, line by line. */
import { summaryText, whereOf } from '../../src/cli/summary';
import { comuni, run, unita } from '../support/rules';

const plan = (...units: Parameters<typeof unita>) => run({ Ambito: [['Ambito territoriale', 'Cremasco'], ['Anno di riferimento', 2024]], Comuni: comuni('Crema'), Unita: unita(...units) });
const libero = { ente: 'Comune di Crema', comune: 'Crema', stato: 'Libero' };

test('section g: its rows per ente and comune, in the singular too', () => {
  const { report, readiness } = plan({ ...libero, id: 1 }, { ...libero, id: 2 });
  expect(summaryText(report, 'piano.xlsx', readiness)).toContain('Sezione g: 2 unità SAP assegnabili (b 0 · c 0 · d 0 · e 2 · f 0), di cui SAT 0; 1 riga per ente e comune\n');
});

test('errors beyond those listed: "e un altro" for one, "e altri N" for more, and where to find them', () => {
  const { report, readiness } = plan({ ...libero, id: 'x1' }, { ...libero, id: 'x2' }, { ...libero, id: 'x3' });
  expect(report.counts.error).toBe(3);
  expect(summaryText(report, 'piano.xlsx', readiness, 2)).toContain("\n  … e un altro (vedere il foglio «Anomalie» della copia annotata o il report JSON)\n");
  expect(summaryText(report, 'piano.xlsx', readiness, 1)).toContain("\n  … e altri 2 (vedere il foglio «Anomalie» della copia annotata o il report JSON)\n");
});

test('where: a whole sheet is named in quotes; cells beyond three are counted', () => {
  expect(whereOf({ sheet: 'Comuni' })).toBe('foglio «Comuni»');
  expect(whereOf({ sheet: 'Unita', cell: 'E3', cells: ['E3', 'E4', 'E5', 'E6'] })).toBe("Unita!E3, E4, E5 e un'altra cella");
  expect(whereOf({ sheet: 'Unita', cell: 'E3', cells: ['E3', 'E4', 'E5', 'E6', 'E7'] })).toBe('Unita!E3, E4, E5 e altre 2 celle');
});
