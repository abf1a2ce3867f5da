/**
 * The fake Office host of fake-office.ts, with the time the fake Excel spends answering recorded.
 * In real Excel the answers are computed out of the pane's process (Excel desktop, or Excel on the
 * web's own frame); here the fake server runs on the page's main thread, inside the same tasks as
 * Office.js and the pane. Its intervals (`window.__fakeExcelBusy`, performance.now() times) let the
 * browser test subtract its work from the main thread's long tasks and count only the pane's.
 */
import { ExcelServer } from '../support/fake-excel/server';
import './fake-office';

declare global {
  interface Window {
    __fakeExcelBusy: [number, number][];
  }
}

window.__fakeExcelBusy = [];
const handle = ExcelServer.prototype.handle;
ExcelServer.prototype.handle = function (this: ExcelServer, ...args: Parameters<ExcelServer['handle']>) {
  const t0 = performance.now();
  try {
    return handle.apply(this, args);
  } finally {
    window.__fakeExcelBusy.push([t0, performance.now()]);
  }
};
