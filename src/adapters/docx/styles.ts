/**
 * The document's styles. Word's built-in ones keep their built-in names («heading 1», «caption»,
 * «Table Grid»…), so Word shows them as Titolo 1, Didascalia, Griglia tabella in Italian and a
 * capofila's own template restyles the document when the chapter is pasted into it. Two are ours:
 * the placeholders (Segnaposto) and the draft notice (Bozza).
 */
import type { IParagraphStyleOptions } from 'docx';

export const STYLE = {
  normal: 'Normal',
  title: 'Title',
  subtitle: 'Subtitle',
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  caption: 'Caption',
  tocHeading: 'TOCHeading',
  header: 'Header',
  footer: 'Footer',
  table: 'TableGrid',
  tableText: 'TestoTabella',
  afterTable: 'DopoTabella',
  placeholder: 'Segnaposto',
  draftLabel: 'BozzaTitolo',
  draft: 'Bozza',
} as const;

const BLUE = '1F3864';
const RED = 'C00000';

export function paragraphStyles(): IParagraphStyleOptions[] {
  const heading = (id: string, name: string, level: number, size: number, before: number): IParagraphStyleOptions => ({
    id, name, basedOn: 'Normal', next: 'Normal', quickFormat: true, uiPriority: 9,
    run: { size, color: BLUE, bold: level > 0 },
    paragraph: { keepNext: true, keepLines: true, outlineLevel: level, spacing: { before, after: 120 } },
  });
  return [
    { id: STYLE.title, name: 'Title', basedOn: 'Normal', next: 'Normal', quickFormat: true, uiPriority: 10, run: { size: 48, color: BLUE }, paragraph: { spacing: { before: 2400, after: 360 } } },
    { id: STYLE.subtitle, name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, uiPriority: 11, run: { size: 28, color: '404040' }, paragraph: { spacing: { after: 120 } } },
    heading(STYLE.heading1, 'heading 1', 0, 32, 480),
    heading(STYLE.heading2, 'heading 2', 1, 24, 360),
    heading(STYLE.heading3, 'heading 3', 2, 22, 240),
    { id: STYLE.caption, name: 'caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, uiPriority: 35, run: { italics: true, size: 18, color: BLUE }, paragraph: { keepNext: true, spacing: { before: 120, after: 60 } } },
    { id: STYLE.tocHeading, name: 'TOC Heading', basedOn: STYLE.heading1, next: 'Normal', uiPriority: 39, paragraph: { outlineLevel: 9, spacing: { before: 480, after: 120 } } },
    { id: STYLE.header, name: 'header', basedOn: 'Normal', uiPriority: 99, run: { size: 16, color: '595959' }, paragraph: { spacing: { after: 0 } } },
    { id: STYLE.footer, name: 'footer', basedOn: 'Normal', uiPriority: 99, run: { size: 18, color: '595959' }, paragraph: { alignment: 'center', spacing: { after: 0 } } },
    { id: STYLE.tableText, name: 'Testo tabella', basedOn: 'Normal', uiPriority: 50, run: { size: 19 }, paragraph: { spacing: { before: 20, after: 20, line: 240 } } },
    { id: STYLE.afterTable, name: 'Dopo tabella', basedOn: 'Normal', uiPriority: 50, run: { size: 8 }, paragraph: { spacing: { after: 120, line: 240 } } },
    {
      id: STYLE.placeholder, name: 'Segnaposto', basedOn: 'Normal', next: 'Normal', quickFormat: true, uiPriority: 50,
      run: { italics: true, color: '7F6000' },
      paragraph: {
        shading: { type: 'clear', color: 'auto', fill: 'FFF2CC' },
        border: { left: { style: 'single', size: 24, color: 'BF9000', space: 6 } },
        indent: { left: 170 },
        spacing: { before: 120, after: 240 },
      },
    },
    {
      id: STYLE.draftLabel, name: 'Bozza titolo', basedOn: 'Normal', next: STYLE.draft, uiPriority: 50,
      run: { bold: true, size: 44, color: RED, characterSpacing: 60 },
      paragraph: { alignment: 'center', keepNext: true, spacing: { before: 480, after: 60 }, border: { top: { style: 'single', size: 12, color: RED, space: 4 } } },
    },
    {
      id: STYLE.draft, name: 'Bozza', basedOn: 'Normal', uiPriority: 50,
      run: { color: RED },
      paragraph: { alignment: 'center', spacing: { after: 60 } },
    },
  ];
}

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const GRID = 'w:val="single" w:sz="4" w:space="0" w:color="808080"';

/**
 * The base of styles.xml: the document defaults (Calibri 11, Italian), Normal, the default fonts and
 * table, the table of contents' levels, and «Table Grid» as Word defines it (single borders, cell
 * margins) with its header row (bold, shaded) and total row (bold, a double line above) as
 * conditional formats, so a table keeps its look when a user restyles it in Word. The paragraph
 * styles above are added to it by the library.
 */
export const BASE_STYLES_XML = [
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W_NS}>`,
  '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>',
  '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="it-IT" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>',
  '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>',
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>',
  '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>',
  '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
  '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
  `<w:style w:type="table" w:styleId="${STYLE.table}"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>`,
  '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>',
  `<w:tblPr><w:tblBorders><w:top ${GRID}/><w:left ${GRID}/><w:bottom ${GRID}/><w:right ${GRID}/><w:insideH ${GRID}/><w:insideV ${GRID}/></w:tblBorders>`,
  '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>',
  '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="DCE3EF"/><w:vAlign w:val="bottom"/></w:tcPr></w:tblStylePr>',
  '<w:tblStylePr w:type="lastRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:tcBorders><w:top w:val="double" w:sz="4" w:space="0" w:color="808080"/></w:tcBorders>',
  '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/></w:tcPr></w:tblStylePr></w:style>',
  ...[1, 2, 3].map(
    (n) =>
      `<w:style w:type="paragraph" w:styleId="TOC${n}"><w:name w:val="toc ${n}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>` +
      `<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9628"/></w:tabs><w:spacing w:after="60"/><w:ind w:left="${(n - 1) * 220}"/></w:pPr></w:style>`,
  ),
  '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>',
  '</w:styles>',
].join('');
