/**
 * A sheet of pasted section tables, cut into its tables: each title row decides the section of the
 * table under it, each header row maps the table's columns, the rows below are data until the next
 * title, sentence or header. Blank rows inside a table (a page break in the document) do not end it.
 */
import { foldText } from '../../names/normalize';
import { CellValue, SheetSnapshot } from '../../snapshot';
import { isBlank, readNumber, readText } from '../values';
import { SectionKind, saysNone, sectionOfSheetName, sectionOfTitle } from './titles';
import { TOTAL_LABEL, TableSpec, fieldOfHeader } from '../schema';

/** A table under a section title, or a unit list of its own (ALER's Allegato B: a Stato on each row). */
export interface Block {
  sheet: SheetSnapshot;
  section: SectionKind | { kind: 'list' };
  /** The title cell the section comes from (null for a sheet named after its section, or a list). */
  title: { r: number; c: number } | null;
  headerRow: number;
  /** Field → column (snapshot index). g tables: `total` and `part` columns (read for what they hold). */
  cols: Map<string, number>;
  /** Further figure columns that are read but not counted (the g table's b–f breakdown). */
  parts: number[];
  headers: Map<number, string>;
  rows: number[];
  totals: number[];
}

/** A section said empty in a sentence ("Nessun Ente Proprietario ha comunicato…"). */
export interface EmptySection {
  sheet: SheetSnapshot;
  section: SectionKind;
  r: number;
  c: number;
}

export interface SheetSections {
  blocks: Block[];
  empty: EmptySection[];
  /** Titles recognised on the sheet (or its name): whether it is a pasted plan at all. */
  titles: number;
  /** Years its titles name («nel corso dell'anno 2023»), k's aside (it names the year before). */
  years: Set<number>;
}

/** «nel corso dell'anno 2023», «PER L'ANNUALITA' 2021» (not the years of a law, «L.R. 16/2016»). */
const YEAR = /\b(?:anno|annualita|annualità)\s+(20\d\d)\b/gi;

type Cells = { c: number; v: CellValue; text: string | null }[];

function cellsOf(row: CellValue[] | undefined): Cells {
  const out: Cells = [];
  if (!row) return out;
  for (let c = 0; c < row.length; c++) {
    const v = row[c] ?? null;
    if (!isBlank(v)) out.push({ c, v, text: typeof v === 'string' ? readText(v) : null });
  }
  return out;
}

function isTotal(cells: Cells): boolean {
  const first = cells.find((x) => x.text !== null);
  return !!first && TOTAL_LABEL.test(foldText(first.text!));
}

const FIGURE_FIELDS = ['numero', 'sat', 'assegnate', 'total', 'totale', 'sap'];

/**
 * A row with nothing but a figure that is the sum of the rows above it (since the last total): a
 * «Totale» whose label was lost in the paste. Read as an owner's units, it would count them twice.
 */
function isUnlabelledTotal(block: Block, cells: Cells, r: number): boolean {
  if (cells.some((x) => x.text !== null && readNumber(x.v, { count: true }).value === null)) return false;
  const field = FIGURE_FIELDS.find((f) => block.cols.has(f));
  if (field === undefined) return false;
  const c = block.cols.get(field)!;
  const own = readNumber(block.sheet.values[r]?.[c] ?? null, { count: true }).value;
  if (own === null || cells.length !== 1 || cells[0]!.c !== c) return false;
  const last = block.totals.length ? block.totals[block.totals.length - 1]! : -1;
  const above = block.rows.filter((x) => x > last);
  if (above.length < 2) return false;
  const sum = above.reduce((n, x) => n + (readNumber(block.sheet.values[x]?.[c] ?? null, { count: true }).value ?? 0), 0);
  return sum === own;
}

/**
 * A one-cell row that reads as prose (a sentence, a comment, a heading), not as an owner's name
 * written alone on its row ("Abitare Soc. Coop.", "COMUNE DI SAN MARTINO DALL'ARGINE").
 */
function isProse(text: string): boolean {
  const f = foldText(text.replace(/^\s*comune\s+di\s+/i, ''));
  return /[:…]\s*$/.test(text) || / : /.test(text) || f.split(' ').length >= 8 || text.length > 80;
}

