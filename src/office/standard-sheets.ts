/**
 * "Crea fogli standard": the missing standard sheets with their canonical headers, as Excel tables,
 * with drop-down lists where Excel allows them (ExcelApi 1.8), and optionally the ambito's comuni.
 * A sheet that exists (by any of the names the engine recognises) is never touched. Everything is
 * checked first (workbook structure, free table names); if Excel still refuses a write, the sheets
 * created by this run are taken back.
 */
import { ComuneUfficiale } from '../core/reference/comuni';
import type { CellValue } from '../core/snapshot';
import { AMBITO_KEYS, SheetKind, TABLE_ORDER, TABLES } from '../core/reading/schema';
import { sheetKindByName } from '../core/reading/table';
import { comuneRow, sortedComuni } from '../core/reading/sections/standard';
import { foldText } from '../core/names/normalize';
import { UserFacingError } from '../taskpane/service';
import { Capabilities } from './capabilities';
import { freeTableName } from './write';

const ORDER: SheetKind[] = ['Ambito', ...TABLE_ORDER];
const VALIDATION_ROWS = 2000;

/** Drop-down lists: sheet → header → allowed values. */
const LISTS: Partial<Record<SheetKind, Record<string, string>>> = {
  Unita: {
    Stato: 'Carenza manutentiva,Ristrutturazione,Nuova edificazione,Libero,Turnover,Libero o turnover,Conferito da privati,Assegnato,Occupato,In vendita,Altri usi',
    Destinazione: 'SAP,SAS',
  },
  Enti: { 'Tipo ente': 'Comune,ALER,Operatore accreditato' },
  Comuni: { 'Comunicazione ricevuta': 'Sì,No' },
};

function headersOf(kind: SheetKind): string[] {
  return kind === 'Ambito' ? ['Campo', 'Valore'] : TABLES[kind].fields.map((f) => f.headers[0]!);
}

/** Rows read from pasted section tables, by standard sheet: what «Crea fogli standard» fills them with. */
export type FilledRows = Partial<Record<SheetKind, CellValue[][]>>;

function rowsOf(kind: SheetKind, comuni: ComuneUfficiale[], filled: FilledRows): CellValue[][] {
  if (kind === 'Ambito') return AMBITO_KEYS.map((k) => [k.labels[0]!, null]);
  const rows = filled[kind] ?? [];
  if (kind === 'Comuni' && comuni.length) {
    // The comuni chosen in the list join those the pasted tables name (their choices kept).
    const named = new Set(rows.map((r) => foldText(String(r[0]))));
    const more = comuni.filter((c) => !named.has(foldText(c.nome))).map((c) => comuneRow(c.nome, c.istat));
    return sortedComuni([...rows, ...more]);
  }
  return rows.length ? rows : [headersOf(kind).map(() => null)];
}

const STRUCTURE_PROTECTED = new UserFacingError(
  'La struttura della cartella di lavoro è protetta: Piano Offerta non può aggiungere fogli.',
  'Togliere la protezione (Revisione › Proteggi cartella di lavoro), poi riprovare.',
  'protected',
);

function queueSheet(sheets: Excel.WorksheetCollection, kind: SheetKind, comuni: ComuneUfficiale[], tableName: string, caps: Capabilities, filled: FilledRows): void {
  const ws = sheets.add(kind);
  const headers = headersOf(kind);
  const rows = rowsOf(kind, kind === 'Comuni' ? comuni : [], filled);
  const all = [headers, ...rows];
  const range = ws.getRangeByIndexes(0, 0, all.length, headers.length);
  // Codes, names and any text of the user's are text (ISTAT codes keep their leading zeros; a pasted
  // "=…" stays what it was).
  range.numberFormat = all.map((r, i) => r.map((v, c) => (i === 0 || kind === 'Ambito' || headers[c] === 'Codice ISTAT' || typeof v === 'string' ? '@' : null))) as string[][];
  range.values = all as (string | number)[][];
  const table = ws.tables.add(`${kind}!A1:${String.fromCharCode(64 + headers.length)}${all.length}`, true);
  table.name = tableName;
  table.style = 'TableStyleLight9';
  headers.forEach((h, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.max(90, Math.min(260, h.length * 8))));
  ws.freezePanes.freezeRows(1);
  if (caps.validation) {
    for (const [header, source] of Object.entries(LISTS[kind] ?? {})) {
      const c = headers.indexOf(header);
      if (c < 0) continue;
      ws.getRangeByIndexes(1, c, VALIDATION_ROWS, 1).dataValidation.rule = { list: { inCellDropDown: true, source } };
    }
  }
}

/** What a reading of the workbook already knows: its sheets, structure protection, table and defined names. */
export interface KnownWorkbook {
  names: string[];
  structureProtected: boolean;
  tables: { name: string }[];
  definedNames: string[];
}

export async function createStandardSheets(
  context: Excel.RequestContext,
  caps: Capabilities,
  comuni: ComuneUfficiale[],
  filled: FilledRows = {},
  known?: KnownWorkbook,
): Promise<{ created: string[]; existing: string[]; filled: string[] }> {
  const wb = context.workbook;
  const sheets = wb.worksheets;
  // After a reading of the workbook (the paste's rows), what it found is used: no second request for it.
  if (!known) {
    sheets.load('items/name');
    wb.protection.load('protected');
    wb.tables.load('items/name');
    wb.names.load('items/name');
    await context.sync();
  }
  const info: KnownWorkbook = known ?? {
    names: sheets.items.map((s) => s.name),
    structureProtected: wb.protection.protected,
    tables: wb.tables.items.map((t) => ({ name: t.name })),
    definedNames: wb.names.items.map((n) => n.name),
  };
  const present = new Map<SheetKind, string>();
  for (const name of info.names) {
    const kind = sheetKindByName(name);
    if (kind && !present.has(kind)) present.set(kind, name);
  }
  const missing = ORDER.filter((k) => !present.has(k));
  const existing = ORDER.filter((k) => present.has(k)).map((k) => present.get(k)!);
  if (!missing.length) return { created: [], existing, filled: [] };
  // Checked before the first write: sheets can be added, and each table gets a name no one has.
  if (info.structureProtected) throw STRUCTURE_PROTECTED;
  const taken = new Set([...info.tables.map((t) => t.name), ...info.definedNames].map((n) => n.toLowerCase()));
  const names = new Map(missing.map((k) => [k, freeTableName(`Tab${k}`, taken)]));
  for (const kind of missing) queueSheet(sheets, kind, comuni, names.get(kind)!, caps, filled);
  sheets.getItem(missing[0]!).activate();
  try {
    await context.sync();
  } catch (err) {
    // Excel refused a write half-way (batches are not transactions): the sheets this run added go.
    const added = missing.map((k) => sheets.getItemOrNullObject(k).load('name'));
    await context.sync();
    for (const ws of added) if (!ws.isNullObject) ws.delete();
    await context.sync();
    throw err;
  }
  return { created: missing, existing, filled: missing.filter((k) => filled[k]?.length) };
}
