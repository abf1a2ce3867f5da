/**
 * The value readers, fed what people really type into the standard workbook (spec, "The standard
 * workbook": numbers stored as text, `1.028` for 1028 in a count, `10%` or a percent-formatted 0.1,
 * `Sì`/`SI`/`si`/`X`, dates as serials or dd/mm/yyyy, leading apostrophes, trailing spaces).
 */
import { CellValue } from '../../src/core/snapshot';
import {
  ValueProblem,
  isBlank,
  isoDateToSerial,
  italianDate,
  readDate,
  readNumber,
  readPercent,
  readText,
  readYesNo,
  serialToIsoDate,
  shownValue,
} from '../../src/core/reading/values';

/** What a reader should give: the value, and the problem (absent when none). */
type Expect<T> = [T | null, ValueProblem?];

function outcome<T>(r: { value: T | null; problem?: ValueProblem }): Expect<T> {
  return r.problem === undefined ? [r.value] : [r.value, r.problem];
}

/** `[input, expected]` rows; the label shows the input exactly, quotes and spaces included. */
function rows<T>(table: [CellValue, Expect<T>][]): [string, CellValue, Expect<T>][] {
  return table.map(([v, e]) => [JSON.stringify(v), v, e]);
}

describe('readNumber as a count (Numero unità, Unità SAP, Unità SAT, …)', () => {
  test.each(
    rows<number>([
      // numbers typed as numbers
      [12, [12]],
      [0, [0]],
      [1028, [1028]],
      // numbers stored as text, with the spaces and apostrophes people leave
      ['12', [12]],
      [' 12 ', [12]],
      ["'12", [12]],
      ['12\u00a0', [12]],
      ['+12', [12]],
      ['1 028', [1028]],
      // Italian thousands: read as a thousand and more, but flagged (it could be a decimal typed by mistake)
      ['1.028', [1028, 'ambiguous-number']],
      ['1.006', [1006, 'ambiguous-number']],
      ['1.234.567', [1234567, 'ambiguous-number']],
      ["'1.028", [1028, 'ambiguous-number']],
      // a pasted "1.006" that Excel stored as the decimal 1.006
      [1.006, [1006, 'ambiguous-number']],
      // decimals where a whole count belongs
      [2.5, [null, 'not-integer']],
      [1.25, [null, 'not-integer']],
      ['2.5', [null, 'not-integer']],
      ['10,5', [null, 'not-integer']],
      ['1.234,5', [null, 'not-integer']],
      // text in a count: the seeds' own examples
      ['1 + 5da turn over', [null, 'not-number']],
      ['29 di cui 7 per altri usi abitativi', [null, 'not-number']],
      ['non comunicato', [null, 'not-number']],
      ['12 alloggi', [null, 'not-number']],
      ['1e3', [null, 'not-number']],
      [true, [null, 'not-number']],
      [Number.NaN, [null, 'not-number']],
      [Number.POSITIVE_INFINITY, [null, 'not-number']],
      // beyond any real count (summed, such figures would leave the safe integers of the report)
      [1e9, [1e9]],
      [1e9 + 1, [null, 'not-number']],
      [2 ** 53, [null, 'not-number']],
      [1e21, [null, 'not-number']],
      ['99999999999', [null, 'not-number']],
      // negatives
      [-3, [null, 'negative']],
      ['-3', [null, 'negative']],
      ['-1.028', [null, 'negative']],
      // Excel errors
      ['#N/A', [null, 'excel-error']],
      ['#REF!', [null, 'excel-error']],
      ['#VALUE!', [null, 'excel-error']],
      ['#DIV/0!', [null, 'excel-error']],
      // blank: no value and no problem (blank Numero unità means 1, decided by the plan reader)
      [null, [null]],
      ['', [null]],
      ['   ', [null]],
      ["'", [null]],
    ]),
  )('%s', (_label, input, expected) => {
    expect(outcome(readNumber(input, { count: true }))).toEqual(expected);
  });
});