/** The heading of another part of the document («e) … di cui:», «Allegato B», «PARTE TERZA»): the section before it ends. */
function isHeading(text: string): boolean {
  return /^\s*([a-k]|[a-k] ?bis)\s*\)/i.test(text) || /^\s*(all(egato)?\.?\s|parte\s)/i.test(text);
}

// Headers, on folded text. The owner's code is tested before the owner (it says "dell'Ente").
const H = {
  codiceEnte: /\bcodice alloggio\b|^codice ente\b/,
  id: /^(id|codice id|codice i d)\b|\bid alloggio\b|\bcodice i ?d\b/,
  stato: /^stato\b/,
  // Anchored: a category such as «… alloggi di enti proprietari» is data, not the owner's header.
  ente: /^(ragione sociale|ente\b|enti\b|tipologia|proprietari)/,
  comune: /^comun[ei]( ubicazione)?$/,
  figure: /\b(numero|n|nr|u i|unita|alloggi|totale|soglia|categoria|percentuale)\b|%/,
};

/** Columns of a header row for the section, or null when the row is no header for it. */
function mapHeader(section: Block['section'], cells: Cells): { cols: Map<string, number>; parts: number[] } | null {
  if (cells.length < 2 || cells.some((x) => x.text === null)) return null;
  const cols = new Map<string, number>();
  const rest: { c: number; f: string }[] = [];
  for (const { c, text } of cells) {
    const f = foldText(text!);
    const key = H.codiceEnte.test(f) ? 'codiceEnte' : H.id.test(f) ? 'id' : H.stato.test(f) ? 'stato' : H.comune.test(f) ? 'comune' : H.ente.test(f) && !/\bnumero\b|\bn u i\b/.test(f) ? 'ente' : null;
    if (key && !cols.has(key)) cols.set(key, c);
    else rest.push({ c, f });
  }
  if (!cols.has('ente') && !cols.has('comune')) return null;
  const parts: number[] = [];
  const take = (field: string, test: (f: string) => boolean) => {
    const i = rest.findIndex((x) => test(x.f));
    if (i >= 0 && !cols.has(field)) cols.set(field, rest.splice(i, 1)[0]!.c);
  };
  switch (section.kind) {
    case 'list':
      if (!cols.has('stato') || !cols.has('ente')) return null;
      break;
    case 'units':
      take('numero', (f) => H.figure.test(f));
      if (!cols.has('numero') && !cols.has('id')) return null;
      break;
    case 'g':
      take('total', (f) => /\btotale\b|\bcomplessiv/.test(f));
      if (!cols.has('total')) {
        if (rest.length === 0 || !H.figure.test(rest[rest.length - 1]!.f)) return null;
        cols.set('total', rest.pop()!.c);
      }
      parts.push(...rest.map((x) => x.c));
      break;
    case 'enti':
      take('totale', (f) => /\btotale\b|\bcomplessiv/.test(f));
      take('sap', (f) => /\bsap\b|\bpubblici\b/.test(f));
      take('sas', (f) => /\bsas\b|\bsociali\b/.test(f));
      take('altri', (f) => /\baltri usi\b/.test(f));
      if (!cols.has('sap') && !cols.has('totale')) return null;
      break;
    case 'comuni':
      if (rest.length === 0) return null;
      cols.set(section.field, rest.shift()!.c);
      if (section.field === 'categoria') take('motivazione', (f) => /motivazion/.test(f));
      break;
    case 'sat':
      take('sat', (f) => H.figure.test(f));
      if (!cols.has('sat')) return null;
      break;
    case 'assegnazioni':
      take('deroga', (f) => /\bderoga\b/.test(f) && !/^totale/.test(f));
      take('mobilita', (f) => /\bmobilita\b/.test(f));
      take('assegnate', (f) => H.figure.test(f) && !/^totale/.test(f));
      if (!cols.has('assegnate')) return null;
      break;
  }
  // The other columns a standard sheet of the same kind has (Destinazione, Costo lavori €, Tipo ente,
  // g dichiarato…): read as they would be there.
  const kind = TARGET[section.kind];
  if (kind) {
    for (const { c } of rest) {
      const field = fieldOfHeader(kind, cells.find((x) => x.c === c)!.text!);
      if (field && !cols.has(field)) cols.set(field, c);
    }
  }
  return { cols, parts };
}

const TARGET: Record<Block['section']['kind'], TableSpec['kind'] | null> = {
  list: 'Unita', units: 'Unita', enti: 'Enti', comuni: 'Comuni', sat: 'SAT', assegnazioni: 'Assegnazioni', g: null,
};

