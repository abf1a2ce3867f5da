import { ASSEGNAZIONI, ENTI, anomaliesOf, comuni, run, unita } from '../support/rules';

const CODE = 'ENTE_UNKNOWN';
const base = {
  Comuni: comuni('Crema', 'Offanengo'),
  Enti: [ENTI, ['Comune di Crema', 'Comune'], ['ALER Brescia-Cremona-Mantova', 'ALER']],
};

describe('ENTE_UNKNOWN', () => {
  test('an owner not in Enti: error at the owner cell, units still counted under the name as written', () => {
    const result = run({ ...base, Unita: unita({ id: 1, ente: 'Cooperativa La Casa', comune: 'Crema', stato: 'Libero' }) });
    const [a, ...rest] = anomaliesOf(result, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Unita', cell: 'C2', severity: 'error', value: 'Cooperativa La Casa' });
    expect(a!.message).toBe("L'ente «Cooperativa La Casa» non è nel foglio «Enti».");
    expect(a!.suggestion).toContain("Aggiungere l'ente al foglio «Enti»");
    expect(result.report.sectionG).toEqual([expect.objectContaining({ ente: 'Cooperativa La Casa', comune: 'Crema', g: 1 })]);
    expect(result.report.ready).toBe(false);
  });

  test('a comune of the ambito that has no row in Enti, in the Assegnazioni sheet', () => {
    const [a] = anomaliesOf({ ...base, Unita: unita(), Assegnazioni: [ASSEGNAZIONI, ['Comune di Offanengo', 2, 0, 0]] }, CODE);
    expect(a).toMatchObject({ sheet: 'Assegnazioni', cell: 'A2', value: 'Comune di Offanengo' });
  });

  test('owners written in another case, or "Comune di X" for a listed comune, are known', () => {
    const result = run({
      ...base,
      Unita: unita({ id: 1, ente: 'COMUNE DI CREMA', comune: 'Crema', stato: 'Libero' }, { id: 2, ente: 'aler brescia cremona mantova', comune: 'Crema', stato: 'Libero' }),
    });
    expect(anomaliesOf(result, CODE)).toEqual([]);
  });

  test('without an Enti sheet (an owner checking its own list) no owner is unknown', () => {
    expect(anomaliesOf({ Unita: unita({ id: 1, ente: 'Cooperativa La Casa', comune: 'Crema', stato: 'Libero' }) }, CODE)).toEqual([]);
  });
});
