/**
 * The plan document as plain data: what the data chapter of the Piano annuale says, block after
 * block, every figure already written in Italian. A renderer (the .docx adapter) decides how it looks;
 * this knows nothing of any file format.
 */

/** A chapter (1), a section a–k (2), a part of a section such as e's «già libere» (3). */
export type HeadingLevel = 1 | 2 | 3;

export interface TitleBlock {
  kind: 'title';
  /** «Piano annuale dell'offerta dei servizi abitativi pubblici e sociali». */
  title: string;
  /** Ambito and year, comune capofila: one line each. */
  lines: string[];
}

/** The draft notice, when the plan is not ready for the Assemblea: shown under the title block. */
export interface DraftNotice {
  kind: 'draft';
  /** «BOZZA». */
  label: string;
  lines: string[];
}

/** The table of contents (headings of levels 1 and 2). */
export interface Contents {
  kind: 'contents';
  title: string;
}

export interface Heading {
  kind: 'heading';
  level: HeadingLevel;
  text: string;
  /** The section's letter (a … k, «i A», «i B»), for readers that look a section up. */
  section?: string;
}

export interface Paragraph {
  kind: 'paragraph';
  text: string;
}

/** A part only people can write (premessa, misure del Titolo V): shown in its own style. */
export interface Placeholder {
  kind: 'placeholder';
  text: string;
}

export interface Column {
  header: string;
  /** Figures are aligned right. */
  numeric: boolean;
  /** Relative width; the renderer shares the page's width in these proportions. */
  width: number;
}

export interface Table {
  kind: 'table';
  /** The caption (Didascalia) without its number: the renderer numbers the tables in order. */
  caption: string;
  columns: Column[];
  rows: string[][];
  /** The total row, computed (never copied from a total the user typed). */
  total?: string[];
}

export type Block = TitleBlock | DraftNotice | Contents | Heading | Paragraph | Placeholder | Table;

export interface PlanDocument {
  /** The document's title property and a file name that says what it is. */
  title: string;
  fileName: string;
  /** The document's description property. */
  description: string;
  /** The line at the top of every page (with «BOZZA» when not ready). */
  runningHead: string;
  /** The words around the numbers the renderer fills in: «Tabella 3 – …», «Pagina 2 di 12». */
  labels: { table: string; pageBefore: string; pageBetween: string };
  /** Whether the plan may go to the Assemblea (no BOZZA notice). */
  ready: boolean;
  blocks: Block[];
}
