/**
 * What the pane needs to know when it opens, before any check: which standard sheets are there,
 * whether the workbook holds anything at all, whether Piano Offerta's results are in it, and the
 * last check's outcome, kept in the add-in's settings so that a reopened pane shows it again.
 * Two syncs, whatever the workbook's size: no values are read but the output sheets' first cell.
 */
import { SheetKind, TABLE_ORDER } from '../core/reading/schema';
import { sheetKindByName } from '../core/reading/table';
import { isOurOutput } from '../core/output/signature';
import type { SavedCheck, WorkbookStatus } from '../taskpane/service';
import { LAST_CHECK_KEY } from './kept-check';
import { isOutputName } from './read';
import { LEGACY_STATE_SHEET, STATE_KEY, decodeState } from './state';

export { LAST_CHECK_KEY } from './kept-check';

const STANDARD: SheetKind[] = ['Ambito', ...TABLE_ORDER];

export function decodeSavedCheck(value: unknown): SavedCheck | null {
  const v = value as Partial<SavedCheck> | null;
  if (!v || v.version !== 1 || typeof v.at !== 'string' || typeof v.fingerprint !== 'string') return null;
  const o = v.outcome;
  if (!o || typeof o !== 'object' || !o.report || !Array.isArray(o.report.anomalies) || !o.readiness) return null;
  return { version: 1, at: v.at, fingerprint: v.fingerprint, outcome: o, omittedAnomalies: typeof v.omittedAnomalies === 'number' ? v.omittedAnomalies : 0 };
}

export async function inspectWorkbook(context: Excel.RequestContext): Promise<WorkbookStatus> {
  const wb = context.workbook;
  wb.worksheets.load('items/name');
  const state = wb.settings.getItemOrNullObject(STATE_KEY).load('value');
  const last = wb.settings.getItemOrNullObject(LAST_CHECK_KEY).load('value');
  await context.sync();
  const names = wb.worksheets.items.map((s) => s.name).filter((n) => n !== LEGACY_STATE_SHEET);
  const inputs = names.filter((n) => !isOutputName(n)).map((name) => ({ name, used: wb.worksheets.getItem(name).getUsedRangeOrNullObject(true).load('rowCount') }));
  const outputs = names.filter(isOutputName).map((name) => ({ name, a1: wb.worksheets.getItem(name).getRange('A1').load('values') }));
  await context.sync();

  const present = new Map<SheetKind, string>();
  for (const { name } of inputs) {
    const kind = sheetKindByName(name);
    if (kind && !present.has(kind)) present.set(kind, name);
  }
  const decoded = state.isNullObject ? null : decodeState(state.value);
  const saved = last.isNullObject ? null : decodeSavedCheck(last.value);
  const ourOutputs = outputs.filter(({ a1 }) => isOurOutput(String(a1.values[0]?.[0] ?? ''))).map(({ name }) => name);
  return {
    standardPresent: STANDARD.filter((k) => present.has(k)).map((k) => present.get(k)!),
    standardMissing: STANDARD.filter((k) => !present.has(k)),
    empty: inputs.every(({ used }) => used.isNullObject),
    hasResults: ourOutputs.length > 0 || (decoded !== null && (Object.keys(decoded.columns).length > 0 || decoded.notes > 0)),
    last: saved,
  };
}
