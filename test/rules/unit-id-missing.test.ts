import { anomaliesOf, run, unita } from '../support/rules';

const CODE = 'UNIT_ID_MISSING';
const crema = { ente: 'Comune di Cremona', comune: 'Cremona' };

describe('UNIT_ID_MISSING', () => {
  test('Cremona 2023: a free unit with ID "non comunicato" is a warning at its ID, and still counts', () => {
    const result = run({ Unita: unita({ ...crema, id: 'non comunicato', stato: 'Libero' }) });
    const [a, ...rest] = anomaliesOf(result, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Unita', cell: 'A2', severity: 'warning', value: 'non comunicato' });
    expect(a!.message).toContain('Codice ID «non comunicato»');
    expect(result.report.totals.e).toBe(1);
    expect(result.report.counts.error).toBe(0);
  });

  test('a blank ID on a unit in carenza manutentiva, and a count of free units without IDs', () => {
    const found = anomaliesOf({ Unita: unita({ ...crema, stato: 'Carenza manutentiva' }, { ...crema, stato: 'Libero', n: 3 }) }, CODE);
    expect(found.map((a) => [a.cell, a.message])).toEqual([
      ['A2', 'Alloggio (carenza manutentiva) senza Codice ID.'],
      ['A3', '3 alloggi (libero) sono indicati solo come numero, senza i loro Codici ID.'],
    ]);
    expect(found[1]!.suggestion).toContain('uno per riga');
  });

  test('turnover, new buildings and units with an ID need no code', () => {
    const found = anomaliesOf({
      Unita: unita(
        { ...crema, stato: 'Turnover', n: 5 },
        { ...crema, stato: 'Nuova edificazione', n: 2 },
        { ...crema, id: 3155521, stato: 'Libero' },
        { ...crema, id: '3155522', stato: 'Ristrutturazione' },
      ),
    }, CODE);
    expect(found).toEqual([]);
  });
});
