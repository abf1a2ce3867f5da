import { ENTI, anomaliesOf, comuni, run, unita } from '../support/rules';

const CODE = 'ENTE_NAME_VARIANT';
const base = {
  Comuni: comuni('Casalbuttano ed Uniti', 'Cremona'),
  Enti: [ENTI, ['Comune di Casalbuttano ed Uniti', 'Comune'], ['Fondazione Casa Amica', 'Operatore accreditato']],
};

describe('ENTE_NAME_VARIANT', () => {
  test('"COMUNE DI CASALBUTTANO": warning at the owner cell, units count for Comune di Casalbuttano ed Uniti', () => {
    const result = run({ ...base, Unita: unita({ id: 1, ente: 'COMUNE DI CASALBUTTANO', comune: 'Casalbuttano ed Uniti', stato: 'Libero' }) });
    const [a, ...rest] = anomaliesOf(result, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Unita', cell: 'C2', severity: 'warning', suggestion: 'Scrivere «Comune di Casalbuttano ed Uniti».' });
    expect(a!.message).toBe('«COMUNE DI CASALBUTTANO» è stato riconosciuto come «Comune di Casalbuttano ed Uniti».');
    expect(result.report.sectionG).toEqual([expect.objectContaining({ ente: 'Comune di Casalbuttano ed Uniti', comune: 'Casalbuttano ed Uniti', g: 1 })]);
  });

  test('a slip of the keyboard in an owner name, repeated on two rows, is one anomaly', () => {
    const unit = { ente: 'Fondazione Casa Amika', comune: 'Cremona', stato: 'Libero' };
    const result = run({ ...base, Unita: unita({ ...unit, id: 1 }, { ...unit, id: 2 }) });
    const found = anomaliesOf(result, CODE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cell: 'C2', suggestion: 'Scrivere «Fondazione Casa Amica».' });
    expect(found[0]!.message).toContain('(su 2 righe)');
    expect(result.report.sectionG).toEqual([expect.objectContaining({ ente: 'Fondazione Casa Amica', g: 2 })]);
  });

  test('exact names (any case, spacing) are silent', () => {
    const sheets = { ...base, Unita: unita({ id: 1, ente: 'COMUNE DI  CASALBUTTANO ED UNITI', comune: 'Casalbuttano ed Uniti', stato: 'Libero' }, { id: 2, ente: 'Fondazione Casa Amica', comune: 'Cremona', stato: 'Libero' }) };
    expect(anomaliesOf(sheets, CODE)).toEqual([]);
  });
});
