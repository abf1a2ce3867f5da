import { anomaliesOf, run, unita } from '../support/rules';

const CODE = 'UNIT_ID_INVALID';
const unit = { ente: 'Comune di Crema', comune: 'Crema', stato: 'Libero' };

describe('UNIT_ID_INVALID', () => {
  test('"COMUNI VARI vedi allegato" as an ID: error at the ID cell', () => {
    const [a, ...rest] = anomaliesOf({ Unita: unita({ ...unit, id: 3155521 }, { ...unit, id: 'COMUNI VARI vedi allegato' }) }, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Unita', cell: 'A3', severity: 'error', value: 'COMUNI VARI vedi allegato' });
    expect(a!.message).toContain('non è un Codice ID (numero intero positivo)');
  });

  test('a code with letters is not a platform ID', () => {
    const [a] = anomaliesOf({ Unita: unita({ ...unit, id: 'BS151846' }) }, CODE);
    expect(a).toMatchObject({ cell: 'A2', value: 'BS151846' });
  });

  test('IDs as numbers or as text with an apostrophe are valid; placeholders are only "missing"', () => {
    const result = run({ Unita: unita({ ...unit, id: 3155521 }, { ...unit, id: "'3155522" }, { ...unit, id: 'non comunicato' }) });
    expect(anomaliesOf(result, CODE)).toEqual([]);
    expect(anomaliesOf(result, 'UNIT_ID_MISSING')).toHaveLength(1);
  });
});
