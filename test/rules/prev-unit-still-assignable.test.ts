import { compare, cremona, cremona2022Edits, edited, newIdsExcept, merge } from '../support/previous';

const CODE = 'PREV_UNIT_STILL_ASSIGNABLE';
const of = (r: ReturnType<typeof compare>) => r.anomalies.filter((a) => a.rule === CODE);

describe('PREV_UNIT_STILL_ASSIGNABLE', () => {
  test('the IDs kept from 2022: one info per owner, on every ID cell', () => {
    const cur = cremona();
    const found = of(compare(cur, edited(cur, cremona2022Edits(cur))));
    expect(found.map(({ severity, cells, message }) => ({ severity, cells, message }))).toEqual([
      { severity: 'info', cells: ['A2', 'A3', 'A4'], message: '3 unità di ALER Brescia-Cremona-Mantova erano già assegnabili nel piano 2022: Codice ID 3155521, 3155518 e 3155513.' },
      { severity: 'info', cells: ['A157'], message: "Un'unità di Comune di Annicco era già assegnabile nel piano 2022: Codice ID 9131412." },
    ]);
  });

  test('with 2022 and 2021: how many plans in a row', () => {
    const cur = cremona();
    const y2022 = edited(cur, merge(newIdsExcept(cur, [2, 3]), { Ambito: { B4: 2022 } }));
    const y2021 = edited(cur, merge(newIdsExcept(cur, [3]), { Ambito: { B4: 2021 } }));
    const found = of(compare(cur, y2022, y2021));
    expect(found.map(({ cells, message }) => ({ cells, message }))).toEqual([
      { cells: ['A2'], message: "Un'unità di ALER Brescia-Cremona-Mantova era già assegnabile nel piano 2022: Codice ID 3155521." },
      { cells: ['A3'], message: "Un'unità di ALER Brescia-Cremona-Mantova è assegnabile in 3 piani di fila (2021–2023): Codice ID 3155518." },
    ]);
  });

  test('a unit assigned last year is not "still" assignable', () => {
    const cur = cremona();
    const prev = edited(cur, merge(newIdsExcept(cur, [2]), { Ambito: { B4: 2022 }, Unita: { E2: 'Assegnato' } }));
    expect(of(compare(cur, prev))).toEqual([]);
  });
});
