/**
 * What Excel says, in any language: the add-in decides on the error code only (an Italian Excel
 * writes its messages in Italian), waits for a cell being edited instead of failing, and reads in
 * blocks when Excel answers null for a read too large.
 */
import { toUserFacingError } from '../../src/office/errors';
import { fakeHost } from '../support/fake-excel/host';
import { EXCEL_VERSIONS } from '../support/fake-excel/office-js';
import { bigPlan } from '../support/fake-excel/big';
import { checkedOnce, noProgress, planWorkbook } from './support';

describe.each(['it-IT', 'en-US'] as const)('Excel in %s', (locale) => {
  test('Excel refuses a write as protected (AccessDenied): the Italian explanation, decided by the code', async () => {
    const host = fakeHost(planWorkbook(), { locale });
    // A colleague protects a sheet in the very moment of the write (shared workbook on the web).
    host.server.faults.push({ when: (a) => a.type === 'SetProperty', code: 'AccessDenied' });
    const outcome = await host.service.checkAndApply(noProgress);
    expect(outcome.notices).toEqual([expect.objectContaining({ intent: 'error', message: expect.stringMatching(/foglio da aggiornare è protetto.*Rimuovi protezione foglio/) })]);
  });

  test('a protected sheet when removing results: what can be removed is, the sheet is named', async () => {
    const { data, host } = await checkedOnce({ locale });
    data.sheet('Unita')!.protected = true;
    const removed = await host.service.removeResults();
    expect(removed.notices.map((n) => n.message).join(' ')).toMatch(/«Unita» è protetto/);
    expect(data.sheet('Anomalie')).toBeUndefined();
    expect(host.server.log.filter((r) => r.failed)).toEqual([]);
  });

  test('cell-editing mode on an Excel that cannot wait: how to get out of it', async () => {
    const host = fakeHost(planWorkbook(), { locale, excelApi: EXCEL_VERSIONS.office2019 });
    host.editMode = true;
    await expect(host.service.checkAndApply(noProgress)).rejects.toMatchObject({ code: 'edit-mode', action: expect.stringMatching(/Invio o Esc/) });
  });
});

test('the code decides, never the words: a message that mentions protection with another code is not a protection error', () => {
  expect(toUserFacingError({ code: 'AccessDenied', message: "Non è possibile eseguire l'operazione richiesta." }).code).toBe('protected');
  expect(toUserFacingError({ code: 'GeneralException', message: 'The sheet is protected' }).code).toBe('unknown');
  expect(toUserFacingError({ code: 'ApiNotFound', message: "Impossibile trovare l'API" }).code).toBe('unsupported');
  expect(toUserFacingError({ code: 'InvalidOperationInCellEditMode', message: 'Excel è in modalità di modifica' }).code).toBe('edit-mode');
  expect(toUserFacingError({ code: 'RequestPayloadSizeLimitExceeded', message: '' }).code).toBe('too-large');
});

test('while the user edits a cell, the run waits for them (delayForCellEdit) instead of failing', async () => {
  const host = fakeHost(planWorkbook(), { excelApi: EXCEL_VERSIONS.microsoft365 });
  host.editMode = true;
  const outcome = await host.service.checkAndApply(noProgress);
  expect(outcome.report.totals.g).toBeGreaterThan(0);
  expect(host.server.log[0]!.delayed).toBe(true);
});

test('Excel answers null to a read above its cell limit: the sheet is read in blocks, with the same result', async () => {
  const limited = fakeHost(bigPlan(3_000), { maxReadCells: 4_000 });
  const free = fakeHost(bigPlan(3_000));
  const [a, b] = [await limited.service.checkAndApply(noProgress), await free.service.checkAndApply(noProgress)];
  expect(a.report).toEqual(b.report);
  expect(limited.runs[0]!.syncs).toBeGreaterThan(free.runs[0]!.syncs);
}, 60_000);