describe('readNumber as an amount (Costo lavori €, Anno)', () => {
  test.each(
    rows<number>([
      [8000, [8000]],
      [7999.99, [7999.99]],
      ['8000', [8000]],
      // in euros "8.500" is plainly 8500: no ambiguity to report
      ['8.500', [8500]],
      ['1.028', [1028]],
      ['1.234,5', [1234.5]],
      ['10,5', [10.5]],
      ['12.5', [12.5]],
      ['€ 8.500', [8500]],
      ['8.500 €', [8500]],
      ['8.500,00', [8500]],
      ['2019', [2019]],
      [9e15, [9e15]],
      [2 ** 53, [null, 'not-number']],
      [1e21, [null, 'not-number']],
      ['circa 8000', [null, 'not-number']],
      ['-100', [null, 'negative']],
      [-0.5, [null, 'negative']],
      ['#N/A', [null, 'excel-error']],
      [null, [null]],
    ]),
  )('%s', (_label, input, expected) => {
    expect(outcome(readNumber(input))).toEqual(expected);
  });
});

describe('readNumber keeps what the cell showed when there is a problem, for messages', () => {
  test.each([
    ['1.028', '1.028'],
    ['1 + 5da turn over', '1 + 5da turn over'],
    [2.5, '2.5'],
    ['-3', '-3'],
    ['#N/A', '#N/A'],
    [true, 'VERO'],
  ] as [CellValue, string][])('%j shows %j', (input, shown) => {
    expect(readNumber(input, { count: true }).shown).toBe(shown);
  });
});

describe('readPercent: percent points', () => {
  test.each(
    (
      [
        // [value, number format, displayed text, expected]
        [10, null, null, [10]],
        [0, null, null, [0]],
        ['10', null, null, [10]],
        ['10%', null, null, [10]],
        [' 10 % ', null, null, [10]],
        ['10,5', null, null, [10.5]],
        ['10,5%', null, null, [10.5]],
        ['10.5', null, null, [10.5]],
        // a percent-formatted cell holds the fraction
        [0.1, '0%', null, [10]],
        [0.105, '0.0%', null, [10.5]],
        [0.07, '0.00%', null, [7]],
        [0.1, null, '10%', [10]],
        [0, '0%', null, [0]],
        // without a percent format a number is already in points
        [0.1, 'General', null, [0.1]],
        [25, null, null, [25]],
        ['dieci', null, null, [null, 'not-number']],
        ['10 per cento', null, null, [null, 'not-number']],
        [false, null, null, [null, 'not-number']],
        [-5, null, null, [null, 'negative']],
        ['-5%', null, null, [null, 'negative']],
        [-0.05, '0%', null, [null, 'negative']],
        ['#N/A', null, null, [null, 'excel-error']],
        ['#REF!', '0%', null, [null, 'excel-error']],
        [null, '0%', null, [null]],
        ['', null, null, [null]],
      ] as [CellValue, string | null, string | null, Expect<number>][]
    ).map(([v, f, t, e]) => [`${JSON.stringify(v)} format ${JSON.stringify(f)} text ${JSON.stringify(t)}`, v, f, t, e] as const),
  )('%s', (_label, value, format, text, expected) => {
    expect(outcome(readPercent(value, format, text))).toEqual(expected);
  });
});

describe('readYesNo (Comunicazione ricevuta)', () => {
  test.each(
    rows<boolean>([
      ['Sì', [true]],
      ['SI', [true]],
      ['si', [true]],
      ['SÌ', [true]],
      ['sì ', [true]],
      ["'Sì", [true]],
      ['X', [true]],
      ['x', [true]],
      ['Ricevuta', [true]],
      [true, [true]],
      [1, [true]],
      ['No', [false]],
      ['NO', [false]],
      ['no ', [false]],
      [false, [false]],
      [0, [false]],
      ['Non ricevuta', [false]],
      [null, [null]],
      ['', [null]],
      ['  ', [null]],
      // unreadable: null, no value problem (the text is kept in `shown`)
      ['forse', [null]],
      ['#N/A', [null, 'excel-error']],
    ]),
  )('%s', (_label, input, expected) => {
    expect(outcome(readYesNo(input))).toEqual(expected);
  });
});

