import { anomaliesOf, unita } from '../support/rules';

const CODE = 'UNIT_ID_DUPLICATE';
const unit = { ente: 'ALER Brescia-Cremona-Mantova', comune: 'Cremona', stato: 'LIBERO' };

describe('UNIT_ID_DUPLICATE', () => {
  test('the same ID on two rows: each occurrence is an error pointing at the other', () => {
    const found = anomaliesOf({ Unita: unita({ ...unit, id: 3155521 }, { ...unit, id: 3155518 }, { ...unit, id: '3155521' }) }, CODE);
    expect(found.map((a) => [a.sheet, a.cell, a.severity])).toEqual([
      ['Unita', 'A2', 'error'],
      ['Unita', 'A4', 'error'],
    ]);
    expect(found[0]!.message).toBe('Il Codice ID 3155521 compare anche nella cella A4.');
    expect(found[1]!.message).toBe('Il Codice ID 3155521 compare anche nella cella A2.');
  });

  test('on three rows: each names the other two cells', () => {
    const found = anomaliesOf({ Unita: unita({ ...unit, id: 7 }, { ...unit, id: 7 }, { ...unit, id: 7 }) }, CODE);
    expect(found.map((a) => a.message)).toEqual([
      'Il Codice ID 7 compare anche nelle celle A3 e A4.',
      'Il Codice ID 7 compare anche nelle celle A2 e A4.',
      'Il Codice ID 7 compare anche nelle celle A2 e A3.',
    ]);
  });

  test('leading zeros do not make a different unit', () => {
    expect(anomaliesOf({ Unita: unita({ ...unit, id: '0042' }, { ...unit, id: 42 }) }, CODE)).toHaveLength(2);
  });

  test('distinct IDs and repeated placeholders are not duplicates', () => {
    const sheets = { Unita: unita({ ...unit, id: 3155521 }, { ...unit, id: 3155518 }, { ...unit, id: 'non comunicato' }, { ...unit, id: 'non comunicato' }) };
    expect(anomaliesOf(sheets, CODE)).toEqual([]);
  });
});
