import { anomaliesOf, run, unita } from '../support/rules';

const CODE = 'UNIT_NOT_SAP';
const unit = { ente: 'Comune di Crema', comune: 'Crema', stato: 'Libero' };

describe('UNIT_NOT_SAP', () => {
  test('an SAS unit: info at Destinazione, and not counted in section g', () => {
    const result = run({ Unita: unita({ ...unit, id: 1, dest: 'SAP' }, { ...unit, id: 2, dest: 'SAS' }) });
    const [a, ...rest] = anomaliesOf(result, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Unita', cell: 'F3', severity: 'info', value: 'SAS' });
    expect(a!.message).toContain('non conteggiato nella sezione g');
    expect(result.report.totals).toMatchObject({ e: 1, g: 1 });
  });

  test('"Servizi abitativi sociali" written out is SAS as well', () => {
    const result = run({ Unita: unita({ ...unit, id: 2, dest: 'Servizi abitativi sociali' }) });
    expect(anomaliesOf(result, CODE)).toHaveLength(1);
    expect(result.report.sectionG).toEqual([]);
  });

  test('SAP, "Servizi abitativi pubblici" and a blank Destinazione count in g', () => {
    const result = run({ Unita: unita({ ...unit, id: 1, dest: 'SAP' }, { ...unit, id: 2, dest: 'Servizi abitativi pubblici' }, { ...unit, id: 3 }) });
    expect(anomaliesOf(result, CODE)).toEqual([]);
    expect(result.report.totals.g).toBe(3);
  });
});
