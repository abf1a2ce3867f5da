import { CellValue } from '../../src/core/snapshot';
import { COMUNI, anomaliesOf, unita } from '../support/rules';

const CODE = 'CATEGORY_WITHOUT_MOTIVATION';
const comuniWith = (categoria: CellValue, motivazione: CellValue) => [COMUNI, ['Crema', '019035'], ['Castelleone', '019025', null, categoria, motivazione, null, 'Sì']];

describe('CATEGORY_WITHOUT_MOTIVATION', () => {
  test('a categoria aggiuntiva with no motivation: warning at the Motivazione cell', () => {
    const [a, ...rest] = anomaliesOf({ Comuni: comuniWith('Anziani soli', null), Unita: unita() }, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Comuni', cell: 'E3', severity: 'warning', value: 'Anziani soli' });
    expect(a!.message).toBe('Castelleone: la categoria aggiuntiva «Anziani soli» non ha una motivazione.');
    expect(a!.suggestion).toContain('motivazione riportata nella delibera');
  });

  test('without a Motivazione column the anomaly points at the category', () => {
    const comuni = [['Comune', 'Categoria aggiuntiva'], ['Castelleone', 'Giovani coppie']];
    expect(anomaliesOf({ Comuni: comuni, Unita: unita() }, CODE)).toMatchObject([{ cell: 'B2' }]);
  });

  test('a motivated category, or "No"/"nessuna"/blank, is silent', () => {
    expect(anomaliesOf({ Comuni: comuniWith('Anziani soli', 'Delibera G.C. 12/2023: popolazione anziana'), Unita: unita() }, CODE)).toEqual([]);
    for (const none of ['No', 'nessuna', '-', null]) expect(anomaliesOf({ Comuni: comuniWith(none, null), Unita: unita() }, CODE)).toEqual([]);
  });
});
