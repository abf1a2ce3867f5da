import { anomaliesOf, comuni, unita } from '../support/rules';

const CODE = 'COMUNE_CEASED';

describe('COMUNE_CEASED', () => {
  test('Piadena, merged into Piadena Drizzona in 2019: warning suggesting the new comune', () => {
    const [a, ...rest] = anomaliesOf({ Comuni: comuni('Casteldidone', 'Piadena'), Unita: unita() }, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Comuni', cell: 'A3', severity: 'warning', value: 'Piadena', suggestion: 'Piadena Drizzona' });
    // ANPR records the last day of the old comune (the merger took effect on 01/01/2019).
    expect(a!.message).toMatch(/^Piadena \(CR\) è cessato il 31\/12\/2018\.$/i);
  });

  test('the current comune is silent', () => {
    expect(anomaliesOf({ Comuni: comuni('Piadena Drizzona', 'Casteldidone'), Unita: unita() }, CODE)).toEqual([]);
  });
});
