// Bundles the command line (and the benchmark) for Node with esbuild: runs at `npm ci` (prepare), so
// `npx piano-offerta` works right after install with no separate build step.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: { cli: join(root, 'src/cli/main.ts'), bench: join(root, 'scripts/bench.ts') },
  outdir: join(root, 'build'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
