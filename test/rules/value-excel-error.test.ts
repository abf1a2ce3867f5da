import { ENTI, anomaliesOf, run, unita } from '../support/rules';

const CODE = 'VALUE_EXCEL_ERROR';

describe('VALUE_EXCEL_ERROR', () => {
  test('#N/A in Stato: error at the cell, not also "empty", and the row is not counted', () => {
    const result = run({
      Unita: unita({ id: 1, ente: 'Comune di Crema', comune: 'Crema', stato: '#N/A' }, { id: 2, ente: 'Comune di Crema', comune: 'Crema', stato: 'Libero' }),
    });
    const [a, ...rest] = anomaliesOf(result, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Unita', cell: 'E2', severity: 'error', value: '#N/D' });
    expect(a!.message).toContain("«Stato» contiene l'errore di Excel #N/D");
    expect(anomaliesOf(result, 'VALUE_REQUIRED')).toEqual([]);
    expect(result.report.totals.g).toBe(1);
  });

  test('#REF! in a count of the Enti sheet', () => {
    const [a] = anomaliesOf({ Unita: unita(), Enti: [ENTI, ['Comune di Crema', 'Comune', '#REF!', 10]] }, CODE);
    expect(a).toMatchObject({ sheet: 'Enti', cell: 'C2', value: '#RIF!' });
  });

  test('"#N/A" inside a longer text is not an Excel error, and the unit counts', () => {
    const result = run({ Unita: unita({ id: 1, ente: 'Comune di Crema', comune: 'Crema', stato: 'Libero (#N/A nel gestionale)' }) });
    expect(anomaliesOf(result, CODE)).toEqual([]);
    expect(result.report.totals.e).toBe(1);
  });
});
