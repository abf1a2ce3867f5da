import { CellValue } from '../../src/core/snapshot';
import { COMUNI, anomaliesOf, unita } from '../support/rules';

const CODE = 'FFOO_OVER_LIMIT';
const comuniWith = (ffoo: CellValue) => [COMUNI, ['Crema', '019035', null, null, null, 5, 'Sì'], ['Offanengo', '019062', null, null, null, ffoo, 'Sì']];

describe('FFOO_OVER_LIMIT', () => {
  test('15% for Forze di Polizia: error at the cell, suggesting the 10% maximum', () => {
    const [a, ...rest] = anomaliesOf({ Comuni: comuniWith('15%'), Unita: unita() }, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Comuni', cell: 'F3', severity: 'error', value: '15%', suggestion: 'Scrivere al massimo 10%.' });
    expect(a!.message).toBe('Offanengo: la quota per Forze di Polizia e Vigili del Fuoco è del 15%, oltre il massimo del 10%.');
  });

  test('0.15 in a percent-formatted cell is 15%; 0.1 is 10% and fine', () => {
    expect(anomaliesOf({ Comuni: comuniWith(0.15), Unita: unita() }, CODE, { Comuni: { '2,5': '0%' } })).toMatchObject([{ cell: 'F3', value: '15%' }]);
    expect(anomaliesOf({ Comuni: comuniWith(0.1), Unita: unita() }, CODE, { Comuni: { '2,5': '0%' } })).toEqual([]);
  });

  test('10,5 is above 10', () => {
    expect(anomaliesOf({ Comuni: comuniWith('10,5'), Unita: unita() }, CODE)).toMatchObject([{ value: '10,5%' }]);
  });

  test('exactly 10, or 15 under a limit of 20 set in Ambito, is fine', () => {
    expect(anomaliesOf({ Comuni: comuniWith(10), Unita: unita() }, CODE)).toEqual([]);
    const ambito = [['Campo', 'Valore'], ['Quota massima Forze di Polizia %', 20]];
    expect(anomaliesOf({ Ambito: ambito, Comuni: comuniWith('15%'), Unita: unita() }, CODE)).toEqual([]);
  });
});
