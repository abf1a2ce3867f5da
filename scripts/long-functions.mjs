// Lists the functions of src/core longer than a limit (default 80 lines), longest first: issue 13's
// yardstick, `node scripts/long-functions.mjs [limit] [dir]`. Exit 1 when any is found.
import ts from 'typescript';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const limit = Number(process.argv[2] ?? 80);
const root = process.argv[3] ?? 'src/core';
const files = [];
const walk = (d) => {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.tsx?$/.test(f) && !f.endsWith('.generated.ts')) files.push(p);
  }
};
walk(root);
const long = [];
for (const file of files) {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (ts.isFunctionLike(node) && node.body) {
      const start = src.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = src.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > limit) {
        const name = node.name?.getText() ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText() : ts.isPropertyAssignment(node.parent) ? node.parent.name.getText() : '(anonima)');
        long.push({ where: `${relative('.', file)}:${start + 1}`, name, lines });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
}
long.sort((a, b) => b.lines - a.lines);
for (const l of long) console.log(`${String(l.lines).padStart(4)}  ${l.name}  ${l.where}`);
console.log(`${long.length} funzioni oltre ${limit} righe in ${root}`);
process.exit(long.length ? 1 : 0);
