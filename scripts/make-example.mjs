// Regenerates esempi/piano-cremona-2023.xlsx from the test fixtures (see make-example.ts). The bundle is
// placed beside test/support so that the fixture paths resolve as they do in the tests.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'test', 'support', '.make-example.cjs');
await build({ entryPoints: [join(root, 'scripts/make-example.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'warning' });
try {
  execFileSync(process.execPath, [outfile], { stdio: 'inherit' });
} finally {
  rmSync(outfile, { force: true });
}
