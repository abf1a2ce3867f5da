/** The rule catalogue users read is generated from the rule modules: the committed page must match. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueMarkdown } from '../../src/catalogue';
import { RULES } from '../../src/core/rules';

test('docs/regole.md is the catalogue generated from the rule modules (run `npm run catalogue`)', () => {
  expect(readFileSync(join(__dirname, '..', '..', 'docs', 'regole.md'), 'utf8')).toBe(catalogueMarkdown());
});

test('every rule of the spec has exactly one module, with an Italian title and explanation', () => {
  const codes = RULES.map((r) => r.code);
  expect(new Set(codes).size).toBe(codes.length);
  expect(codes.sort()).toEqual(
    [
      'SHEET_MISSING', 'HEADER_MISSING', 'HEADER_AMBIGUOUS', 'VALUE_REQUIRED', 'VALUE_NOT_NUMBER', 'VALUE_NOT_INTEGER', 'VALUE_NEGATIVE',
      'VALUE_AMBIGUOUS_NUMBER', 'VALUE_EXCEL_ERROR', 'INPUT_TOTAL_MISMATCH', 'UNIT_ID_MISSING', 'UNIT_ID_INVALID', 'UNIT_ID_DUPLICATE',
      'UNIT_ID_WITH_COUNT', 'UNIT_STATE_UNKNOWN', 'UNIT_STATE_NOT_ASSIGNABLE', 'UNIT_NOT_SAP', 'UNIT_WORKS_OVER_LIMIT', 'ENTE_UNKNOWN',
      'ENTE_NAME_VARIANT', 'ENTE_ALIAS', 'ENTE_DUPLICATE', 'ENTE_TOTAL_MISMATCH', 'ENTE_G_EXCEEDS_SAP', 'ENTE_G_DECLARED_MISMATCH',
      'ENTE_LATE', 'COMUNE_UNKNOWN', 'COMUNE_NAME_VARIANT', 'COMUNE_NOT_OFFICIAL', 'COMUNE_CEASED', 'COMUNE_NOT_SPECIFIED',
      'COMUNE_NO_RESPONSE', 'FFOO_OVER_LIMIT', 'INDIGENTI_OUT_OF_RANGE', 'CATEGORY_WITHOUT_MOTIVATION', 'SAT_EXCEEDS_G',
      'SAT_OVER_SHARE', 'ASSIGNED_BREAKDOWN_EXCEEDS',
      // Beyond the spec's list: a file saved without formula results (issue 9).
      'VALUE_FORMULA_NOT_COMPUTED',
      // The comparison with the previous year (issue 12).
      'PREV_K_VS_G', 'PREV_ENTE_RESPONSE', 'PREV_COMUNE_RESPONSE', 'PREV_UNIT_STILL_ASSIGNABLE', 'PREV_UNIT_MOVED', 'PREV_SAP_SWING',
      // A plan pasted section by section: its g table and the summaries of an owner's list (issue 14).
      'SECTION_G_DECLARED_MISMATCH', 'SECTION_LIST_MISMATCH',
    ].sort(),
  );
  for (const r of RULES) {
    expect(r.title.length).toBeGreaterThan(5);
    expect(r.description.length).toBeGreaterThan(40);
  }
});
