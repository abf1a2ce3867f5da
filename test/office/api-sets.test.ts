/**
 * Every Office API member the adapter uses, held against its requirement set in Microsoft's type
 * definitions (`[Api set: ExcelApi 1.N]` in @types/office-js): above the manifest's ExcelApi 1.7 a
 * use must sit under the capability that checks that set. And the add-in, run on the Excel versions
 * users have, never asks for a member its Excel lacks (the fake host refuses them as Excel does).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { CAPABILITY_SETS } from '../../src/office/capabilities';
import { excelMemberSets, memberMinor } from '../support/fake-excel/api-sets';
import { fakeHost } from '../support/fake-excel/host';
import { EXCEL_VERSIONS } from '../support/fake-excel/office-js';
import { noProgress, planWorkbook } from './support';

const MANIFEST_MINOR = 7;
const OFFICE_DIR = join(__dirname, '..', '..', 'src', 'office');

interface Use {
  member: string;
  minor: number;
  where: string;
  guardedBy: number | null;
}

/** The capability tested by a condition (`caps.notes`, `!caps.notes` does not count), if any. */
function capabilityIn(expr: ts.Expression, source: ts.SourceFile): number | null {
  const text = expr.getText(source);
  let best: number | null = null;
  for (const [name, minor] of Object.entries(CAPABILITY_SETS)) {
    if (new RegExp(`(?<!!)\\bcaps\\.${name}\\b`).test(text)) best = Math.max(best ?? 0, minor);
  }
  return best;
}

/** The strongest capability guarding a node: an if/&&/?: whose true branch contains it. */
function guardOf(node: ts.Node, source: ts.SourceFile): number | null {
  let best: number | null = null;
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    let cond: ts.Expression | null = null;
    if (ts.isIfStatement(parent) && parent.thenStatement === child) cond = parent.expression;
    else if (ts.isConditionalExpression(parent) && parent.whenTrue === child) cond = parent.condition;
    else if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.right === child) cond = parent.left;
    if (cond) {
      const g = capabilityIn(cond, source);
      if (g !== null) best = Math.max(best ?? 0, g);
    }
  }
  return best;
}

/** The Excel class a type is (Excel.Range → "Range"), when it is one of @types/office-js. */
function excelClassOf(type: ts.Type): string | null {
  const decl = (type.getSymbol() ?? type.aliasSymbol)?.declarations?.[0];
  if (!decl || !ts.isClassDeclaration(decl) || !decl.name || !decl.getSourceFile().fileName.includes('@types/office-js')) return null;
  const ns = decl.parent.parent;
  return ts.isModuleDeclaration(ns) && ns.name.text === 'Excel' ? decl.name.text : null;
}

