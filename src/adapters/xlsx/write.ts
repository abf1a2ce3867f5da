/**
 * Applying the engine's write plan to an exceljs workbook: the output sheets replaced whole, fills and
 * notes on the cells with anomalies, the owned computed columns. Strings go in as strings (exceljs
 * writes a formula only from a { formula } value), so text from a user's cell can never become one.
 * Charts are not supported by exceljs: the annotated file has none (the add-in draws it in Excel).
 */
import type ExcelJS from 'exceljs';
import { CellStyle, OutCell, OutSheet, WritePlan } from '../../core/output/write-plan';
import { FONT, SEVERITY_FILL, STYLES } from '../../core/output/sheet-builder';
import { isOurOutput } from '../../core/output/signature';
import { linkFormula } from '../../core/output/links';
import { a1 } from '../../core/address';
import { OUTPUT_SHEETS, OWNED_COLUMNS } from '../../core/reading/schema';

/** exceljs wants ARGB: the shared #RRGGBB colours, opaque. */
const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

function solid(hex: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) }, bgColor: { argb: argb(hex) } };
}

/** A named font always: without a name LibreOffice draws the cell in a serif face. */
function font(extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: FONT.name, size: FONT.size, family: 2, ...extra };
}

function styleOf(style: CellStyle | undefined, wrap = false): Partial<ExcelJS.Style> {
  const s = style ? STYLES[style] : {};
  const out: Partial<ExcelJS.Style> = {
    font: font({ ...(s.bold ? { bold: true } : {}), ...(s.size ? { size: s.size } : {}), ...(s.font ? { color: { argb: argb(s.font) } } : {}) }),
  };
  if (s.fill) out.fill = solid(s.fill);
  // Top-aligned everywhere: in a row made tall by a wrapped message every cell starts on its first line.
  out.alignment = s.wrap || wrap ? { wrapText: true, vertical: 'top' } : { vertical: 'top' };
  if (s.topBorder) out.border = { top: { style: 'thin' } };
  return out;
}

function valueOf(cell: OutCell): ExcelJS.CellValue {
  // An internal link as a formula: a hyperlink part would make it a link to another file (#Enti!G27
  // in an external relationship, which LibreOffice follows as a file name).
  if (cell.link) return { formula: linkFormula(cell.link.sheet, cell.link.cell, String(cell.v ?? '')).slice(1), result: String(cell.v ?? '') };
  return cell.v;
}

function writeSheet(wb: ExcelJS.Workbook, out: OutSheet): void {
  const ws = wb.addWorksheet(out.name, {
    ...(out.freezeRows ? { views: [{ state: 'frozen', ySplit: out.freezeRows }] } : {}),
    // Printed for the Assemblea: A4 landscape, as wide as the page (the widths keep the scale ≥ 85%),
    // the title and the table header on every page, the page number in the footer.
    pageSetup: {
      orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printTitlesRow: `${out.print.titleRows[0] + 1}:${out.print.titleRows[1] + 1}`,
      margins: { ...out.print.margins },
      // Detail columns for the screen only stay off the page.
      ...(out.print.columns < out.widths.length ? { printArea: `A1:${a1(Math.max(0, out.rows.length - 1), out.print.columns - 1)}` } : {}),
    },
    headerFooter: { oddFooter: out.print.footer, evenFooter: out.print.footer },
  });
  // exceljs takes a width of exactly 9 for its default and leaves the column out of the file (8.43 then).
  out.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w === 9 ? 9.01 : w));
  for (const [r, h] of out.heights) ws.getRow(r + 1).height = h;
  const wrapped = (r: number, c: number) => out.wrapAreas.some((a) => a.c === c && r >= a.r0 && r <= a.r1);
  const inTable = new Set<number>();
  for (const t of out.tables) for (let r = t.headerRow; r <= t.lastRow; r++) inTable.add(r);
  out.rows.forEach((row, r) => {
    if (inTable.has(r)) return; // tables write their own cells below
    row.forEach((cell, c) => {
      if (!cell) return;
      const x = ws.getCell(r + 1, c + 1);
      x.value = valueOf(cell);
      x.style = styleOf(cell.style, wrapped(r, c) && cell.style !== 'title' && cell.style !== 'subtitle');
      if (cell.format) x.numFmt = cell.format;
    });
  });
  for (const t of out.tables) {
    const header = out.rows[t.headerRow]!;
    const cols = header.slice(t.firstCol, t.lastCol + 1).map((h) => ({ name: String(h?.v ?? ''), filterButton: true }));
    const rows = out.rows.slice(t.headerRow + 1, t.lastRow + 1).map((row) =>
      cols.map((_, i) => {
        const cell = row[t.firstCol + i];
        return cell ? valueOf(cell) : null;
      }),
    );
    ws.addTable({
      name: t.name,
      ref: ws.getCell(t.headerRow + 1, t.firstCol + 1).address,
      headerRow: true,
      totalsRow: false,
      style: { theme: 'TableStyleLight9', showRowStripes: true },
      columns: cols,
      rows,
    });
    // Header, severity colours and links on top of the table style.
    header.forEach((cell, c) => {
      if (cell) ws.getCell(t.headerRow + 1, c + 1).style = styleOf(cell.style);
    });
    out.rows.slice(t.headerRow + 1, t.lastRow + 1).forEach((row, i) => {
      row.forEach((cell, c) => {
        if (!cell) return;
        const x = ws.getCell(t.headerRow + 2 + i, c + 1);
        x.style = styleOf(cell.style, wrapped(t.headerRow + 1 + i, c));
        if (cell.format) x.numFmt = cell.format;
        if (cell.link) x.font = font({ color: { argb: 'FF0563C1' }, underline: true });
      });
    });
  }
  // Paragraphs across the page: the text wraps over the merged cells, the row is as tall as computed.
  for (const m of out.merges) {
    ws.mergeCells(m.r + 1, m.c0 + 1, m.r + 1, m.c1 + 1);
    const x = ws.getCell(m.r + 1, m.c0 + 1);
    x.style = styleOf(out.rows[m.r]?.[m.c0]?.style, true);
  }
  // A break before a zero-based row is exceljs's break after the row above it (1-based, the same number).
  for (const r of out.print.breaks) ws.getRow(r).addPageBreak();
}

