import { SAT, anomaliesOf, comuni, unita } from '../support/rules';

const CODE = 'SAT_OVER_SHARE';
const sheets = (sat: number, g: number, ambito?: (string | number)[][]) => ({
  ...(ambito ? { Ambito: ambito } : {}),
  Comuni: comuni('Crema'),
  Unita: unita({ ente: 'Comune di Crema', comune: 'Crema', stato: 'Turnover', n: g }),
  SAT: [SAT, ['Comune di Crema', 'Crema', sat]],
});

describe('SAT_OVER_SHARE', () => {
  test('2 SAT of 10 assignable (20%) is above the default 10%: warning at the SAT count', () => {
    const [a, ...rest] = anomaliesOf(sheets(2, 10), CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'SAT', cell: 'C2', severity: 'warning', value: '2' });
    expect(a!.message).toBe('Comune di Crema: 2 unità destinate ai SAT su 10 assegnabili (20%), oltre la quota del 10%.');
  });

  test('1 SAT of 1 assignable: the singular reads as Italian', () => {
    expect(anomaliesOf(sheets(1, 1), CODE)[0]!.message).toBe('Comune di Crema: 1 unità destinata ai SAT su 1 assegnabile (100%), oltre la quota del 10%.');
  });

  test('exactly 10% is within the share', () => {
    expect(anomaliesOf(sheets(1, 10), CODE)).toEqual([]);
  });

  test('the share set in Ambito is used', () => {
    const ambito = [['Campo', 'Valore'], ['Quota massima SAT %', 25]];
    expect(anomaliesOf(sheets(2, 10, ambito), CODE)).toEqual([]);
    expect(anomaliesOf(sheets(3, 10, ambito), CODE)).toMatchObject([{ message: expect.stringContaining('(30%), oltre la quota del 25%') }]);
  });

  test('SAT above g is SAT_EXCEEDS_G only, not also a share warning', () => {
    expect(anomaliesOf(sheets(12, 10), CODE)).toEqual([]);
  });
});
