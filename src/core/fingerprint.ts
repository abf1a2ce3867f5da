/**
 * A short digest of a report (two FNV-1a style hashes over its JSON, and its length): two readings of a
 * workbook that give the same report give the same fingerprint, so a kept result can be told current or
 * out of date. Kept apart from report.ts so that the pane can use it without loading zod.
 */
import type { Report } from './report';

export function reportFingerprint(report: Report): string {
  const text = JSON.stringify(report);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}-${text.length}`;
}
