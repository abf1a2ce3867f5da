/** A1 addressing, zero-based internally. */

export function columnLetter(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export function parseA1(ref: string): { row: number; col: number } {
  // The engine's own references ("E9036": capitals then digits) are read by hand: thousands per run.
  let i = 0;
  let col = 0;
  while (i < ref.length && ref.charCodeAt(i) >= 65 && ref.charCodeAt(i) <= 90) col = col * 26 + (ref.charCodeAt(i++) - 64);
  let row = 0;
  const digits = i;
  while (i < ref.length && ref.charCodeAt(i) >= 48 && ref.charCodeAt(i) <= 57) row = row * 10 + (ref.charCodeAt(i++) - 48);
  if (i === ref.length && digits > 0 && i > digits && row > 0) return { row: row - 1, col: col - 1 };
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(ref.trim());
  if (!m) throw new Error(`Not an A1 reference: ${ref}`);
  let c = 0;
  for (const ch of m[1]!.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: c - 1 };
}

/** A sheet name as Excel wants it inside a reference: quoted when it is not a plain identifier. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}
