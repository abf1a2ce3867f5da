import { CellValue } from '../../src/core/snapshot';
import { ASSEGNAZIONI, ENTI, anomaliesOf, comuni, unita } from '../support/rules';

const CODE = 'ASSIGNED_BREAKDOWN_EXCEEDS';
const sheets = (...row: CellValue[]) => ({
  Comuni: comuni('Cremona'),
  Enti: [ENTI, ['Comune di Cremona', 'Comune']],
  Unita: unita(),
  Assegnazioni: [ASSEGNAZIONI, ['COMUNE DI CREMONA', ...row]],
});

describe('ASSIGNED_BREAKDOWN_EXCEEDS', () => {
  test('3 in deroga + 2 by mobility out of 4 assigned: error at Unità assegnate with the sum', () => {
    const [a, ...rest] = anomaliesOf(sheets(4, 3, 2), CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Assegnazioni', cell: 'B2', severity: 'error', value: '4' });
    expect(a!.message).toBe("Comune di Cremona: 3 in deroga e 2 per mobilità d'ufficio fanno 5, più delle 4 unità assegnate in tutto.");
  });

  test('one or no unit assigned: the singular and the zero read as Italian', () => {
    expect(anomaliesOf(sheets(1, 1, 1), CODE)[0]!.message).toBe("Comune di Cremona: 1 in deroga e 1 per mobilità d'ufficio fanno 2, più dell'unica unità assegnata.");
    expect(anomaliesOf(sheets(0, 1, null), CODE)[0]!.message).toBe("Comune di Cremona: 1 in deroga e 0 per mobilità d'ufficio fanno 1, ma nessuna unità risulta assegnata.");
  });

  test('a breakdown that fits (Cremona 2023: 10 assigned, 0 + 4), or blank parts, is fine', () => {
    expect(anomaliesOf(sheets(10, 0, 4), CODE)).toEqual([]);
    expect(anomaliesOf(sheets(5, 3, 2), CODE)).toEqual([]);
    expect(anomaliesOf(sheets(2, null, null), CODE)).toEqual([]);
  });
});
