#!/usr/bin/env node
// Entry point of `npx piano-offerta`: the bundle `npm ci` builds (prepare); built now if missing.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');

const bundle = join(__dirname, '..', 'build', 'cli.js');
if (!existsSync(bundle)) {
  execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
}
const { main } = require(bundle);
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`Errore inatteso: ${err && err.message ? err.message : String(err)}\nSegnalare il problema allegando il file.\n`);
    process.exit(2);
  },
);
