/** The vendored ISTAT list: per-province counts as published, and the generated module in step with the CSVs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { comuniAttivi, comuniCessati, findCeased } from '../../src/core/reference/comuni';
import { NameResolver } from '../../src/core/names/resolver';

const root = join(__dirname, '..', '..');

test('1,502 active Lombard comuni with the published per-province counts', () => {
  const counts: Record<string, number> = {};
  for (const c of comuniAttivi()) counts[c.provincia] = (counts[c.provincia] ?? 0) + 1;
  expect(comuniAttivi()).toHaveLength(1502);
  expect(counts).toEqual({ BG: 243, BS: 205, PV: 185, CO: 147, VA: 136, MI: 133, CR: 113, LC: 84, SO: 77, MN: 64, LO: 60, MB: 55 });
});

test('the generated module matches the vendored CSVs line by line', () => {
  const csv = (f: string) => readFileSync(join(root, 'data/istat', f), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
  expect(comuniAttivi().map((c) => [c.istat, c.nome, c.provincia])).toEqual(csv('comuni-lombardia.csv').map((r) => [r[0], r[1], r[2]]));
  expect(comuniCessati().map((c) => [c.istat, c.nome, c.provincia, c.cessazione])).toEqual(csv('comuni-lombardia-cessati.csv'));
});

test('ceased comuni are found by name, whatever the case', () => {
  expect(findCeased('PIADENA')?.cessazione).toBe('2018-12-31');
  expect(findCeased('Piadena Drizzona')).toBeUndefined();
});

test('the official list resolves the misspellings the seeds print', () => {
  const official = new NameResolver(comuniAttivi().map((c) => c.nome));
  expect(official.resolve('Castelveverde')).toEqual({ kind: 'variant', name: 'Castelverde', how: 'spelling' });
  expect(official.resolve("PIEVE D'OLIMI")).toEqual({ kind: 'variant', name: "Pieve d'Olmi", how: 'spelling' });
  expect(official.resolve('gadesco pieve delmona')).toEqual({ kind: 'exact', name: 'Gadesco-Pieve Delmona' });
});
