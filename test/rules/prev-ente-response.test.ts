import { compare, cremona, cremona2022Edits, edited } from '../support/previous';
import { snapshot } from '../support/workbooks';
import { ENTI, unita } from '../support/rules';

const CODE = 'PREV_ENTE_RESPONSE';
const of = (r: ReturnType<typeof compare>) => r.anomalies.filter((a) => a.rule === CODE);

describe('PREV_ENTE_RESPONSE', () => {
  test('Cremona 2023 against a 2022 where Cappella de\' Picenardi answered: warning at its Enti row', () => {
    const cur = cremona();
    const found = of(compare(cur, edited(cur, cremona2022Edits(cur))));
    expect(found).toEqual([expect.objectContaining({
      severity: 'warning', sheet: 'Enti', cell: 'A6', cells: ['A6'],
      message: "Comune di Cappella de' Picenardi aveva inviato i dati per il piano 2022, ma non per il piano 2023.",
    })]);
  });

  test('an owner answering this year and not last year: info at its first cell', () => {
    const year = (anno: number, units: Parameters<typeof unita>) => snapshot({
      Ambito: [['Campo', 'Valore'], ['Anno di riferimento', anno]],
      Enti: [ENTI, ['Comune di Crema', 'Comune', 10, 10], ['Comune di Offanengo', 'Comune', 5, 5]],
      Unita: unita(...units),
    });
    const found = of(compare(
      year(2023, [{ id: 1, ente: 'Comune di Crema', comune: 'Crema', stato: 'Libero' }, { id: 2, ente: 'Comune di Offanengo', comune: 'Offanengo', stato: 'Libero' }]),
      year(2022, [{ id: 1, ente: 'Comune di Crema', comune: 'Crema', stato: 'Libero' }]),
    ));
    expect(found).toEqual([expect.objectContaining({ severity: 'info', sheet: 'Enti', cell: 'A3', message: 'Comune di Offanengo invia i dati per il piano 2023, ma non li aveva inviati per il piano 2022.' })]);
  });

  test('nothing without a previous year, nothing on an unchanged copy', () => {
    const cur = cremona();
    expect(of(compare(cur))).toEqual([]);
    expect(of(compare(cur, edited(cur, { Ambito: { B4: 2022 } })))).toEqual([]);
  });
});
