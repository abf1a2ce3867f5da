import { anomaliesOf, run, unita } from '../support/rules';

const CODE = 'UNIT_STATE_UNKNOWN';
const aler = { ente: 'ALER Brescia-Cremona-Mantova', comune: 'Cremona' };

describe('UNIT_STATE_UNKNOWN', () => {
  test('an unreadable Stato: error at the cell, and the row is not counted in g', () => {
    const result = run({ Unita: unita({ ...aler, id: 1, stato: 'Libero' }, { ...aler, id: 2, stato: 'In attesa di verifica' }) });
    const [a, ...rest] = anomaliesOf(result, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Unita', cell: 'E3', severity: 'error', value: 'In attesa di verifica' });
    expect(a!.message).toContain('la riga non è conteggiata');
    expect(a!.suggestion).toContain('Carenza manutentiva, Ristrutturazione');
    expect(result.report.totals).toMatchObject({ e: 1, g: 1 });
  });

  test('the same unknown Stato on many rows is one anomaly at the first, with the number of rows', () => {
    const found = anomaliesOf({ Unita: unita({ ...aler, id: 1, stato: 'Sfitto' }, { ...aler, id: 2, stato: 'Sfitto' }, { ...aler, id: 3, stato: 'Sfitto' }) }, CODE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cell: 'E2' });
    expect(found[0]!.message).toContain('(su 3 righe)');
  });

  test("the platform's and the plans' wordings are recognised and land in their sections", () => {
    const result = run({
      Unita: unita(
        { ...aler, id: 1, stato: 'SFITTO PER CARENZE MANUTENTIVE ASSEGNABILE IN AUTO-MANUTENZIONE' },
        { ...aler, id: 2, stato: 'SFITTO PER RISTRUTTURAZIONE' },
        { ...aler, stato: 'Nuova edificazione', n: 2 },
        { ...aler, id: 3, stato: 'già libero' },
        { ...aler, stato: 'si libererà', n: 3 },
        { ...aler, stato: 'Conferito da privati' },
      ),
    });
    expect(anomaliesOf(result, CODE)).toEqual([]);
    expect(result.report.totals).toMatchObject({ b: 1, c: 1, d: 2, e: 4, f: 1, g: 9 });
  });
});
