import { ENTI, anomaliesOf, comuni, unita } from '../support/rules';

const CODE = 'ENTE_DUPLICATE';

describe('ENTE_DUPLICATE', () => {
  test('the same owner twice in Enti: error at the second row, naming the first', () => {
    const sheets = {
      Comuni: comuni('Crema'),
      Enti: [ENTI, ['Comune di Crema', 'Comune', 10, 10], ['ALER Brescia-Cremona-Mantova', 'ALER', 5, 5], ['COMUNE DI CREMA', 'Comune', 10, 10]],
      Unita: unita(),
    };
    const [a, ...rest] = anomaliesOf(sheets, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Enti', cell: 'A4', severity: 'error', value: 'COMUNE DI CREMA' });
    expect(a!.message).toContain('è lo stesso ente già scritto alla riga 2');
    expect(a!.suggestion).toBe('Tenere una sola riga per ente.');
  });

  test('a misspelled comune that resolves to a listed one is still the same owner', () => {
    const sheets = { Comuni: comuni('Vaiano Cremasco'), Enti: [ENTI, ['Comune di Vaiano Cremasco', 'Comune'], ['Comune di Vaiano', 'Comune']], Unita: unita() };
    expect(anomaliesOf(sheets, CODE)).toMatchObject([{ cell: 'A3' }]);
  });

  test('distinct owners are fine', () => {
    const sheets = { Comuni: comuni('Crema', 'Offanengo'), Enti: [ENTI, ['Comune di Crema', 'Comune'], ['Comune di Offanengo', 'Comune']], Unita: unita() };
    expect(anomaliesOf(sheets, CODE)).toEqual([]);
  });
});