/**
 * The text of a row that is a line of prose or a title: one text cell, or a title pasted over two
 * cells («c)» | «Unità abitative … ristrutturazione…»); null for any other row.
 */
function lineText(cells: Cells): string | null {
  if (cells.length === 1) return cells[0]!.text;
  const split = cells.length === 2 && cells[0]!.text !== null && cells[1]!.text !== null && /^\s*([a-k]|[a-k] ?bis)\s*\)\s*$/i.test(cells[0]!.text!);
  return split ? `${cells[0]!.text!} ${cells[1]!.text!}` : null;
}

/**
 * Whether a sheet has a section title (or is named after a section): what sheetSections counts as
 * `titles`, found without reading tables. A standard sheet named otherwise («Foglio1», «Allegato B»)
 * has none, and its 100,000 rows are then not read as tables a second time.
 */
export function hasSectionTitle(sheet: SheetSnapshot): boolean {
  if (sectionOfSheetName(sheet.name)) return true;
  for (const row of sheet.values) {
    let filled = 0;
    for (let c = 0; c < row.length && filled < 3; c++) if (!isBlank(row[c] ?? null)) filled++;
    if (filled === 0 || filled > 2) continue;
    const text = lineText(cellsOf(row));
    if (text !== null && sectionOfTitle(text) && !saysNone(text)) return true;
  }
  return false;
}

/** The tables of one sheet, or of a sheet named after its section ("b) carenza manutentiva"). */
export function sheetSections(sheet: SheetSnapshot): SheetSections {
  const blocks: Block[] = [];
  const empty: EmptySection[] = [];
  const named = sectionOfSheetName(sheet.name);
  let section: SectionKind | null = named;
  let title: Block['title'] = null;
  let titles = named ? 1 : 0;
  let block: Block | null = null;
  const years = new Set<number>();
  const noteYears = (text: string, of: SectionKind) => {
    if (of.kind !== 'assegnazioni') for (const m of text.replace(/[’']/g, ' ').matchAll(YEAR)) years.add(Number(m[1]));
  };
  const rows = sheet.values;
  for (let r = 0; r < rows.length; r++) {
    const cells = cellsOf(rows[r]);
    if (cells.length === 0) continue;
    const single = lineText(cells);
    if (single !== null) {
      const text = single;
      const said = sectionOfTitle(text);
      if (saysNone(text) && (said ?? section)) {
        // «Nessun Ente Proprietario ha comunicato … di nuova edificazione»: that section is empty (a
        // remark under a table, «Nessun alloggio … in deroga», is not).
        const of = said ?? section!;
        noteYears(text, of);
        const emptied = said || !blocks.some((b) => b.sheet === sheet && b.title === title && b.section === section);
        if (emptied) empty.push({ sheet, section: of, r, c: cells[0]!.c });
        // A section said empty has no table: one below it without its own title is not of this section
        // (a g table whose title was lost must not count as units conferite da privati).
        section = emptied ? null : of;
        block = null;
        continue;
      }
      if (said) {
        // A title: a new section, or a sub-title of the same («già libere», «che si libereranno…»).
        section = said;
        title = { r, c: cells[0]!.c };
        titles++;
        noteYears(text, said);
        block = null;
        continue;
      }
      if (isHeading(text)) {
        // The heading of something else: the section before it ends.
        section = null;
        block = null;
        continue;
      }
      if (isProse(text) || !block) {
        // A sentence: the table above, if any, ends; a table below still belongs to the section.
        block = null;
        continue;
      }
      // Otherwise an owner alone on its row, in a table (its figure left blank).
    }
    const inSection = section && mapHeader(section, cells);
    const header = inSection || mapHeader({ kind: 'list' }, cells);
    if (header) {
      const kind: Block['section'] = inSection ? section! : { kind: 'list' };
      block = {
        sheet, section: kind, title: kind.kind === 'list' ? null : title, headerRow: r,
        cols: header.cols, parts: header.parts,
        headers: new Map(cells.map((x) => [x.c, x.text!])),
        rows: [], totals: [],
      };
      blocks.push(block);
      continue;
    }
    if (!block) continue;
    if (isTotal(cells) || isUnlabelledTotal(block, cells, r)) block.totals.push(r);
    else block.rows.push(r);
  }
  return { blocks, empty, titles, years };
}
