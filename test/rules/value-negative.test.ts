import { COMUNI, anomaliesOf, run, unita } from '../support/rules';

const CODE = 'VALUE_NEGATIVE';
const row = { ente: 'Comune di Crema', comune: 'Crema', stato: 'Turnover' };

describe('VALUE_NEGATIVE', () => {
  test('-2 units: error at the count, and the row does not reduce section g', () => {
    const result = run({ Unita: unita({ ...row, n: -2 }, { ...row, n: 3 }) });
    const [a, ...rest] = anomaliesOf(result, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Unita', cell: 'G2', severity: 'error', value: '-2' });
    expect(a!.message).toContain('«Numero unità» è negativo: -2');
    expect(result.report.totals.g).toBe(3);
  });

  test('a negative percentage in Comuni', () => {
    const [a] = anomaliesOf({ Unita: unita(), Comuni: [COMUNI, ['Crema', '019035', null, null, null, '-5%']] }, CODE);
    expect(a).toMatchObject({ sheet: 'Comuni', cell: 'F2', value: '-5%' });
    expect(a!.message).toContain('% Forze di Polizia e VVF');
  });

  test('zero is not negative', () => {
    expect(anomaliesOf({ Unita: unita({ ...row, n: 0 }), Comuni: [COMUNI, ['Crema', '019035', 0, null, null, 0]] }, CODE)).toEqual([]);
  });
});
