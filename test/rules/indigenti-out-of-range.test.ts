import { CellValue } from '../../src/core/snapshot';
import { COMUNI, anomaliesOf, unita } from '../support/rules';

const CODE = 'INDIGENTI_OUT_OF_RANGE';
const comuniWith = (soglia: CellValue) => [COMUNI, ['Bonemerse', '019006', soglia, null, null, null, 'Sì']];

describe('INDIGENTI_OUT_OF_RANGE', () => {
  test('a threshold of 90% beyond the 20%: error at the cell, range 0–80', () => {
    const [a, ...rest] = anomaliesOf({ Comuni: comuniWith(90), Unita: unita() }, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Comuni', cell: 'C2', severity: 'error', value: '90%' });
    expect(a!.message).toContain("è del 90%, fuori dall'intervallo da 0 a 80");
    expect(a!.suggestion).toContain('quota oltre il 20%');
  });

  test('0.85 in a percent-formatted cell is 85%', () => {
    expect(anomaliesOf({ Comuni: comuniWith(0.85), Unita: unita() }, CODE, { Comuni: { '1,2': '0%' } })).toMatchObject([{ value: '85%' }]);
  });

  test('0, 10, "10%" and 80 are within range', () => {
    for (const v of [0, 10, '10%', 80]) expect(anomaliesOf({ Comuni: comuniWith(v), Unita: unita() }, CODE)).toEqual([]);
  });
});
