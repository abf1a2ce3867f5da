// `npm run demo`: the check on the bundled example (the Cremona 2023 plan), writing the annotated copy,
// the plan document (Word) and the JSON report to out/ and printing the summary. The plan has a real
// error (Pozzaglio ed Uniti declares 2 units and lists 3), so the verdict is "no" and the document a
// BOZZA: that is the expected outcome of the demo.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'build', 'cli.js');
// Always rebuilt (under a second): the demo shows the code as it is now.
execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
const { main } = createRequire(import.meta.url)(bundle);

const input = join(root, 'esempi', 'piano-cremona-2023.xlsx');
const outDir = join(root, 'out');
mkdirSync(outDir, { recursive: true });
const annotated = join(outDir, 'piano-cremona-2023-annotato.xlsx');
const json = join(outDir, 'piano-cremona-2023.json');
const docx = join(outDir, 'piano-cremona-2023.docx');
const rel = (p) => relative(process.cwd(), p) || p;

const code = await main(['check', rel(input), '--json', rel(json), '--out', rel(annotated), '--docx', rel(docx)]);
if (code === 2) process.exit(2);
console.log(`\nAprire ${rel(annotated)} in Excel: fogli Riepilogo, Sezione g e Anomalie; celle evidenziate con una nota nei fogli di input.`);
console.log(`Aprire ${rel(docx)} in Word o LibreOffice: il capitolo dei dati del piano (sezioni dalla a alla k), con l'avviso BOZZA e in fondo l'errore da correggere.`);
