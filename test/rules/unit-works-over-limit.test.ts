import { anomaliesOf, unita } from '../support/rules';

const CODE = 'UNIT_WORKS_OVER_LIMIT';
const carenza = { ente: 'Comune di Crema', comune: 'Crema', stato: 'Carenza manutentiva' };

describe('UNIT_WORKS_OVER_LIMIT', () => {
  test('€9,500 of works on a unit in carenza manutentiva: error at the cost, limit €8,000', () => {
    const [a, ...rest] = anomaliesOf({ Unita: unita({ ...carenza, id: 1, costo: 9500 }) }, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Unita', cell: 'H2', severity: 'error' });
    // Euros as Italian readers see them (Intl puts a non-breaking space before €).
    expect(a!.value).toMatch(/^9\.500\s€$/);
    expect(a!.message).toMatch(/Lavori per 9\.500\s€ .* il limite è 8\.000\s€/);
    expect(a!.suggestion).toContain('ristrutturazione (sezione c)');
    expect(a!.legalRef).toContain('art. 10');
  });

  test('the limit set in the Ambito sheet is used', () => {
    const sheets = { Ambito: [['Campo', 'Valore'], ['Costo massimo auto-manutenzione €', 10000]], Unita: unita({ ...carenza, id: 1, costo: 9500 }) };
    expect(anomaliesOf(sheets, CODE)).toEqual([]);
    const lower = { ...sheets, Ambito: [['Campo', 'Valore'], ['Costo massimo auto-manutenzione €', 5000]] };
    expect(anomaliesOf(lower, CODE)[0]!.message).toMatch(/il limite è 5\.000\s€/);
  });

  test('exactly at the limit, or costly works on a unit under renovation, are fine', () => {
    const sheets = { Unita: unita({ ...carenza, id: 1, costo: 8000 }, { ...carenza, id: 2, stato: 'Ristrutturazione', costo: 40000 }) };
    expect(anomaliesOf(sheets, CODE)).toEqual([]);
  });
});
