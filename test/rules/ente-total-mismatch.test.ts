import { ENTI, anomaliesOf, unita } from '../support/rules';

const CODE = 'ENTE_TOTAL_MISMATCH';

describe('ENTE_TOTAL_MISMATCH', () => {
  test('Oglio Po 2021, Viadana: 331 units while 311 SAP + 16 SAS + 30 other uses make 357', () => {
    const [a, ...rest] = anomaliesOf({ Unita: unita(), Enti: [ENTI, ['Comune di Viadana', 'Comune', 331, 311, 16, 30]] }, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Enti', cell: 'C2', severity: 'error', value: '331', suggestion: 'Scrivere 357, oppure correggere SAP, SAS o altri usi.' });
    expect(a!.message).toContain('il totale è 331, ma SAP 311 + SAS 16 + altri usi 30 fanno 357');
  });

  test('blank SAS and other uses count as zero', () => {
    const [a] = anomaliesOf({ Unita: unita(), Enti: [ENTI, ['Comune di Crema', 'Comune', 12, 10]] }, CODE);
    expect(a).toMatchObject({ cell: 'C2', suggestion: expect.stringMatching(/^Scrivere 10,/) });
  });

  test('a stock that adds up, or a row without the breakdown, is silent', () => {
    const enti = [ENTI, ['Comune di Viadana', 'Comune', 357, 311, 16, 30], ['Comune di Dosolo', 'Comune', 40]];
    expect(anomaliesOf({ Unita: unita(), Enti: enti }, CODE)).toEqual([]);
  });
});
