import { ENTI, anomaliesOf, run, unita } from '../support/rules';

const CODE = 'VALUE_AMBIGUOUS_NUMBER';

describe('VALUE_AMBIGUOUS_NUMBER', () => {
  test('"1.028" in Totale unità is read as 1028, with a warning at the cell', () => {
    const [a, ...rest] = anomaliesOf({ Unita: unita(), Enti: [ENTI, ['Comune di Cremona', 'Comune', '1.028', 1000, 28, 0]] }, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Enti', cell: 'C2', severity: 'warning', value: '1.028' });
    expect(a!.message).toContain('«1.028» in «Totale unità» è stato interpretato come 1028');
  });

  test('1.006 that Excel stored as a decimal in a count is read as 1006', () => {
    const result = run({ Unita: unita({ ente: 'ALER Brescia-Cremona-Mantova', comune: 'Cremona', stato: 'Turnover', n: 1.006 }) });
    const [a] = anomaliesOf(result, CODE);
    expect(a).toMatchObject({ sheet: 'Unita', cell: 'G2' });
    expect(result.report.totals.e).toBe(1006);
  });

  test('thousands dots in euros and plain whole numbers are not ambiguous', () => {
    const result = run({
      Unita: unita({ id: 1, ente: 'Comune di Crema', comune: 'Crema', stato: 'Carenza manutentiva', costo: '7.500' }),
      Enti: [ENTI, ['Comune di Crema', 'Comune', 1028, 1000, 28, 0]],
    });
    expect(anomaliesOf(result, CODE)).toEqual([]);
    expect(anomaliesOf(result, 'UNIT_WORKS_OVER_LIMIT')).toEqual([]);
  });
});
