/**
 * A plan pasted section by section (the regional platform's report, last year's approved document):
 * the sheets that hold section tables, stacked on one sheet or one per sheet, read as the standard
 * sheets they stand for. The g table is kept apart: its totals are declared, checked and never counted.
 */
import { SheetSnapshot } from '../../snapshot';
import { comuneOfOwner } from '../enti';
import { TableSpec } from '../schema';
import { TableSheet } from '../table';
import { Block, EmptySection, hasSectionTitle, sheetSections } from './blocks';
import { SectionKind } from './titles';
import { VirtualComuni, VirtualSheet, addAssegnazioni, addEnti, addSat, addUnits } from './virtual';

export type { Block, EmptySection } from './blocks';
export type { SectionKind } from './titles';
export type { PastedTable, VirtualRowOrigin } from './virtual';
export { sectionLabel } from './titles';

export interface PastedPlan {
  /** The sheets read as pasted sections, in workbook order. */
  sheets: string[];
  /** The standard tables they stand for (only those with something in them). */
  tables: Partial<Record<TableSpec['kind'], TableSheet>>;
  /** The g tables: declared totals per owner (and comune), checked against the computed g. */
  gBlocks: Block[];
  /** Sections said empty in a sentence. */
  empty: EmptySection[];
  /** Every section recognised, in order: what the pane and the help describe. */
  found: { sheet: string; section: SectionKind | { kind: 'list' }; rows: number }[];
  /** Sheets of another year's plan (their titles name only other years): not read. */
  otherYear: { sheet: string; years: number[] }[];
}

/** Whether a sheet is a paste of section tables: a recognised title, and a table or a sentence under one. */
export function readSections(sheet: SheetSnapshot): ReturnType<typeof sheetSections> | null {
  if (!hasSectionTitle(sheet)) return null;
  const s = sheetSections(sheet);
  const titled = s.blocks.filter((b) => b.section.kind !== 'list');
  if (s.titles === 0 || titled.length + s.empty.length === 0) return null;
  // One unit list with a Stato on each row under a title («ALL. B – alloggi liberi di proprietà ALER»)
  // is a unit list as the standard sheet reads it (its own column «Esito controllo» and all).
  if (titled.length === 1 && s.blocks.length === 1 && s.empty.length === 0 && titled[0]!.cols.has('stato')) return null;
  return s;
}

/**
 * The pasted sheets read as one plan. `unitList` is a sheet recognised by its headers as a unit list
 * (ALER's Allegato B on a sheet of its own): the section tables then count it as the owner's list.
 */
export function pastedPlan(all: { sheet: SheetSnapshot; read: ReturnType<typeof sheetSections> }[], unitList?: TableSheet, anno: number | null = null): PastedPlan | null {
  if (all.length === 0) return null;
  // Last year's tables kept beside this year's plan, for reference, are not this year's plan.
  const isOtherYear = (years: Set<number>) => anno !== null && years.size > 0 && !years.has(anno);
  const otherYear = all.filter((s) => isOtherYear(s.read.years)).map((s) => ({ sheet: s.sheet.name, years: [...s.read.years].sort() }));
  const sections = all.filter((s) => !isOtherYear(s.read.years));
  const units = new VirtualSheet('Unita');
  const enti = new VirtualSheet('Enti');
  const sat = new VirtualSheet('SAT');
  const assegnazioni = new VirtualSheet('Assegnazioni');
  const comuni = new VirtualComuni();
  const gBlocks: Block[] = [];
  const empty: EmptySection[] = [];
  const found: PastedPlan['found'] = [];
  let unitSections = 0;
  for (const { read } of sections) {
    empty.push(...read.empty);
    unitSections += read.empty.filter((e) => e.section.kind === 'units').length;
    for (const block of read.blocks) {
      found.push({ sheet: block.sheet.name, section: block.section, rows: block.rows.length });
      switch (block.section.kind) {
        case 'list':
        case 'units': addUnits(units, block); unitSections++; break;
        case 'enti': addEnti(enti, block); break;
        case 'sat': addSat(sat, block); break;
        case 'assegnazioni': addAssegnazioni(assegnazioni, block); break;
        case 'comuni': comuni.add(block); break;
        case 'g': gBlocks.push(block); break;
      }
    }
  }
  if (unitList && unitSections > 0) {
    addUnits(units, {
      sheet: unitList.sheet, section: { kind: 'list' }, title: null, headerRow: unitList.headerRow,
      cols: new Map([...unitList.columns].map(([field, m]) => [field, m.col])), parts: [],
      headers: new Map([...unitList.columns.values()].map((m) => [m.col, m.header])),
      rows: unitList.dataRows, totals: unitList.totalRows,
    });
    found.push({ sheet: unitList.sheet.name, section: { kind: 'list' }, rows: unitList.dataRows.length });
  }
  const tables: PastedPlan['tables'] = {};
  if (unitSections > 0 || gBlocks.length > 0) tables.Unita = units.build();
  if (enti.size > 0) tables.Enti = enti.build();
  if (sat.size > 0) tables.SAT = sat.build();
  if (assegnazioni.size > 0) tables.Assegnazioni = assegnazioni.build();
  const c = comuni.build();
  if (c) tables.Comuni = c;
  return { sheets: sections.map((s) => s.sheet.name), tables, gBlocks, empty, found, otherYear };
}

/**
 * Every comune the pasted tables name (in a comune column, or as "Comune di X"): with no Comuni sheet,
 * those of them that are official names stand for the ambito's list, against which a misspelling
 * such as "CASTELIDONE" is recognised as it would be against the ambito's own.
 */
export function mentionedComuni(pasted: PastedPlan): string[] {
  const out: string[] = [];
  const push = (v: unknown, owner: boolean) => {
    if (typeof v !== 'string') return;
    const t = v.trim().replace(/\*+$/, '');
    const part = comuneOfOwner(t);
    if (part !== null) out.push(part);
    else if (!owner) out.push(t);
  };
  for (const t of Object.values(pasted.tables)) {
    const ente = t.columns.get('ente')?.col;
    const comune = t.columns.get('comune')?.col;
    for (const r of t.dataRows) {
      if (ente !== undefined) push(t.sheet.values[r]?.[ente], true);
      if (comune !== undefined) push(t.sheet.values[r]?.[comune], false);
    }
  }
  for (const b of pasted.gBlocks) {
    for (const r of b.rows) {
      const e = b.cols.get('ente');
      const c = b.cols.get('comune');
      if (e !== undefined) push(b.sheet.values[r]?.[e], true);
      if (c !== undefined) push(b.sheet.values[r]?.[c], false);
    }
  }
  return out;
}
