/**
 * What this Excel can do beyond the manifest's ExcelApi 1.7, each capability named for the one
 * requirement set it checks. Every use of a newer API member sits under `if (caps.<name>)`: a test
 * reads each member's set in Microsoft's type definitions and holds the code to this.
 */

/** ExcelApi 1.N → N, per capability (from the `[Api set]` tags of @types/office-js). */
export const CAPABILITY_SETS = {
  /** Data validation (drop-down lists in the standard sheets). */
  validation: 8,
  /** Worksheet.getRanges: one conditional format over many cells. */
  rangeAreas: 9,
  /** Worksheet.pageLayout: the output sheets print A4 landscape, as wide as the page, titles repeated. */
  pageLayout: 9,
  /** Threaded comments: only to remove those an earlier version wrote. */
  comments: 10,
  /** Notes on cells. */
  notes: 18,
} as const;

export type Capabilities = Record<keyof typeof CAPABILITY_SETS, boolean>;

export function capabilitiesOf(isSetSupported: (name: string, version: string) => boolean): Capabilities {
  const entries = Object.entries(CAPABILITY_SETS).map(([name, minor]) => [name, isSetSupported('ExcelApi', `1.${minor}`)]);
  return Object.fromEntries(entries) as Capabilities;
}

/** The manifest's minimum: below it nothing is attempted. */
export const MINIMUM_SET = '1.7';
