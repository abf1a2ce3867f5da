import { anomaliesOf } from '../support/rules';

const CODE = 'SECTION_G_DECLARED_MISMATCH';
const B = "b) Unità abitative destinate a SAP in carenza manutentiva assegnabili nello stato di fatto nel corso dell'anno";
const E = "e) Unità abitative destinate a SAP libere e che si libereranno nel corso dell'anno per effetto del normale avvicendamento";
const G = "g) Numero complessivo delle unità abitative destinate a SAP che prevedibilmente saranno assegnabili nell'anno (somma del numero delle unità abitative indicate alle lettere da b ad f)";
const HEAD = ['Ragione Sociale Ente Proprietario', 'Comune', 'Numero unità immobiliari'];
/** A paste: b) and e) for two owners, then the g table as the document prints it. */
const paste = (g: (string | number | null)[][]) => ({
  Piano: [
    [B], HEAD, ['ALER Brescia-Cremona-Mantova', 'Crema', 2], ['Comune di Crema', 'Crema', 4], [],
    [E], HEAD, ['ALER Brescia-Cremona-Mantova', '-', 3], ['Comune di Crema', 'Crema', 1], [],
    [G], HEAD, ...g,
  ],
});

describe('SECTION_G_DECLARED_MISMATCH', () => {
  test('a g table that agrees (an owner with "-" for its comune is its total over all comuni) is silent, and never counted', () => {
    const result = anomaliesOf(paste([['ALER Brescia-Cremona-Mantova', '-', 5], ['Comune di Crema', 'Crema', 5], ['Totale', null, 10]]), CODE);
    expect(result).toEqual([]);
  });

  test('a row and the total that disagree: errors at the g table\'s cells, with the computed figure', () => {
    const found = anomaliesOf(paste([['ALER Brescia-Cremona-Mantova', '-', 5], ['Comune di Crema', 'Crema', 4], ['Totale', null, 9]]), CODE);
    expect(found.map((a) => [a.sheet, a.cell, a.value])).toEqual([['Piano', 'C14', '4'], ['Piano', 'C15', '9']]);
    expect(found[0]!.message).toBe('La tabella dei totali indica 4 unità per Comune di Crema; dalle sue righe nelle tabelle delle sezioni b–f risultano 5.');
    expect(found[1]!.message).toBe('La tabella dei totali indica in tutto 9 unità assegnabili; dalle tabelle delle sezioni b–f risultano 10.');
    expect(found[1]!.suggestion).toBe('Scrivere 10 nella tabella dei totali, oppure correggere le righe delle tabelle b–f.');
  });

  test('a g figure that is not a number is said so (VALUE_NOT_NUMBER), not compared', () => {
    const result = paste([['Comune di Crema', 'Crema', '1 + 4da turn over']]);
    expect(anomaliesOf(result, CODE)).toEqual([]);
    expect(anomaliesOf(result, 'VALUE_NOT_NUMBER').map((a) => a.cell)).toEqual(['C13']);
  });
});

test('an owner with a unit whose comune is not recognised: its per-comune totals are not compared until the name is fixed', () => {
  // «Crena» for Crema in b): COMUNE_UNKNOWN says where; the g table's «Crema 5» would otherwise be «0».
  const sheets = {
    Piano: [
      [B], HEAD, ['Comune di Crema', 'Crenaxx', 4], [],
      [G], HEAD, ['Comune di Crema', 'Crema', 4],
    ],
  };
  expect(anomaliesOf(sheets, CODE)).toEqual([]);
  expect(anomaliesOf(sheets, 'COMUNE_UNKNOWN').map((a) => a.cell)).toEqual(['B3']);
});
