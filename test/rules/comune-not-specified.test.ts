import { ENTI, SAT, anomaliesOf, comuni, run, unita } from '../support/rules';

const CODE = 'COMUNE_NOT_SPECIFIED';
const base = { Comuni: comuni('Crema'), Enti: [ENTI, ['ALER Brescia-Cremona-Mantova', 'ALER'], ['Comune di Crema', 'Comune']] };

describe('COMUNE_NOT_SPECIFIED', () => {
  test('an ALER turnover count without comune: warning, counted under "comune non indicato"', () => {
    const result = run({ ...base, Unita: unita({ ente: 'ALER Brescia-Cremona-Mantova', stato: 'Turnover', n: 4 }) });
    const [a, ...rest] = anomaliesOf(result, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Unita', cell: 'D2', severity: 'warning' });
    expect(a!.message).toContain("4 unità dell'ente «ALER Brescia-Cremona-Mantova» senza comune: sono conteggiate sotto «comune non indicato».");
    expect(result.report.sectionG).toEqual([expect.objectContaining({ ente: 'ALER Brescia-Cremona-Mantova', comune: null, e: 4, g: 4 })]);
    expect(result.report.counts.error).toBe(0);
  });

  test('ALER SAT units without comune are compared with all its comuni', () => {
    const [a] = anomaliesOf({ ...base, Unita: unita(), SAT: [SAT, ['ALER Brescia-Cremona-Mantova', null, 2]] }, CODE);
    expect(a).toMatchObject({ sheet: 'SAT', cell: 'B2' });
    expect(a!.message).toContain("2 unità SAT dell'ente «ALER Brescia-Cremona-Mantova» senza comune");
  });

  test('rows with their comune are silent; a municipal row without comune is an error of its own', () => {
    const result = run({ ...base, Unita: unita({ ente: 'ALER Brescia-Cremona-Mantova', comune: 'Crema', stato: 'Turnover', n: 4 }, { id: 1, ente: 'Comune di Crema', stato: 'Libero' }) });
    expect(anomaliesOf(result, CODE)).toEqual([]);
    expect(anomaliesOf(result, 'VALUE_REQUIRED')).toMatchObject([{ cell: 'D3' }]);
  });
});
