import { compare, cremona, cremona2022Edits, edited } from '../support/previous';

const CODE = 'PREV_SAP_SWING';
const of = (r: ReturnType<typeof compare>) => r.anomalies.filter((a) => a.rule === CODE);

describe('PREV_SAP_SWING', () => {
  test('Soresina from 80 to 114 SAP units, total unchanged: warning at Enti!D32', () => {
    const cur = cremona();
    expect(of(compare(cur, edited(cur, cremona2022Edits(cur))))).toEqual([expect.objectContaining({
      severity: 'warning', sheet: 'Enti', cell: 'D32', value: '114',
      message: 'Comune di Soresina dichiara 114 alloggi SAP; nel piano 2022 erano 80 (+42,5%, oltre la soglia del 20%), mentre il totale delle unità non cambia.',
    })]);
  });

  test('explained when the total moves as much (units built or sold)', () => {
    const cur = cremona();
    expect(of(compare(cur, edited(cur, { Ambito: { B4: 2022 }, Enti: { D32: 80, C32: 88 } })))).toEqual([]);
  });

  test('the threshold is read from Ambito («Variazione massima alloggi SAP %»)', () => {
    const cur = edited(cremona(), { Ambito: { A5: 'Variazione massima alloggi SAP %', B5: 50 } });
    expect(of(compare(cur, edited(cur, { Ambito: { B4: 2022 }, Enti: { D32: 80 } })))).toEqual([]);
    const strict = edited(cremona(), { Ambito: { A5: 'Variazione massima alloggi SAP %', B5: 5 } });
    expect(of(compare(strict, edited(strict, { Ambito: { B4: 2022 }, Enti: { D32: 106 } })))[0]).toMatchObject({ cell: 'D32' });
  });

  test('nothing on an unchanged copy', () => {
    const cur = cremona();
    expect(of(compare(cur, edited(cur, { Ambito: { B4: 2022 } })))).toEqual([]);
  });
});
