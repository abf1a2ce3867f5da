import { anomaliesOf, unita } from '../support/rules';

const CODE = 'UNIT_ID_WITH_COUNT';
const unit = { ente: 'Comune di Crema', comune: 'Crema', stato: 'Libero' };

describe('UNIT_ID_WITH_COUNT', () => {
  test('an ID on a row of 3 units: error at Numero unità', () => {
    const [a, ...rest] = anomaliesOf({ Unita: unita({ ...unit, id: 3155521, n: 3 }) }, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Unita', cell: 'G2', severity: 'error', value: '3' });
    expect(a!.message).toBe('La riga ha il Codice ID 3155521, ma conta 3 unità: un codice identifica un solo alloggio.');
  });

  test('an ID with Numero unità blank or 1, and a count without ID, are fine', () => {
    const sheets = { Unita: unita({ ...unit, id: 3155521 }, { ...unit, id: 3155522, n: 1 }, { ...unit, stato: 'Turnover', n: 4 }) };
    expect(anomaliesOf(sheets, CODE)).toEqual([]);
  });
});
