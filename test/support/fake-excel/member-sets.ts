/**
 * The requirement-set table of the Excel API (built from @types/office-js by api-sets.ts, in Node),
 * as the fake server consults it: browser-safe, no Node imports.
 */
/** Per member, the minor version of ExcelApi 1.N it needs; NOT_NUMBERED for preview, online-only or desktop-only members. */
export interface MemberSets {
  /** "Range.getRanges" → 9; "Range" (the class itself) → 1. */
  get: Record<string, number>;
  /** Only where setting a property needs a later set than reading it ("1.1 for get, 1.8 for set"). */
  set: Record<string, number>;
}

/** Above every numbered set (and JSON-safe, unlike Infinity: the table goes to the browser too). */
export const NOT_NUMBERED = 999;

/** "ExcelApi 1.10 for string, 1.11 for …" → 10; "ExcelApiOnline 1.1" → NOT_NUMBERED. */
export function minorOf(tag: string): number {
  const m = /^ExcelApi (\d+)\.(\d+)/.exec(tag.trim());
  if (!m) return NOT_NUMBERED;
  return Number(m[1]) === 1 ? Number(m[2]) : NOT_NUMBERED;
}

/** "1.1 for get, 1.8 for set" / "1.1 for getting the name; 1.4 for setting it" → 8 / 4. */
export function setterMinorOf(tag: string): number | null {
  const m = /1\.(\d+) for set/.exec(tag);
  return m ? Number(m[1]) : null;
}

/** The set a member needs, falling back to its class's; undefined when the types do not know it. */
export function memberMinor(sets: MemberSets, cls: string, member: string, setting = false): number | undefined {
  const k = `${cls}.${member}`;
  if (setting && sets.set[k] !== undefined) return sets.set[k];
  return sets.get[k] ?? sets.get[cls];
}
