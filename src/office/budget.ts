/**
 * Keeps every request under Excel on the web's limit (5,000,000 bytes as Office.js serializes them).
 * Before queueing a command the writer declares its estimated size (calibrated against Office.js's
 * own serializer in test/office/budget.test.ts: never under the real size); when it would not fit in
 * the current request, a sync first. Ordinary plans fit in one request, so the number of syncs does
 * not grow with the rows; only very large writes pay a few more.
 */
export const REQUEST_BUDGET = 4_000_000;

export class RequestBudget {
  private bytes = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit = REQUEST_BUDGET,
    /** Queued again after each intermediate sync (Excel resumes calculation at every sync). */
    private readonly afterSync: () => void = () => undefined,
  ) {}

  /** Makes room for a command of about `bytes`: sends what is queued first if it would not fit. */
  async before(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.limit) {
      await this.context.sync();
      this.bytes = 0;
      this.afterSync();
    }
    this.bytes += bytes;
  }
}

/** UTF-8 bytes of a string (accented letters take two). */
export function utf8Bytes(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

/** Bytes a value takes in a request's JSON, with a small margin. */
export function jsonBytes(x: unknown): number {
  return Math.ceil(utf8Bytes(JSON.stringify(x)) * 1.02) + 16;
}

/**
 * A values or number-format array as Office.js sends it: above 1,500 cells it splits the array into
 * chunks of rows, each with its own range paths (about 700 bytes a chunk).
 */
export function gridBytes(grid: unknown[][]): number {
  const cells = grid.length * (grid[0]?.length ?? 1);
  return jsonBytes(grid) + 700 * Math.ceil(cells / 1_500) + 400;
}
