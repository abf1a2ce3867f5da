/** A fake AddinService (jest mocks) and a realistic check outcome: the real engine on Cremona 2023. */
import { EngineResult, check } from '../../src/core/engine';
import { buildPlanDocument } from '../../src/core/document';
import type { Readiness } from '../../src/core/scope';
import type { Report } from '../../src/core/report';
import type { AddinService, CheckOutcome, WorkbookStatus } from '../../src/taskpane/service';
import { planSnapshot } from '../support/workbooks';

let cremona: EngineResult | null = null;

/** The engine's result on the Cremona 2023 plan. Computed once. */
export function cremonaResult(): EngineResult {
  cremona ??= check(planSnapshot('cremona-2023'));
  return cremona;
}

/** The engine's report on the Cremona 2023 plan (g 262; one error, at Enti!G27). Computed once. */
export function cremonaReport(): Report {
  cremona ??= check(planSnapshot('cremona-2023'));
  return cremona.report;
}

/** Its readiness (scope "ambito", not ready: one error). */
export function cremonaReadiness(): Readiness {
  cremonaReport();
  return cremona!.readiness;
}

export function checkOutcome(overrides: Partial<CheckOutcome> = {}): CheckOutcome {
  return {
    report: cremonaReport(),
    readiness: cremonaReadiness(),
    sheets: ['Sezione g', 'Anomalie', 'Riepilogo'],
    highlightedCells: 80,
    highlightCapped: false,
    notedCells: 60,
    notices: [],
    ...overrides,
  };
}

/** A workbook with every standard sheet, some data, no results yet and no kept check. */
export function workbookStatus(overrides: Partial<WorkbookStatus> = {}): WorkbookStatus {
  return {
    standardPresent: ['Ambito', 'Comuni', 'Enti', 'Unita', 'SAT', 'Assegnazioni'],
    standardMissing: [],
    empty: false,
    hasResults: false,
    last: null,
    ...overrides,
  };
}

export type FakeService = jest.Mocked<AddinService>;

/** Every method a jest mock; `overrides` replaces the default behaviour of some. */
export function fakeService(overrides: Partial<AddinService> = {}): FakeService {
  const impl: AddinService = {
    inspect: async () => workbookStatus(),
    isCurrent: async () => true,
    planDocument: async () => buildPlanDocument(cremonaResult()),
    canDownload: true,
    createStandardSheets: async () => ({ created: [], existing: [] }),
    checkAndApply: async () => checkOutcome(),
    removeResults: async () => ({ removedSheets: [], removedMarks: 0, notices: [] }),
    selectCell: async () => undefined,
    ...overrides,
  };
  return {
    canDownload: impl.canDownload,
    planDocument: jest.fn(impl.planDocument),
    inspect: jest.fn(impl.inspect),
    isCurrent: jest.fn(impl.isCurrent),
    createStandardSheets: jest.fn(impl.createStandardSheets),
    checkAndApply: jest.fn(impl.checkAndApply),
    removeResults: jest.fn(impl.removeResults),
    selectCell: jest.fn(impl.selectCell),
  };
}

/** A promise the test settles when it wants: to look at the pane while an operation is running. */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
