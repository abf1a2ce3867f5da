import { COMUNI, ENTI, anomaliesOf, unita } from '../support/rules';

const CODE = 'COMUNE_NO_RESPONSE';
const comuniSheet = (risposta: string) => [COMUNI, ['Crema', '019035', null, null, null, null, 'Sì'], ['Offanengo', '019062', null, null, null, null, risposta]];

describe('COMUNE_NO_RESPONSE', () => {
  test('a comune marked "No": warning at Comunicazione ricevuta', () => {
    const [a, ...rest] = anomaliesOf({ Comuni: comuniSheet('No'), Unita: unita() }, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Comuni', cell: 'G3', severity: 'warning', value: 'No' });
    expect(a!.message).toBe('Offanengo non ha inviato i dati per il piano.');
  });

  test('a comune with only ALER units must still answer', () => {
    const enti = [ENTI, ['ALER Brescia-Cremona-Mantova', 'ALER', 100, 100]];
    expect(anomaliesOf({ Comuni: comuniSheet('NO'), Enti: enti, Unita: unita() }, CODE)).toHaveLength(1);
  });

  test('not reported when Enti shows the comune owns no SAP unit', () => {
    const enti = [ENTI, ['Comune di Offanengo', 'Comune', 0, 0, 0, 0]];
    expect(anomaliesOf({ Comuni: comuniSheet('No'), Enti: enti, Unita: unita() }, CODE)).toEqual([]);
  });

  test('"Sì", "SI", "x" and a blank cell are not a "No"', () => {
    for (const answer of ['Sì', 'SI', 'x', '']) expect(anomaliesOf({ Comuni: comuniSheet(answer), Unita: unita() }, CODE)).toEqual([]);
  });
});
