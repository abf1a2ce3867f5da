import { compare, cremona, cremona2022Edits, edited } from '../support/previous';

const CODE = 'PREV_UNIT_MOVED';

describe('PREV_UNIT_MOVED', () => {
  test('an ALER unit in another comune, a comune\'s unit of another owner: warnings at this year\'s cells', () => {
    const cur = cremona();
    const found = compare(cur, edited(cur, cremona2022Edits(cur))).anomalies.filter((a) => a.rule === CODE);
    expect(found.map(({ severity, sheet, cell, message }) => ({ severity, sheet, cell, message }))).toEqual([
      { severity: 'warning', sheet: 'Unita', cell: 'D2', message: 'Il Codice ID 3155521 nel piano 2022 aveva come comune Cremona (ora Acquanegra Cremonese).' },
      { severity: 'warning', sheet: 'Unita', cell: 'C157', message: 'Il Codice ID 9131412 nel piano 2022 aveva come ente Comune di Bonemerse (ora Comune di Annicco) e come comune Bonemerse (ora Annicco).' },
    ]);
  });

  test('nothing on an unchanged copy', () => {
    const cur = cremona();
    expect(compare(cur, edited(cur, { Ambito: { B4: 2022 } })).anomalies.filter((a) => a.rule === CODE)).toEqual([]);
  });
});
