/**
 * Writes the bundled example (esempi/piano-cremona-2023.xlsx): the Cremona 2023 plan from the test
 * fixtures, typed as a person would type it in Excel. A test checks that the committed file still
 * matches the fixture. Run: node scripts/make-example.mjs.
 */
import { join } from 'node:path';
import { workbookFromRows, planCsv } from '../test/support/workbooks';

async function main(): Promise<void> {
  const out = join(__dirname, '..', '..', 'esempi', 'piano-cremona-2023.xlsx');
  const wb = workbookFromRows(planCsv('cremona-2023'));
  wb.creator = 'Piano Offerta';
  wb.created = new Date(Date.UTC(2022, 11, 1));
  wb.modified = wb.created;
  for (const ws of wb.worksheets) ws.columns.forEach((c, i) => (c.width = i < 4 ? 34 : 16));
  await wb.xlsx.writeFile(out);
  console.log(`Scritto ${out}`);
}

void main();
