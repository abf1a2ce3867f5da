import { UNITA, anomaliesOf, run } from '../support/rules';

const CODE = 'HEADER_AMBIGUOUS';

describe('HEADER_AMBIGUOUS', () => {
  test('two Stato columns: warning on the second, the first is used for section g', () => {
    const header = [...UNITA, 'STATO '];
    const row = [3155521, null, 'Comune di Crema', 'Crema', 'Libero', null, null, null, null, 'Assegnato'];
    const result = run({ Unita: [header, row] });
    const [a, ...rest] = anomaliesOf(result, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Unita', cell: 'J1', severity: 'warning', value: 'STATO' });
    expect(a!.message).toBe('Le colonne E («Stato») e J («STATO») possono entrambe contenere «Stato»: è stata usata la colonna E.');
    expect(result.report.totals.e).toBe(1);
  });

  test('the canonical headers are not ambiguous', () => {
    expect(anomaliesOf({ Unita: [UNITA, [3155521, null, 'Comune di Crema', 'Crema', 'Libero']] }, CODE)).toEqual([]);
  });
});
