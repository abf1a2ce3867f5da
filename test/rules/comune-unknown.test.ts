import { SAT, anomaliesOf, comuni, run, unita } from '../support/rules';

const CODE = 'COMUNE_UNKNOWN';
const unit = { ente: 'ALER Brescia-Cremona-Mantova', stato: 'Libero' };

describe('COMUNE_UNKNOWN', () => {
  test('a comune not of the ambito: error at the cell with the closest names, units counted as written', () => {
    const result = run({ Comuni: comuni('Crema', 'Cremosano', 'Offanengo'), Unita: unita({ ...unit, id: 1, comune: 'Crem' }) });
    const [a, ...rest] = anomaliesOf(result, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Unita', cell: 'D2', severity: 'error', value: 'Crem', suggestion: 'Forse «Crema» o «Cremosano»: correggere il nome.' });
    expect(a!.message).toBe("«Crem» non è un comune dell'ambito (foglio «Comuni»): le unità sono conteggiate sotto il nome scritto.");
    expect(result.report.sectionG).toEqual([expect.objectContaining({ comune: 'Crem', g: 1 })]);
    expect(result.report.ready).toBe(false);
  });

  test('without a Comuni sheet names are checked against the Lombard list', () => {
    const [a] = anomaliesOf({ Unita: unita({ ...unit, id: 1, comune: 'Roma' }) }, CODE);
    expect(a).toMatchObject({ cell: 'D2', value: 'Roma' });
    expect(a!.message).toContain('della Lombardia (elenco ISTAT; manca il foglio «Comuni»)');
  });

  test('a comune of another ambito in the SAT sheet', () => {
    const [a] = anomaliesOf({ Comuni: comuni('Crema'), Unita: unita(), SAT: [SAT, ['ALER Brescia-Cremona-Mantova', 'Milano', 1]] }, CODE);
    expect(a).toMatchObject({ sheet: 'SAT', cell: 'B2', value: 'Milano' });
  });

  test('exact names (any case, accents, hyphens) and resolvable variants are not unknown', () => {
    const sheets = {
      Comuni: comuni('Crema', 'Vaiano Cremasco', 'Gadesco-Pieve Delmona'),
      Unita: unita({ ...unit, id: 1, comune: 'CREMA' }, { ...unit, id: 2, comune: 'Vaiano' }, { ...unit, id: 3, comune: 'GADESCO PIEVE DELMONA' }),
    };
    expect(anomaliesOf(sheets, CODE)).toEqual([]);
  });
});
