import { ENTI, anomaliesOf, run, unita } from '../support/rules';

const CODE = 'VALUE_NOT_INTEGER';
const row = { ente: 'Comune di Crema', comune: 'Crema', stato: 'Turnover' };

describe('VALUE_NOT_INTEGER', () => {
  test('2,5 units: error at the count, the row is not counted', () => {
    const result = run({ Unita: unita({ ...row, n: '2,5' }, { ...row, n: 3 }) });
    const [a, ...rest] = anomaliesOf(result, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Unita', cell: 'G2', severity: 'error', value: '2,5' });
    expect(a!.message).toContain('«Numero unità» è un numero di unità');
    expect(result.report.totals.g).toBe(3);
  });

  test('decimals in an owner count (Unità SAP)', () => {
    const [a] = anomaliesOf({ Unita: unita(), Enti: [ENTI, ['Comune di Crema', 'Comune', 10, 9.5]] }, CODE);
    expect(a).toMatchObject({ sheet: 'Enti', cell: 'D2' });
  });

  test('whole numbers, and decimals in euros, are fine', () => {
    const result = run({ Unita: unita({ ...row, n: 3 }, { id: 1, ente: 'Comune di Crema', comune: 'Crema', stato: 'Carenza manutentiva', costo: 4500.5 }) });
    expect(anomaliesOf(result, CODE)).toEqual([]);
    expect(result.report.totals).toMatchObject({ b: 1, e: 3, g: 4 });
  });
});
