import { ENTI, anomaliesOf, run, unita } from '../support/rules';

const CODE = 'VALUE_NOT_NUMBER';

describe('VALUE_NOT_NUMBER', () => {
  test('"1 + 5da turn over" in Numero unità: error at the cell, the row is not counted', () => {
    const result = run({
      Unita: unita({ ente: 'Comune di Cremona', comune: 'Cremona', stato: 'Turnover', n: '1 + 5da turn over' }, { ente: 'Comune di Cremona', comune: 'Cremona', stato: 'Libero', n: 2 }),
    });
    const [a, ...rest] = anomaliesOf(result, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Unita', cell: 'G2', severity: 'error', value: '1 + 5da turn over' });
    expect(a!.message).toBe('«1 + 5da turn over» in «Numero unità» non è un numero: la cella non viene conteggiata.');
    expect(a!.suggestion).toBe('Scrivere solo il numero e spostare il commento nella colonna «Note».');
    expect(result.report.totals).toMatchObject({ e: 2, g: 2 });
  });

  test('"29 di cui 7 per altri usi abitativi" in the Enti stock', () => {
    const [a] = anomaliesOf({ Unita: unita(), Enti: [ENTI, ['Comune di Viadana', 'Comune', '29 di cui 7 per altri usi abitativi', 22]] }, CODE);
    expect(a).toMatchObject({ sheet: 'Enti', cell: 'C2' });
    expect(a!.message).toContain('«29 di cui 7 per altri usi abitativi» in «Totale unità» non è un numero');
    // Enti has no Note column: the suggestion does not send the user to one.
    expect(a!.suggestion).toBe("Scrivere solo il numero e spostare il commento in un'altra colonna.");
  });

  test('an unreadable date is reported with the expected format', () => {
    const [a] = anomaliesOf({ Unita: unita(), Enti: [ENTI, ['Comune di Crema', 'Comune', 10, 10, 0, 0, 1, 'fine marzo']] }, CODE);
    expect(a).toMatchObject({ sheet: 'Enti', cell: 'H2' });
    expect(a!.message).toBe('«fine marzo» in «Data ricezione» non è una data leggibile.');
    expect(a!.suggestion).toContain('gg/mm/aaaa');
  });

  test('numbers stored as text, with spaces or apostrophes, and real dates are read silently', () => {
    const result = run({
      Unita: unita({ ente: 'Comune di Cremona', comune: 'Cremona', stato: 'Turnover', n: " '6 " }),
      Enti: [ENTI, ['Comune di Cremona', 'Comune', '1028', '1000', '28', '0', '6', '08/03/2021']],
    });
    expect(anomaliesOf(result, CODE)).toEqual([]);
    expect(result.report.totals.e).toBe(6);
  });
});
