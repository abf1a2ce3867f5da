// The browser tests drive Debian's Chromium (playwright's own browser download cannot work here):
// install it when missing, as root through apt, so that `npm test` works on a fresh machine.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    console.error(`Chromium non trovato in ${CHROMIUM}: installarlo con «sudo apt-get install -y chromium» (o indicare CHROMIUM_PATH).`);
    process.exit(1);
  }
  console.log('Installazione di Chromium (Debian) per i test nel browser…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
}
console.log(execSync(`${CHROMIUM} --version`).toString().trim());
