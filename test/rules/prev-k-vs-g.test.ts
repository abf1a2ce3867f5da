import { compare, cremona, cremona2022Edits, edited } from '../support/previous';

const CODE = 'PREV_K_VS_G';

describe('PREV_K_VS_G', () => {
  test('g of 2022 against k of 2023 per owner: at the owner\'s Assegnazioni cell, else its Enti row', () => {
    const cur = cremona();
    const found = compare(cur, edited(cur, cremona2022Edits(cur))).anomalies.filter((a) => a.rule === CODE);
    expect(found.every((a) => a.severity === 'info')).toBe(true);
    expect(found.find((a) => a.cell === 'B9' && a.sheet === 'Assegnazioni')!.message)
      .toBe('Nel piano 2022 ALER Brescia-Cremona-Mantova aveva 154 unità assegnabili (sezione g); nel 2023 ne risultano assegnate 61 (sezione k).');
    expect(found.find((a) => a.sheet === 'Enti' && a.cell === 'A9')!.message)
      .toBe("Nel piano 2022 Comune di Castelverde aveva 7 unità assegnabili (sezione g); nel 2023 ne risultano assegnate 0 (sezione k): l'ente non compare nel foglio «Assegnazioni».");
    // One per owner with g last year: the 2022 section g's owners.
    const prev = compare(edited(cur, cremona2022Edits(cur)));
    expect(found).toHaveLength(prev.sectionG.byEnte.filter((e) => e.g > 0).length);
  });

  test('nothing without an Assegnazioni sheet', () => {
    const cur = { sheets: cremona().sheets.filter((s) => s.name !== 'Assegnazioni') };
    expect(compare(cur, edited(cur, { Ambito: { B4: 2022 } })).anomalies.filter((a) => a.rule === CODE)).toEqual([]);
  });
});
