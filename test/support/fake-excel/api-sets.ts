/**
 * The requirement set of every member of the Excel JavaScript API, read from Microsoft's own type
 * definitions (`@types/office-js`, the `[Api set: ExcelApi 1.N]` tag of each member's documentation).
 * The fake host refuses a member its version does not have, as Excel does; a static test checks that
 * every member the adapter uses above the manifest's ExcelApi 1.7 is guarded by that set.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { MemberSets, NOT_NUMBERED, minorOf, setterMinorOf } from './member-sets';

const TAG = /\[Api set: ([^\]]+)\]/;

export { memberMinor } from './member-sets';
export type { MemberSets } from './member-sets';

function docOf(node: ts.Node, text: string): string {
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  return ranges.map((r) => text.slice(r.pos, r.end)).join('\n');
}

let cached: MemberSets | null = null;

export function excelMemberSets(): MemberSets {
  if (cached) return cached;
  const file = require.resolve('@types/office-js/index.d.ts');
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const get: Record<string, number> = {};
  const set: Record<string, number> = {};
  const record = (name: string, doc: string) => {
    const tag = TAG.exec(doc)?.[1];
    if (!tag) return;
    const v = minorOf(tag);
    get[name] = Math.min(get[name] ?? NOT_NUMBERED, v);
    const s = setterMinorOf(tag);
    if (s !== null) set[name] = s;
  };
  for (const stmt of source.statements) {
    // Only the top-level `declare namespace Excel`, not Excel.Interfaces or other hosts.
    if (!ts.isModuleDeclaration(stmt) || stmt.name.text !== 'Excel' || !stmt.body || !ts.isModuleBlock(stmt.body)) continue;
    for (const decl of stmt.body.statements) {
      if (!ts.isClassDeclaration(decl) || !decl.name) continue;
      const cls = decl.name.text;
      record(cls, docOf(decl, text));
      for (const m of decl.members) {
        const name = m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : null;
        if (name) record(`${cls}.${name}`, docOf(m, text));
      }
    }
  }
  cached = { get, set };
  return cached;
}

