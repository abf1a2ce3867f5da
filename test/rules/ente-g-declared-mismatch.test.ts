import { ENTI, anomaliesOf, comuni, unita } from '../support/rules';

const CODE = 'ENTE_G_DECLARED_MISMATCH';
const unit = { ente: 'COMUNE DI POZZAGLIO ED UNITI', comune: 'POZZAGLIO ED UNITI' };
const sheets = (declared: number | null) => ({
  Comuni: comuni('Pozzaglio ed Uniti'),
  Enti: [ENTI, ['COMUNE DI POZZAGLIO ED UNITI', 'Comune', 20, 20, 0, 0, declared]],
  Unita: unita({ ...unit, id: 3170001, stato: 'Carenza manutentiva' }, { ...unit, id: 3170002, stato: 'Libero' }, { ...unit, stato: 'Turnover', n: 1 }),
});

describe('ENTE_G_DECLARED_MISMATCH', () => {
  test('Cremona 2023: Pozzaglio ed Uniti declares 2 but lists 3: error at g dichiarato, suggesting 3', () => {
    const [a, ...rest] = anomaliesOf(sheets(2), CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Enti', cell: 'G2', severity: 'error', value: '2', suggestion: "Scrivere 3, oppure correggere le righe dell'ente nel foglio «Unita»." });
    expect(a!.message).toBe('Comune di Pozzaglio ed Uniti dichiara 2 unità assegnabili, ma dalle righe del foglio «Unita» ne risultano 3.');
  });

  test('a declared total that matches, or none declared, is silent', () => {
    expect(anomaliesOf(sheets(3), CODE)).toEqual([]);
    expect(anomaliesOf(sheets(null), CODE)).toEqual([]);
  });

  test('an owner that declares 0 and lists nothing is fine; one that declares 1 and lists nothing is not', () => {
    const enti = [ENTI, ['Comune di Crema', 'Comune', 5, 5, 0, 0, 0], ['Comune di Offanengo', 'Comune', 5, 5, 0, 0, 1]];
    const found = anomaliesOf({ Comuni: comuni('Crema', 'Offanengo'), Enti: enti, Unita: unita() }, CODE);
    expect(found).toMatchObject([{ cell: 'G3', suggestion: expect.stringMatching(/^Scrivere 0,/) }]);
  });
});
