import { CellValue } from '../../src/core/snapshot';
import { ENTI, anomaliesOf, comuni, unita } from '../support/rules';

const CODE = 'ENTE_LATE';
const sheets = (termine: CellValue, ricezione: CellValue) => ({
  Ambito: [['Campo', 'Valore'], ['Ambito territoriale', 'Cremasco'], ['Anno di riferimento', 2021], ['Termine comunicazioni', termine]],
  Comuni: comuni('Crema'),
  Enti: [ENTI, ['Comune di Crema', 'Comune', 10, 10, 0, 0, null, ricezione]],
  Unita: unita(),
});

describe('ENTE_LATE', () => {
  test('data received after the deadline: warning at Data ricezione with both dates', () => {
    const [a, ...rest] = anomaliesOf(sheets('08/03/2021', '15/03/2021'), CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Enti', cell: 'H2', severity: 'warning', value: '15/03/2021' });
    expect(a!.message).toBe('Comune di Crema: dati ricevuti il 15/03/2021, dopo il termine del 08/03/2021.');
  });

  test('Excel serial dates are compared as dates (44263 = 08/03/2021)', () => {
    expect(anomaliesOf(sheets(44263, 44264), CODE)).toMatchObject([{ value: '09/03/2021' }]);
    expect(anomaliesOf(sheets('08/03/2021', 44263), CODE)).toEqual([]);
  });

  test('on or before the deadline, or with no deadline set, is silent', () => {
    expect(anomaliesOf(sheets('08/03/2021', '08/03/2021'), CODE)).toEqual([]);
    expect(anomaliesOf(sheets('08/03/2021', '01/02/2021'), CODE)).toEqual([]);
    expect(anomaliesOf(sheets(null, '15/03/2021'), CODE)).toEqual([]);
  });
});