function officeMemberUses(): Use[] {
  const files = readdirSync(OFFICE_DIR).filter((f) => f.endsWith('.ts')).map((f) => join(OFFICE_DIR, f));
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Preserve, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, types: ['office-js'], skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const sets = excelMemberSets();
  const uses: Use[] = [];
  for (const source of program.getSourceFiles()) {
    if (!files.includes(source.fileName)) continue;
    const visit = (node: ts.Node) => {
      // Members named in load strings ("items/customOrNullObject/rule/formula") are members used too.
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'load') {
        const arg = node.arguments[0];
        if (arg && ts.isStringLiteral(arg)) {
          for (const path of arg.text.split(',').map((p) => p.trim()).filter(Boolean)) {
            let type = checker.getTypeAtLocation(node.expression.expression);
            for (const segment of path.split('/')) {
              const cls = excelClassOf(type);
              if (!cls) break;
              const prop = checker.getPropertyOfType(type, segment);
              if (!prop) break;
              const propType = checker.getTypeOfSymbolAtLocation(prop, node);
              if (segment === 'items') {
                type = checker.getIndexTypeOfType(propType, ts.IndexKind.Number) ?? propType;
                continue;
              }
              const { line } = source.getLineAndCharacterOfPosition(node.getStart());
              uses.push({ member: `${cls}.${segment}`, minor: memberMinor(sets, cls, segment) ?? 1, where: `${source.fileName.split('/src/')[1]}:${line + 1} (load)`, guardedBy: guardOf(node, source) });
              type = propType;
            }
          }
        }
      }
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        const decl = symbol?.declarations?.[0];
        const cls = decl?.parent;
        if (decl && cls && ts.isClassDeclaration(cls) && cls.name && decl.getSourceFile().fileName.includes('@types/office-js')) {
          const isExcel = ts.isModuleBlock(cls.parent) && ts.isModuleDeclaration(cls.parent.parent) && cls.parent.parent.name.text === 'Excel';
          if (isExcel) {
            const member = `${cls.name.text}.${node.name.text}`;
            const setting = ts.isBinaryExpression(node.parent) && node.parent.left === node && node.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
            const minor = memberMinor(sets, cls.name.text, node.name.text, setting) ?? 1;
            const { line } = source.getLineAndCharacterOfPosition(node.getStart());
            uses.push({ member, minor, where: `${source.fileName.split('/src/')[1]}:${line + 1}`, guardedBy: guardOf(node, source) });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

describe('requirement sets, from Microsoft\'s type definitions', () => {
  const uses = officeMemberUses();

  test('the adapter\'s Office API uses are found (the scan sees them, in code and in load strings)', () => {
    expect(uses.length).toBeGreaterThan(40);
    expect(uses.filter((u) => u.where.endsWith('(load)')).map((u) => u.member)).toEqual(expect.arrayContaining(['ConditionalFormat.customOrNullObject', 'CustomConditionalFormat.rule', 'ConditionalFormatRule.formula', 'Table.worksheet', 'Note.content', 'Comment.id']));
    expect(uses.map((u) => u.member)).toEqual(
      expect.arrayContaining(['Worksheet.getUsedRangeOrNullObject', 'Range.values', 'ConditionalFormatCollection.add', 'ConditionalFormat.customOrNullObject', 'ConditionalFormatRule.formula', 'Note.content', 'Table.worksheet']),
    );
  });

  test('every member above ExcelApi 1.7 is used only under the capability of its set', () => {
    const unguarded = uses.filter((u) => u.minor > MANIFEST_MINOR && (u.guardedBy === null || u.guardedBy < u.minor));
    expect(unguarded.map((u) => `${u.where} ${u.member} needs ExcelApi 1.${u.minor}, guarded by ${u.guardedBy === null ? 'nothing' : `1.${u.guardedBy}`}`)).toEqual([]);
  });

  test('each capability checks the set it is named for', () => {
    const sets = excelMemberSets();
    expect(CAPABILITY_SETS.notes).toBe(memberMinor(sets, 'Workbook', 'notes'));
    expect(CAPABILITY_SETS.rangeAreas).toBe(memberMinor(sets, 'Worksheet', 'getRanges'));
    expect(CAPABILITY_SETS.comments).toBe(memberMinor(sets, 'Workbook', 'comments'));
    expect(CAPABILITY_SETS.validation).toBe(memberMinor(sets, 'Range', 'dataValidation'));
  });
});

describe.each(Object.entries({ ...EXCEL_VERSIONS, excelApi8: 8, excelApi9: 9, excelApi10: 10, excelApi13: 13, excelApi18: 18 }))('on %s', (_name, minor) => {
  test('check, a second check, "Rimuovi risultati" and "Crea fogli standard": no member Excel lacks', async () => {
    const data = planWorkbook();
    const host = fakeHost(data, { excelApi: minor });
    await host.service.checkAndApply(noProgress);
    await host.service.checkAndApply(noProgress);
    await host.service.removeResults();
    await host.service.createStandardSheets({});
    expect(host.server.log.filter((r) => r.failed)).toEqual([]);
  });
});
