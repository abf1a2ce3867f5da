/**
 * The last check as the add-in keeps it in the workbook's settings (shown again by a reopened pane),
 * prepared where the engine runs (the pane's worker): its JSON can be megabytes before it is trimmed.
 */
import type { CheckOutcome, SavedCheck } from '../taskpane/service';

export const LAST_CHECK_KEY = 'PianoOfferta.ultimoControllo';
/** Settings are small (Office allows about 2 MB per add-in): past this, the anomalies stay in «Anomalie» only. */
const MAX_SAVED_CHARS = 100_000;

/**
 * The outcome to keep. When its anomaly list is too large for the settings, the most serious come
 * first and the rest are only counted (every one of them is in the «Anomalie» sheet).
 */
export function savedCheck(withDocument: CheckOutcome, fingerprint: string, at: string): SavedCheck {
  // The document is built again when asked (planDocument): the settings keep what the pane shows.
  const { document: _document, ...outcome } = withDocument;
  const full: SavedCheck = { version: 1, at, fingerprint, outcome, omittedAnomalies: 0 };
  const size = JSON.stringify(full).length;
  if (size <= MAX_SAVED_CHARS) return full;
  const all = outcome.report.anomalies;
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const ordered = [...all].sort((a, b) => rank[a.severity] - rank[b.severity]);
  const listChars = JSON.stringify(all).length;
  const room = Math.max(0, MAX_SAVED_CHARS - (size - listChars));
  const kept = ordered.slice(0, Math.floor((all.length * room) / listChars));
  const report = { ...outcome.report, anomalies: kept };
  return { ...full, outcome: { ...outcome, report }, omittedAnomalies: all.length - kept.length };
}

