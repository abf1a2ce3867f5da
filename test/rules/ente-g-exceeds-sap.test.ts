import { ENTI, anomaliesOf, comuni, unita } from '../support/rules';

const CODE = 'ENTE_G_EXCEEDS_SAP';
const unit = { ente: 'Comune di Crema', comune: 'Crema', stato: 'Libero' };
const sheets = (sap: number, ...units: Parameters<typeof unita>) => ({
  Comuni: comuni('Crema'),
  Enti: [ENTI, ['Comune di Crema', 'Comune', sap, sap]],
  Unita: unita(...units),
});

describe('ENTE_G_EXCEEDS_SAP', () => {
  test('3 assignable units for an owner with 2 SAP units: error at Unità SAP', () => {
    const [a, ...rest] = anomaliesOf(sheets(2, { ...unit, id: 1 }, { ...unit, stato: 'Turnover', n: 2 }), CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Enti', cell: 'D2', severity: 'error', value: '2' });
    expect(a!.message).toBe('Comune di Crema ha 3 unità assegnabili (sezione g), ma possiede solo 2 alloggi SAP (sezione a).');
  });

  test('one unit, one or no SAP unit: the singular and the zero read as Italian', () => {
    expect(anomaliesOf(sheets(1, { ...unit, id: 1 }, { ...unit, id: 2 }), CODE)[0]!.message).toBe('Comune di Crema ha 2 unità assegnabili (sezione g), ma possiede solo 1 alloggio SAP (sezione a).');
    expect(anomaliesOf(sheets(0, { ...unit, id: 1 }), CODE)[0]!.message).toBe('Comune di Crema ha 1 unità assegnabile (sezione g), ma non possiede alloggi SAP (sezione a).');
  });

  test('g equal to the SAP stock is fine', () => {
    expect(anomaliesOf(sheets(3, { ...unit, id: 1 }, { ...unit, stato: 'Turnover', n: 2 }), CODE)).toEqual([]);
  });

  test('SAS and assigned units do not count towards g', () => {
    const found = anomaliesOf(sheets(1, { ...unit, id: 1 }, { ...unit, id: 2, dest: 'SAS' }, { ...unit, id: 3, stato: 'Assegnato' }), CODE);
    expect(found).toEqual([]);
  });
});
