import { anomaliesOf, run, unita } from '../support/rules';

const CODE = 'UNIT_STATE_NOT_ASSIGNABLE';
const unit = { ente: 'Comune di Crema', comune: 'Crema' };

describe('UNIT_STATE_NOT_ASSIGNABLE', () => {
  test('an assigned unit: warning at its Stato, excluded from section g', () => {
    const result = run({ Unita: unita({ ...unit, id: 1, stato: 'Libero' }, { ...unit, id: 2, stato: 'Assegnato' }) });
    const [a, ...rest] = anomaliesOf(result, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Unita', cell: 'E3', severity: 'warning', value: 'Assegnato' });
    expect(a!.message).toBe('Stato «Assegnato» (Comune di Crema): alloggio non assegnabile, escluso dalla sezione g.');
    expect(result.report.totals.g).toBe(1);
    expect(result.report.counts.error).toBe(0);
  });

  test('occupied and for-sale units are excluded too, grouped per owner and wording', () => {
    const result = run({ Unita: unita({ ...unit, id: 1, stato: 'Occupato' }, { ...unit, id: 2, stato: 'Occupato' }, { ...unit, id: 3, stato: 'In vendita' }) });
    const found = anomaliesOf(result, CODE);
    expect(found.map((a) => a.cell)).toEqual(['E2', 'E4']);
    expect(found[0]!.message).toContain('(su 2 righe)');
    expect(result.report.sectionG).toEqual([]);
  });

  test('assignable states are silent', () => {
    expect(anomaliesOf({ Unita: unita({ ...unit, id: 1, stato: 'Libero' }, { ...unit, stato: 'Turnover', n: 2 }) }, CODE)).toEqual([]);
  });
});

test('negated states ("Non disponibile", "Non libero", "Indisponibile") are not free units', () => {
  const result = run({
    Unita: unita(
      { ...unit, id: 1, stato: 'Disponibile' },
      { ...unit, id: 2, stato: 'Non disponibile' },
      { ...unit, id: 3, stato: 'Sfitto non libero' },
      { ...unit, id: 4, stato: 'INDISPONIBILE' },
    ),
  });
  expect(result.report.totals.e).toBe(1);
  expect(anomaliesOf(result, CODE).map((a) => a.cell)).toEqual(['E3', 'E4', 'E5']);
});