/** A sheet named like an output sheet that Piano Offerta did not write: it is the user's, never replaced. */
export class ForeignOutputSheetError extends Error {
  constructor(readonly sheet: string) {
    super(`Esiste già un foglio «${sheet}» che non è stato creato da Piano Offerta: rinominarlo e riprovare (Piano Offerta non sovrascrive i fogli degli utenti).`);
  }
}

function noteText(note: ExcelJS.Cell['note']): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/**
 * Cells of the copy given a note at most (errors first; every one is filled and listed in Anomalie):
 * a note is a drawing in the file, and 100,000 of them make a copy too heavy to open.
 */
export const MAX_FILE_NOTES = 10_000;

export interface AppliedPlan {
  highlightedCells: number;
  notedCells: number;
}

/** Applies the plan in place. Output sheets from an earlier run are replaced, never duplicated. */
export function applyWritePlan(wb: ExcelJS.Workbook, plan: WritePlan): AppliedPlan {
  let noted = 0;
  let highlighted = 0;
  for (const out of plan.sheets) {
    const old = wb.getWorksheet(out.name);
    if (!old) continue;
    const first = old.getCell(1, 1).value;
    if (!isOurOutput(typeof first === 'string' ? first : '')) throw new ForeignOutputSheetError(out.name);
  }
  for (const out of plan.sheets) {
    const old = wb.getWorksheet(out.name);
    if (old) wb.removeWorksheet(old.id);
  }
  for (const a of plan.annotations) {
    const ws = wb.getWorksheet(a.sheet);
    if (!ws) continue;
    const cell = ws.getCell(a.row + 1, a.col + 1);
    // A new style object: exceljs shares style objects between cells loaded with the same style.
    cell.style = { ...cell.style, fill: solid(SEVERITY_FILL[a.severity]) };
    highlighted++;
    if (noted >= MAX_FILE_NOTES) continue;
    noted++;
    // A note the user wrote stays: ours goes under it.
    const existing = noteText(cell.note);
    cell.note = existing && !existing.startsWith('Piano Offerta') ? `${existing}\n\n${a.note}` : a.note;
  }
  for (const col of plan.columns) {
    const ws = wb.getWorksheet(col.sheet);
    if (!ws) continue;
    // The column is ours: clear what an earlier run left below the header before writing anew.
    for (let r = col.headerRow + 2; r <= ws.rowCount; r++) {
      const old = ws.getCell(r, col.col + 1);
      if (old.value !== null) old.value = null;
    }
    const header = ws.getCell(col.headerRow + 1, col.col + 1);
    header.value = col.header;
    header.style = { font: font({ bold: true, italic: true, color: { argb: 'FF2F5496' } }) };
    ws.getColumn(col.col + 1).width = col.header === OWNED_COLUMNS.Unita ? 48 : 14;
    for (const c of col.cells) {
      const x = ws.getCell(c.row + 1, col.col + 1);
      x.value = c.value;
      x.style = c.severity ? { fill: solid(SEVERITY_FILL[c.severity]), font: font({ italic: true }) } : { font: font({ italic: true }) };
    }
  }
  for (const out of plan.sheets) writeSheet(wb, out);
  const riepilogo = wb.worksheets.findIndex((w) => w.name === OUTPUT_SHEETS.riepilogo);
  if (riepilogo >= 0) wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: riepilogo, visibility: 'visible' }];
  return { highlightedCells: highlighted, notedCells: noted };
}
