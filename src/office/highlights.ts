/**
 * Highlights as conditional formats the add-in owns: the user's own fills and fonts are never read
 * nor changed, a highlight survives the user's recolouring, and all of them go in one step. Each
 * conditional format carries the add-in's signature in its formula, which is how the next run (or
 * "Rimuovi risultati") finds it again, wherever the user's edits have moved it.
 *
 * The cells of one severity on one sheet are packed into as few rectangles as possible and, where
 * Excel has Worksheet.getRanges (ExcelApi 1.9), into one conditional format per ~2,000 characters
 * of addresses: the cost grows with the addresses, not with per-cell requests.
 */
import { a1, parseA1 } from '../core/address';
import { Severity } from '../core/rules/rule';
import { SEVERITY_FILL } from '../core/output/sheet-builder';
import { Capabilities } from './capabilities';
import { RequestBudget } from './budget';

/** Input cells highlighted in one run at most (every anomaly is listed in Anomalie anyway). */
export const MAX_HIGHLIGHTS = 10_000;
/** Without Worksheet.getRanges (ExcelApi 1.7–1.8) every rectangle is its own conditional format: fewer. */
export const MAX_AREAS_WITHOUT_RANGE_AREAS = 1_000;
/** Addresses per Worksheet.getRanges call: Excel refuses long ones (about 8,000 characters). */
const ADDRESS_CHARS = 2_000;

/** The add-in's mark in every conditional format it adds: `=N("Piano Offerta …")=0` is always true. */
const SIGNATURE = 'Piano Offerta';
const formulaFor = (what: string) => `=N("${SIGNATURE}: ${what}")=0`;

/** Exactly the formulas the add-in writes (a user's rule that merely mentions "Piano Offerta" is theirs). */
const OUR_FORMULA = /^=\s*N\(\s*"Piano Offerta: [a-z ]+"\s*\)\s*=\s*0$/i;

export function isOurFormula(formula: string | null | undefined): boolean {
  return typeof formula === 'string' && OUR_FORMULA.test(formula.trim());
}

/** A rectangle, zero-based and inclusive. */
export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function areaAddress(a: Area): string {
  const start = a1(a.r0, a.c0);
  return a.r0 === a.r1 && a.c0 === a.c1 ? start : `${start}:${a1(a.r1, a.c1)}`;
}

/** Cells → few rectangles: runs down each column, then side-by-side runs of the same rows joined. */
export function packCells(cells: { row: number; col: number }[]): Area[] {
  const sorted = [...cells].sort((x, y) => x.col - y.col || x.row - y.row);
  const runs: Area[] = [];
  for (const { row, col } of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.c0 === col && last.r1 === row - 1) last.r1 = row;
    else if (!(last && last.c0 === col && last.r1 >= row)) runs.push({ r0: row, c0: col, r1: row, c1: col });
  }
  const byRows = new Map<string, Area>();
  const out: Area[] = [];
  for (const r of runs) {
    const k = `${r.r0}:${r.r1}`;
    const prev = byRows.get(k);
    if (prev && prev.c1 === r.c0 - 1) prev.c1 = r.c0;
    else {
      byRows.set(k, r);
      out.push(r);
    }
  }
  return out;
}

/** Addresses joined into strings Worksheet.getRanges accepts. */
export function addressChunks(areas: Area[]): string[] {
  const chunks: string[] = [];
  let cur = '';
  for (const a of areas) {
    const s = areaAddress(a);
    if (cur && cur.length + 1 + s.length > ADDRESS_CHARS) {
      chunks.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${s}` : s;
  }
  if (cur) chunks.push(cur);
  return chunks;
}

export type Look = { kind: 'severity'; severity: Severity } | { kind: 'computed' } | { kind: 'computed-header' };

const SEVERITY_WORD: Record<Severity, string> = { error: 'errore', warning: 'avviso', info: 'informazione' };

function describe(look: Look): string {
  if (look.kind === 'severity') return SEVERITY_WORD[look.severity];
  return look.kind === 'computed' ? 'colonna calcolata' : 'intestazione calcolata';
}

function applyLook(cf: Excel.ConditionalFormat, look: Look): void {
  const custom = cf.custom;
  custom.rule.formula = formulaFor(describe(look));
  if (look.kind === 'severity') custom.format.fill.color = SEVERITY_FILL[look.severity];
  else if (look.kind === 'computed') {
    custom.format.font.italic = true;
    custom.format.font.color = '#2F5496';
  } else {
    custom.format.font.bold = true;
    custom.format.font.color = '#2F5496';
  }
}

/** Rough request bytes of one conditional format (its paths and settings), for the budget. */
export const CF_BYTES = 1_700;

/**
 * Queues conditional formats giving `look` to `areas` of a sheet: one per ~2,000 characters of
 * addresses with getRanges, one per rectangle without (the caller keeps those few).
 */
export async function queueLook(ws: Excel.Worksheet, areas: Area[], look: Look, caps: Capabilities, budget: RequestBudget): Promise<void> {
  if (caps.rangeAreas) {
    for (const chunk of addressChunks(areas)) {
      await budget.before(CF_BYTES + chunk.length * 2);
      applyLook(ws.getRanges(chunk).conditionalFormats.add('Custom' as Excel.ConditionalFormatType), look);
    }
    return;
  }
  for (const a of areas) {
    await budget.before(CF_BYTES);
    applyLook(ws.getRange(areaAddress(a)).conditionalFormats.add('Custom' as Excel.ConditionalFormatType), look);
  }
}

/** "'Sezione g'!$A$1:$C$3" → the area (an address as Excel reports it). */
export function parseAreaAddress(address: string): Area {
  const [s, e = s] = address.slice(address.lastIndexOf('!') + 1).split(':');
  const p = parseA1(s!), q = parseA1(e!);
  return { r0: Math.min(p.row, q.row), c0: Math.min(p.col, q.col), r1: Math.max(p.row, q.row), c1: Math.max(p.col, q.col) };
}
