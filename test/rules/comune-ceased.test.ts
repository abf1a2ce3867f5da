import { anomaliesOf, comuni, unita } from '../support/rules';

const CODE = 'COMUNE_CEASED';

describe('COMUNE_CEASED', () => {
  test('Piadena, merged into Piadena Drizzona in 2019: warning suggesting the new comune', () => {
    const [a, ...rest] = anomaliesOf({ Comuni: comuni('Casteldidone', 'Piadena'), Unita: unita() }, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Comuni', cell: 'A3', severity: 'warning', value: 'Piadena', suggestion: 'Scrivere «Piadena Drizzona».' });
    // ANPR records the last day of the old comune; the message gives the day the merger took effect.
    expect(a!.message).toBe('«Piadena» (CR) non esiste più dal 01/01/2019: è confluito in Piadena Drizzona.');
  });

  test('the current comune is silent', () => {
    expect(anomaliesOf({ Comuni: comuni('Piadena Drizzona', 'Casteldidone'), Unita: unita() }, CODE)).toEqual([]);
  });
});
