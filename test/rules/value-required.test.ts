import { ENTI, SAT, anomaliesOf, comuni, run, unita } from '../support/rules';

const CODE = 'VALUE_REQUIRED';
const sheets = (...u: Parameters<typeof unita>) => ({
  Comuni: comuni('Crema'),
  Enti: [ENTI, ['Comune di Crema', 'Comune'], ['ALER Brescia-Cremona-Mantova', 'ALER']],
  Unita: unita(...u),
});

describe('VALUE_REQUIRED', () => {
  test('a row without Stato: error at its Stato cell, and the row is not counted', () => {
    const result = run(sheets({ id: 1, ente: 'Comune di Crema', comune: 'Crema', stato: 'Libero' }, { id: 2, ente: 'Comune di Crema', comune: 'Crema' }));
    const found = anomaliesOf(result, CODE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ sheet: 'Unita', cell: 'E3', severity: 'error' });
    expect(found[0]!.message).toContain('«Stato» di questa riga è vuota');
    expect(result.report.totals.g).toBe(1);
  });

  test('a row without owner, and a municipal row without comune, point at their own cells', () => {
    const found = anomaliesOf(sheets({ id: 1, comune: 'Crema', stato: 'Libero' }, { id: 2, ente: 'Comune di Crema', stato: 'Libero' }), CODE);
    expect(found.map((a) => [a.cell, a.message])).toEqual([
      ['C2', 'La cella «Ente proprietario» di questa riga è vuota.'],
      ['D3', 'La cella «Comune» di questa riga è vuota.'],
    ]);
  });

  test('an ALER aggregate may leave the comune blank', () => {
    expect(anomaliesOf(sheets({ ente: 'ALER Brescia-Cremona-Mantova', stato: 'Turnover', n: 4 }), CODE)).toEqual([]);
  });

  test('a complete row is silent', () => {
    expect(anomaliesOf(sheets({ id: 1, ente: 'Comune di Crema', comune: 'Crema', stato: 'Libero' }), CODE)).toEqual([]);
  });

  test('a required count that holds something unreadable is not also called empty (its own anomaly says what is wrong)', () => {
    const result = run({
      Unita: unita({ id: 1, ente: 'Comune di Crema', comune: 'Crema', stato: 'Libero' }),
      SAT: [SAT, ['Comune di Crema', 'Crema', '2,5'], ['Comune di Crema', 'Crema', 'due'], ['Comune di Crema', 'Crema', -1], ['Comune di Crema', 'Crema', null]],
    });
    expect(anomaliesOf(result, CODE).map((a) => a.cell)).toEqual(['C5']);
    expect(result.anomalies.filter((a) => a.sheet === 'SAT' && a.severity === 'error').map((a) => [a.cell, a.rule])).toEqual([
      ['C2', 'VALUE_NOT_INTEGER'], ['C3', 'VALUE_NOT_NUMBER'], ['C4', 'VALUE_NEGATIVE'], ['C5', 'VALUE_REQUIRED'],
    ]);
  });
});
