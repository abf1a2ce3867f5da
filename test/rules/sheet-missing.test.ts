import { anomaliesOf, comuni, run, unita } from '../support/rules';

const CODE = 'SHEET_MISSING';
const libero = { id: 3155521, ente: 'Comune di Crema', comune: 'Crema', stato: 'Libero' };

describe('SHEET_MISSING', () => {
  test('no Unita sheet: an error naming the columns to add, and no section g', () => {
    const result = run({ Comuni: comuni('Crema') });
    const errors = anomaliesOf(result, CODE).filter((a) => a.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ sheet: 'Unita', severity: 'error' });
    expect(errors[0]!.cell).toBeUndefined();
    expect(errors[0]!.message).toContain('Foglio Unita non trovato');
    expect(errors[0]!.suggestion).toContain('«Ente proprietario», «Stato»');
    expect(result.report.ready).toBe(false);
    expect(result.report.sectionG).toEqual([]);
  });

  test('only an Unita sheet: the optional sheets are info, and the plan can still be ready', () => {
    const result = run({ Unita: unita(libero) });
    const found = anomaliesOf(result, CODE);
    expect(found.map((a) => [a.sheet, a.severity])).toEqual(
      expect.arrayContaining([['Ambito', 'info'], ['Comuni', 'info'], ['Enti', 'info'], ['SAT', 'info'], ['Assegnazioni', 'info']]),
    );
    expect(found.some((a) => a.severity === 'error')).toBe(false);
    expect(result.report.ready).toBe(true);
    expect(result.report.totals.g).toBe(1);
  });

  test('the unit list under another sheet name is recognised by its headers', () => {
    const result = run({ Foglio1: unita(libero) });
    expect(anomaliesOf(result, CODE).filter((a) => a.sheet === 'Unita')).toEqual([]);
    expect(result.report.totals.e).toBe(1);
  });

  test('accented or upper-case sheet names count as present', () => {
    const found = anomaliesOf({ UNITÀ: unita(libero), 'Comuni ': comuni('Crema') }, CODE);
    expect(found.map((a) => a.sheet)).not.toContain('Unita');
    expect(found.map((a) => a.sheet)).not.toContain('Comuni');
  });
});
