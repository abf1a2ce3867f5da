import { anomaliesOf, comuni, run, unita } from '../support/rules';

const CODE = 'COMUNE_NOT_OFFICIAL';

describe('COMUNE_NOT_OFFICIAL', () => {
  test('Cremona 2023 spells "Castelveverde": warning in Comuni suggesting Castelverde', () => {
    const result = run({ Comuni: comuni('Cremona', 'Castelveverde'), Unita: unita() });
    const [a, ...rest] = anomaliesOf(result, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Comuni', cell: 'A3', severity: 'warning', value: 'Castelveverde', suggestion: 'Scrivere «Castelverde», se è questo il comune.' });
    expect(a!.message).toContain("non è nell'elenco ISTAT dei comuni lombardi attivi");
  });

  test('a comune of another region is not official either', () => {
    expect(anomaliesOf({ Comuni: comuni('Piacenza'), Unita: unita() }, CODE)).toMatchObject([{ cell: 'A2', value: 'Piacenza' }]);
  });

  test("official names in any case or apostrophe are silent; a ceased comune is reported by COMUNE_CEASED instead", () => {
    const result = run({ Comuni: comuni('CASTELVERDE', "Pieve d'Olmi", 'Pieve D Olmi', 'Piadena'), Unita: unita() });
    expect(anomaliesOf(result, CODE)).toEqual([]);
    expect(anomaliesOf(result, 'COMUNE_CEASED')).toHaveLength(1);
  });
});
