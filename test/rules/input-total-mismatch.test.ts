import { ENTI, anomaliesOf, run, unita } from '../support/rules';

const CODE = 'INPUT_TOTAL_MISMATCH';
const turnover = (n: number) => ({ ente: 'Comune di Crema', comune: 'Crema', stato: 'Turnover', n });

describe('INPUT_TOTAL_MISMATCH', () => {
  test('Crema 2019, section a: the printed TOTALE 1,711 / 1,696 SAP against rows adding up to 1,703 / 1,688', () => {
    const result = run({
      Unita: unita(),
      Enti: [
        ENTI,
        ['Comune di Crema', 'Comune', 1000, 990, 10, 0],
        ['ALER Brescia-Cremona-Mantova', 'ALER', 703, 698, 5, 0],
        ['TOTALE', null, 1711, 1696, 15, 0],
      ],
    });
    const found = anomaliesOf(result, CODE);
    expect(found.map((a) => [a.sheet, a.cell, a.severity, a.suggestion])).toEqual([
      ['Enti', 'C4', 'error', 'Scrivere 1.703.'],
      ['Enti', 'D4', 'error', 'Scrivere 1.688.'],
    ]);
    expect(found[0]!.message).toContain('riporta 1.711 in «Totale unità», ma la somma delle righe è 1.703');
  });

  test('a TOTALE row in Unita is checked and never counted as units', () => {
    const result = run({ Unita: unita(turnover(2), turnover(1), { ente: 'TOTALE', n: 5 }) });
    const [a, ...rest] = anomaliesOf(result, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Unita', cell: 'G4', suggestion: 'Scrivere 3.' });
    expect(result.report.totals.g).toBe(3);
  });

  test('a correct total is silent and still not counted', () => {
    const result = run({ Unita: unita(turnover(2), turnover(1), { ente: 'Totale', n: 3 }) });
    expect(anomaliesOf(result, CODE)).toEqual([]);
    expect(result.report.totals.g).toBe(3);
  });
});

test('subtotals then a grand total: each is checked against the rows it adds up, no false error', () => {
  const unitaRows = [
    ['Ente proprietario', 'Comune', 'Stato', 'Numero unità'],
    ['Comune di Crema', 'Crema', 'Libero', 2],
    ['Totale Crema', null, null, 2],
    ['Comune di Crema', 'Crema', 'Turnover', 3],
    ['Totale turnover', null, null, 3],
    ['TOTALE', null, null, 5],
  ];
  expect(anomaliesOf({ Unita: unitaRows }, 'INPUT_TOTAL_MISMATCH')).toEqual([]);
  unitaRows[5]![3] = 6;
  expect(anomaliesOf({ Unita: unitaRows }, 'INPUT_TOTAL_MISMATCH').map((a) => [a.cell, a.suggestion])).toEqual([['D6', 'Scrivere 5.']]);
});

test('a =SOMMA over Numero unità counts blank cells as 0: that total is right too', () => {
  const unitaRows = [
    ['ID unità', 'Ente proprietario', 'Comune', 'Stato', 'Numero unità'],
    [1, 'Comune di Crema', 'Crema', 'Libero', null],
    [null, 'Comune di Crema', 'Crema', 'Turnover', 3],
    [null, 'TOTALE', null, null, 3],
  ];
  expect(anomaliesOf({ Unita: unitaRows }, 'INPUT_TOTAL_MISMATCH')).toEqual([]);
});
