/**
 * The plan document as a .docx: Word's own styles (Titolo 1/2/3, Didascalia, the «Table Grid» table
 * style with a header row repeated on every page and a total row), A4 portrait, «Pagina N di M» in
 * the footer, a table of contents field, placeholders in a style of their own. The `docx` library is
 * loaded here, on demand (`await import('docx')`): a bundle that never writes a document never loads it.
 */
import type * as Docx from 'docx';
import { buildPlanDocument, type Block, type PlanDocument, type Table } from '../../core/document';
import type { EngineResult } from '../../core/engine';
import { BASE_STYLES_XML, STYLE, paragraphStyles } from './styles';

/** A4 portrait in twentieths of a point, with 2 cm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

type D = typeof Docx;

function tableOf(d: D, t: Table, number: number, label: string): (Docx.Paragraph | Docx.Table)[] {
  const sum = t.columns.reduce((n, c) => n + c.width, 0);
  const widths = t.columns.map((c) => Math.round((c.width / sum) * TEXT_WIDTH));
  // The total row says what it is directly too (bold, shaded, a double line above): not every reader
  // applies a table style's last-row format (LibreOffice does not), and a total must look like one.
  const cell = (textOf: string, i: number, total = false) =>
    new d.TableCell({
      width: { size: widths[i]!, type: d.WidthType.DXA },
      ...(total
        ? {
            shading: { type: d.ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' },
            borders: { top: { style: d.BorderStyle.DOUBLE, size: 4, color: '808080' } },
          }
        : {}),
      children: [
        new d.Paragraph({
          style: STYLE.tableText,
          alignment: t.columns[i]!.numeric ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
          children: [new d.TextRun({ text: textOf, bold: total })],
        }),
      ],
    });
  // The header row is repeated at the top of every page the table runs onto; no row is split across pages.
  const header = new d.TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, i) => cell(c.header, i)) });
  const rows = t.rows.map((r) => new d.TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i)) }));
  if (t.total) rows.push(new d.TableRow({ cantSplit: true, children: t.total.map((v, i) => cell(v, i, true)) }));
  const caption = new d.Paragraph({
    style: STYLE.caption,
    keepNext: true,
    // A caption as Word writes one: «Tabella» and a SEQ field, here with its number already given.
    children: [new d.TextRun(`${label} `), new d.SimpleField(`SEQ ${label} \\* ARABIC`, String(number)), new d.TextRun(` – ${t.caption}`)],
  });
  const table = new d.Table({
    style: STYLE.table,
    width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
    columnWidths: widths,
    layout: d.TableLayoutType.FIXED,
    tableLook: { firstRow: true, lastRow: !!t.total, firstColumn: false, lastColumn: false, noHBand: true, noVBand: true },
    rows: [header, ...rows],
  });
  // An empty paragraph after each table keeps the next caption or heading off its border.
  return [caption, table, new d.Paragraph({ style: STYLE.afterTable, children: [] })];
}

function blockOf(d: D, b: Block, doc: PlanDocument, tables: { n: number }): (Docx.Paragraph | Docx.Table | Docx.TableOfContents)[] {
  switch (b.kind) {
    case 'title':
      return [new d.Paragraph({ style: STYLE.title, children: [new d.TextRun(b.title)] }), ...b.lines.map((l) => new d.Paragraph({ style: STYLE.subtitle, children: [new d.TextRun(l)] }))];
    case 'draft':
      return [new d.Paragraph({ style: STYLE.draftLabel, keepNext: true, children: [new d.TextRun(b.label)] }), ...b.lines.map((l) => new d.Paragraph({ style: STYLE.draft, children: [new d.TextRun(l)] }))];
    case 'contents':
      return [
        new d.Paragraph({ style: STYLE.tocHeading, children: [new d.TextRun(b.title)] }),
        new d.TableOfContents(b.title, { hyperlink: true, headingStyleRange: '1-2' }),
      ];
    case 'heading': {
      const style = b.level === 1 ? STYLE.heading1 : b.level === 2 ? STYLE.heading2 : STYLE.heading3;
      return [new d.Paragraph({ style, children: [new d.TextRun(b.text)] })];
    }
    case 'paragraph':
      // A sentence that introduces a table («… come di seguito dettagliato:») stays with it.
      return [new d.Paragraph({ style: STYLE.normal, keepNext: b.text.endsWith(':'), children: [new d.TextRun(b.text)] })];
    case 'placeholder':
      return [new d.Paragraph({ style: STYLE.placeholder, children: [new d.TextRun(b.text)] })];
    case 'table':
      return tableOf(d, b, ++tables.n, doc.labels.table);
  }
}

export interface RenderOptions {
  /**
   * Page numbers in the table of contents, worked out by laying the pages out as Word does (docx's
   * `docx/layout`, a second module loaded on demand, about a second and a half for a plan). Without
   * them the entries have no numbers until Word updates the field, which it offers on opening.
   * Default true.
   */
  pageNumbers?: boolean;
}

/** The .docx bytes of a plan document (Node and browser alike). */
export async function renderPlanDocx(doc: PlanDocument, options: RenderOptions = {}): Promise<Uint8Array> {
  const [d, layout] = await Promise.all([import('docx'), options.pageNumbers === false ? null : import('docx/layout')]);
  const tables = { n: 0 };
  const children = doc.blocks.flatMap((b) => blockOf(d, b, doc, tables));
  const document = new d.Document({
    title: doc.title,
    creator: 'Piano Offerta',
    description: doc.description,
    externalStyles: BASE_STYLES_XML,
    styles: { paragraphStyles: paragraphStyles() },
    // Word brings the table of contents and the caption numbers up to date on opening (it asks first).
    features: { updateFields: true },
    ...(layout ? { pageNumbers: layout.estimatePageNumbers } : {}),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: d.PageOrientation.PORTRAIT },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 567, footer: 567 },
          },
        },
        headers: { default: new d.Header({ children: [new d.Paragraph({ style: STYLE.header, children: [new d.TextRun(doc.runningHead)] })] }) },
        footers: {
          default: new d.Footer({
            children: [new d.Paragraph({ style: STYLE.footer, children: [new d.TextRun({ children: [doc.labels.pageBefore, d.PageNumber.CURRENT, doc.labels.pageBetween, d.PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children,
      },
    ],
  });
  return d.Packer.pack(document, 'uint8array');
}

/** The engine's result straight to .docx bytes: the document built and rendered. */
export async function planDocx(result: EngineResult, options: RenderOptions = {}): Promise<Uint8Array> {
  return renderPlanDocx(buildPlanDocument(result), options);
}
