import { CellValue } from '../../src/core/snapshot';
import { UNITA, anomaliesOf, run } from '../support/rules';

const CODE = 'HEADER_MISSING';
const withoutStato = UNITA.filter((h) => h !== 'Stato');

describe('HEADER_MISSING', () => {
  test('an Unita sheet without Stato: error at the header row listing the headers found', () => {
    const result = run({ Unita: [withoutStato, [3155521, null, 'Comune di Crema', 'Crema', 'SAP']] });
    const [a, ...rest] = anomaliesOf(result, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Unita', cell: 'A1', severity: 'error' });
    expect(a!.message).toContain('manca la colonna «Stato»');
    expect(a!.message).toContain('«ID unità», «Codice ente», «Ente proprietario»');
    expect(a!.suggestion).toContain('«Stato»');
    expect(result.report.sectionG).toEqual([]);
  });

  test('the header row below title rows is where the anomaly points', () => {
    const rows: CellValue[][] = [['Piano annuale 2024'], [], ['Ente proprietario', 'Comune', 'Numero unità'], ['Comune di Crema', 'Crema', 2]];
    const [a] = anomaliesOf({ Unita: rows }, CODE);
    expect(a).toMatchObject({ sheet: 'Unita', cell: 'A3' });
    expect(a!.message).toContain('«Stato»');
  });

  test('headers as pasted from the platform (other case, accents, synonyms) are found', () => {
    const header = ['ID Alloggio', "Codice alloggio dell'Ente", 'ENTE PROPRIETARIO', 'COMUNE', "STATO DELL'UNITA IMMOBILIARE"];
    const result = run({ Unita: [header, [3155521, 'BS1', 'Comune di Crema', 'Crema', 'LIBERO']] });
    expect(anomaliesOf(result, CODE)).toEqual([]);
    expect(result.report.totals.e).toBe(1);
  });

  test('a SAT sheet without its Unità SAT column is reported on that sheet', () => {
    const [a] = anomaliesOf({ Unita: [UNITA], SAT: [['Ente proprietario', 'Comune']] }, CODE);
    expect(a).toMatchObject({ sheet: 'SAT', cell: 'A1' });
    expect(a!.message).toContain('«Unità SAT»');
  });
});

test('Unita without a Comune column: required for the comuni\'s units (only ALER may leave it out)', () => {
  const sheets = { Unita: [['ID unità', 'Ente proprietario', 'Stato'], [1, 'Comune di Crema', 'Libero']] };
  const found = anomaliesOf(sheets, 'HEADER_MISSING');
  expect(found.map((a) => [a.sheet, a.cell, a.severity])).toEqual([['Unita', 'A1', 'error']]);
  expect(found[0]!.message).toMatch(/manca la colonna «Comune»/);
  expect(anomaliesOf({ Unita: [['Ente proprietario', 'Stato', 'Numero unità'], ['ALER Brescia-Cremona-Mantova', 'Turnover', 4]] }, 'HEADER_MISSING')).toEqual([]);
});