describe('readDate (Data ricezione, Termine comunicazioni)', () => {
  test.each(
    rows<string>([
      // Excel serials (1900 date system)
      [44263, ['2021-03-08']],
      [44263.75, ['2021-03-08']], // a time of day does not move the date
      [25569, ['1970-01-01']],
      [44927, ['2023-01-01']],
      // text as Italians type it
      ['08/03/2021', ['2021-03-08']],
      ['8/3/2021', ['2021-03-08']],
      ['17-10-2022', ['2022-10-17']],
      ['17.10.2022', ['2022-10-17']],
      ['08/03/21', ['2021-03-08']],
      [' 08/03/2021 ', ['2021-03-08']],
      ["'08/03/2021", ['2021-03-08']],
      ['2021-03-08', ['2021-03-08']],
      // not a date
      ['31/02/2021', [null, 'not-date']],
      ['29/02/2021', [null, 'not-date']],
      ['32/01/2021', [null, 'not-date']],
      ['08/13/2021', [null, 'not-date']],
      ['2021-02-30', [null, 'not-date']],
      ['marzo 2021', [null, 'not-date']],
      ['entro il 31', [null, 'not-date']],
      [-1, [null, 'not-date']],
      [0, [null, 'not-date']],
      [true, [null, 'not-date']],
      ['#N/A', [null, 'excel-error']],
      ['#REF!', [null, 'excel-error']],
      [null, [null]],
      ['', [null]],
    ]),
  )('%s', (_label, input, expected) => {
    expect(outcome(readDate(input))).toEqual(expected);
  });

  test('leap day is a date', () => {
    expect(outcome(readDate('29/02/2024'))).toEqual(['2024-02-29']);
  });

  test.each(['2019-12-31', '2021-03-08', '2023-01-01', '2024-02-29'])('serial ↔ ISO round trip for %s', (iso) => {
    const serial = isoDateToSerial(iso);
    expect(Number.isInteger(serial)).toBe(true);
    expect(serialToIsoDate(serial)).toBe(iso);
    expect(outcome(readDate(serial))).toEqual([iso]);
  });

  test('italianDate writes dd/mm/yyyy', () => {
    expect(italianDate('2021-03-08')).toBe('08/03/2021');
  });
});

describe('readText (names, codes, IDs)', () => {
  test.each(
    rows<string>([
      ['Crema', ['Crema']],
      ['  Vaiano   Cremasco ', ['Vaiano Cremasco']],
      ['Vaiano\u00a0Cremasco', ['Vaiano Cremasco']],
      ["'BS151846", ['BS151846']],
      ["Corte de' Frati", ["Corte de' Frati"]],
      [3155982, ['3155982']],
      [true, ['VERO']],
      [Number.NaN, [null]],
      [null, [null]],
      ['', [null]],
      ['   ', [null]],
      ["'", [null]],
    ]),
  )('%s', (_label, input, expected) => {
    expect([readText(input)]).toEqual(expected);
  });
});

describe('isBlank and shownValue', () => {
  test.each([
    [null, true],
    ['', true],
    ['   ', true],
    ['\u00a0', true],
    [0, false],
    [false, false],
    ['0', false],
    ['#N/A', false],
  ] as [CellValue, boolean][])('isBlank(%j) is %j', (v, blank) => {
    expect(isBlank(v)).toBe(blank);
  });

  test('shownValue prefers the displayed text, else the value as Excel would say it', () => {
    expect(shownValue(0.1, '10%')).toBe('10%');
    expect(shownValue(0.1, null)).toBe('0.1');
    expect(shownValue(true)).toBe('VERO');
    expect(shownValue(false)).toBe('FALSO');
    expect(shownValue(null)).toBe('');
  });
});
