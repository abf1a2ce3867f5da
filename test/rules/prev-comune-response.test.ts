import { compare, cremona, cremona2022Edits, edited } from '../support/previous';

const CODE = 'PREV_COMUNE_RESPONSE';

describe('PREV_COMUNE_RESPONSE', () => {
  test('Cremona 2023 against 2022: Acquanegra stopped answering (warning), Annicco started (info), at Comunicazione ricevuta', () => {
    const cur = cremona();
    const found = compare(cur, edited(cur, cremona2022Edits(cur))).anomalies.filter((a) => a.rule === CODE);
    expect(found.map(({ severity, sheet, cell, message }) => ({ severity, sheet, cell, message }))).toEqual([
      { severity: 'warning', sheet: 'Comuni', cell: 'G2', message: 'Acquanegra Cremonese aveva risposto per il piano 2022, ma non per il piano 2023.' },
      { severity: 'info', sheet: 'Comuni', cell: 'G3', message: 'Annicco risponde per il piano 2023; per il piano 2022 non aveva risposto.' },
    ]);
  });

  test('nothing on an unchanged copy', () => {
    const cur = cremona();
    expect(compare(cur, edited(cur, { Ambito: { B4: 2022 } })).anomalies.filter((a) => a.rule === CODE)).toEqual([]);
  });
});
