/** The bundled example of `npm run demo` is the Cremona 2023 fixture, cell for cell. */
import { join } from 'node:path';
import { loadWorkbook, snapshotOfWorkbook } from '../support/exceljs';
import { planSnapshot } from '../support/workbooks';

test('esempi/piano-cremona-2023.xlsx holds the Cremona 2023 plan (regenerate: node scripts/make-example.mjs)', async () => {
  const example = snapshotOfWorkbook(await loadWorkbook(join(__dirname, '..', '..', 'esempi', 'piano-cremona-2023.xlsx')));
  const fixture = planSnapshot('cremona-2023');
  expect(example.sheets.map((s) => [s.name, s.values])).toEqual(fixture.sheets.map((s) => [s.name, s.values]));
});
