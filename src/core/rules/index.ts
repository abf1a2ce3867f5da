/** The rule catalogue, in the order users read it (and the spec lists it). */
import assignedBreakdownExceeds from './assigned-breakdown-exceeds';
import categoryWithoutMotivation from './category-without-motivation';
import comuneCeased from './comune-ceased';
import comuneNameVariant from './comune-name-variant';
import comuneNoResponse from './comune-no-response';
import comuneNotOfficial from './comune-not-official';
import comuneNotSpecified from './comune-not-specified';
import comuneUnknown from './comune-unknown';
import enteAlias from './ente-alias';
import enteDuplicate from './ente-duplicate';
import enteGDeclaredMismatch from './ente-g-declared-mismatch';
import enteGExceedsSap from './ente-g-exceeds-sap';
import enteLate from './ente-late';
import enteNameVariant from './ente-name-variant';
import enteTotalMismatch from './ente-total-mismatch';
import enteUnknown from './ente-unknown';
import ffooOverLimit from './ffoo-over-limit';
import headerAmbiguous from './header-ambiguous';
import headerMissing from './header-missing';
import indigentiOutOfRange from './indigenti-out-of-range';
import inputTotalMismatch from './input-total-mismatch';
import prevComuneResponse from './prev-comune-response';
import prevEnteResponse from './prev-ente-response';
import prevKVsG from './prev-k-vs-g';
import prevSapSwing from './prev-sap-swing';
import prevUnitMoved from './prev-unit-moved';
import prevUnitStillAssignable from './prev-unit-still-assignable';
import { Rule } from './rule';
import satExceedsG from './sat-exceeds-g';
import satOverShare from './sat-over-share';
import sectionGDeclaredMismatch from './section-g-declared-mismatch';
import sectionListMismatch from './section-list-mismatch';
import sheetMissing from './sheet-missing';
import unitIdDuplicate from './unit-id-duplicate';
import unitIdInvalid from './unit-id-invalid';
import unitIdMissing from './unit-id-missing';
import unitIdWithCount from './unit-id-with-count';
import unitNotSap from './unit-not-sap';
import unitStateNotAssignable from './unit-state-not-assignable';
import unitStateUnknown from './unit-state-unknown';
import unitWorksOverLimit from './unit-works-over-limit';
import valueAmbiguousNumber from './value-ambiguous-number';
import valueExcelError from './value-excel-error';
import valueFormulaNotComputed from './value-formula-not-computed';
import valueNegative from './value-negative';
import valueNotInteger from './value-not-integer';
import valueNotNumber from './value-not-number';
import valueRequired from './value-required';

export const RULES: readonly Rule[] = [
  sheetMissing, headerMissing, headerAmbiguous,
  valueRequired, valueNotNumber, valueNotInteger, valueNegative, valueAmbiguousNumber, valueExcelError, valueFormulaNotComputed,
  inputTotalMismatch, sectionGDeclaredMismatch, sectionListMismatch,
  unitIdMissing, unitIdInvalid, unitIdDuplicate, unitIdWithCount,
  unitStateUnknown, unitStateNotAssignable, unitNotSap, unitWorksOverLimit,
  enteUnknown, enteNameVariant, enteAlias, enteDuplicate, enteTotalMismatch, enteGExceedsSap, enteGDeclaredMismatch, enteLate,
  comuneUnknown, comuneNameVariant, comuneNotOfficial, comuneCeased, comuneNotSpecified, comuneNoResponse,
  ffooOverLimit, indigentiOutOfRange, categoryWithoutMotivation,
  satExceedsG, satOverShare,
  assignedBreakdownExceeds,
  // The comparison with the previous year: silent unless previous years are given.
  prevKVsG, prevEnteResponse, prevComuneResponse, prevUnitStillAssignable, prevUnitMoved, prevSapSwing,
];

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}
