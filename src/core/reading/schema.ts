/**
 * The standard workbook: its sheets, their canonical headers (what "Crea fogli standard" writes) and
 * the headers people really paste, taken from the approved plans' own tables.
 */
import { foldText } from '../names/normalize';

export type SheetKind = 'Ambito' | 'Comuni' | 'Enti' | 'Unita' | 'SAT' | 'Assegnazioni';

export interface FieldSpec {
  key: string;
  /** Canonical header first, then the synonyms in order of preference. `<anno>` stands for a year. */
  headers: string[];
  required?: boolean;
}

export interface TableSpec {
  kind: Exclude<SheetKind, 'Ambito'>;
  /** Sheet names that identify it, folded; a sheet whose folded name starts with one of them matches. */
  names: string[];
  required: boolean;
  fields: FieldSpec[];
}

const ENTE_HEADERS = [
  'Ente proprietario',
  'Ragione Sociale Ente Proprietario',
  'Ente',
  'Proprietario',
  "Tipologia dell'Ente Proprietario",
];

export const TABLES: Record<TableSpec['kind'], TableSpec> = {
  Comuni: {
    kind: 'Comuni',
    names: ['comuni'],
    required: false,
    fields: [
      { key: 'comune', headers: ['Comune', 'Denominazione', 'Nome comune', 'Comuni'], required: true },
      { key: 'istat', headers: ['Codice ISTAT', 'ISTAT', 'Cod ISTAT', 'Codice comune'] },
      {
        key: 'soglia',
        headers: ['Soglia indigenti oltre il 20%', 'Soglia % eccedente il 20%', 'Soglia % eccedente il 20% per indigenti', 'Soglia indigenti'],
      },
      { key: 'categoria', headers: ['Categoria aggiuntiva', 'Altra categoria di particolare rilevanza sociale', 'Categoria'] },
      { key: 'motivazione', headers: ['Motivazione categoria', 'Motivazione'] },
      {
        key: 'ffoo',
        headers: [
          '% Forze di Polizia e VVF',
          '% U.I. destinate a Forze di Polizia e Corpo nazionale dei Vigili del Fuoco',
          'Forze di Polizia',
          '% Forze di Polizia',
        ],
      },
      { key: 'risposta', headers: ['Comunicazione ricevuta', 'Risposta ricevuta', 'Dati ricevuti', 'Comunicazione'] },
    ],
  },
  Enti: {
    kind: 'Enti',
    names: ['enti', 'enti proprietari'],
    required: false,
    fields: [
      { key: 'ente', headers: ENTE_HEADERS, required: true },
      { key: 'tipo', headers: ['Tipo ente', 'Tipologia ente', "Tipologia dell'Ente Proprietario", 'Tipo'] },
      { key: 'totale', headers: ['Totale unità', 'Totale unità immobiliari', 'N. alloggi complessivi', 'Totale'] },
      {
        key: 'sap',
        headers: ['Unità SAP', 'N. alloggi SAP', 'Numero U.I. per Servizi Abitativi Pubblici (SAP)', 'SAP'],
      },
      {
        key: 'sas',
        headers: ['Unità SAS', 'N. alloggi SAS', 'Numero U.I. per Servizi Abitativi Sociali (SAS)', 'SAS'],
      },
      { key: 'altri', headers: ['Unità altri usi', 'Altri usi', 'Altri usi abitativi', 'Altri usi residenziali'] },
      { key: 'gDichiarato', headers: ['g dichiarato', "Numero complessivo U.I. disponibili nell'anno"] },
      { key: 'dataRicezione', headers: ['Data ricezione', 'Data ricevimento', 'Data comunicazione'] },
    ],
  },
  Unita: {
    kind: 'Unita',
    names: ['unita', 'alloggi'],
    required: true,
    fields: [
      { key: 'id', headers: ['ID unità', 'ID Alloggio', 'Codice ID', 'Codice I.D. unità immobiliari', 'ID'] },
      { key: 'codiceEnte', headers: ['Codice ente', "Codice alloggio dell'Ente"] },
      { key: 'ente', headers: ENTE_HEADERS, required: true },
      { key: 'comune', headers: ['Comune', 'Comune ubicazione'] },
      { key: 'stato', headers: ['Stato', "Stato dell'Unità Immobiliare", 'Stato unità immobiliari'], required: true },
      { key: 'destinazione', headers: ['Destinazione', 'Servizio abitativo'] },
      { key: 'numero', headers: ['Numero unità', 'n. U.I.', 'Numero unità immobiliari', 'N. alloggi'] },
      { key: 'costo', headers: ['Costo lavori €', 'Costo lavori', 'Costo stimato lavori'] },
      { key: 'note', headers: ['Note'] },
    ],
  },
  SAT: {
    kind: 'SAT',
    names: ['sat', 'servizi abitativi transitori'],
    required: false,
    fields: [
      { key: 'ente', headers: ENTE_HEADERS, required: true },
      { key: 'comune', headers: ['Comune'] },
      { key: 'sat', headers: ['Unità SAT', 'Numero U.I. per servizi abitativi transitori', 'n. U.I.'], required: true },
    ],
  },
  Assegnazioni: {
    kind: 'Assegnazioni',
    names: ['assegnazioni'],
    required: false,
    fields: [
      { key: 'ente', headers: ENTE_HEADERS, required: true },
      {
        key: 'assegnate',
        headers: ['Unità assegnate', 'N. U.I.', 'N. alloggi SAP assegnati nel <anno>', "Numero U.I. assegnate l'anno precedente"],
        required: true,
      },
      { key: 'deroga', headers: ['di cui in deroga', 'N. alloggi SAP assegnati in deroga nel <anno>'] },
      { key: 'mobilita', headers: ["di cui mobilità d'ufficio", "mobilità d'ufficio"] },
    ],
  },
};

export const TABLE_ORDER: TableSpec['kind'][] = ['Comuni', 'Enti', 'Unita', 'SAT', 'Assegnazioni'];

/** The Ambito sheet is key/value: a label in one cell, its value in the next. */
export const AMBITO_KEYS: { key: AmbitoKey; labels: string[] }[] = [
  { key: 'ambito', labels: ['Ambito territoriale', 'Ambito', 'Ambito distrettuale'] },
  { key: 'capofila', labels: ['Comune capofila', 'Capofila', 'Ente capofila'] },
  { key: 'anno', labels: ['Anno di riferimento', 'Anno', 'Anno del piano'] },
  { key: 'termine', labels: ['Termine comunicazioni', 'Termine', 'Scadenza comunicazioni'] },
  { key: 'satShare', labels: ['Quota massima SAT %', 'Quota massima SAT', 'Quota SAT'] },
  { key: 'worksLimit', labels: ['Costo massimo auto-manutenzione €', 'Costo massimo auto-manutenzione', 'Limite auto-manutenzione'] },
  { key: 'ffooLimit', labels: ['Quota massima Forze di Polizia %', 'Quota massima Forze di Polizia', 'Quota Forze di Polizia'] },
  // The comparison with the previous year (PREV_SAP_SWING): default 20%.
  { key: 'sapSwing', labels: ['Variazione massima alloggi SAP %', 'Variazione massima alloggi SAP', 'Soglia variazione SAP'] },
];
export type AmbitoKey = 'ambito' | 'capofila' | 'anno' | 'termine' | 'satShare' | 'worksLimit' | 'ffooLimit' | 'sapSwing';

/** Sheets and columns the add-in owns and rewrites on every run; never read as input. */
export const OUTPUT_SHEETS = { sezioneG: 'Sezione g', anomalie: 'Anomalie', riepilogo: 'Riepilogo' } as const;
export const OWNED_COLUMNS = { Enti: 'g calcolato', Unita: 'Esito controllo' } as const;

/** A header as compared: folded, with a year standing for `<anno>`. */
export function headerKey(header: string): string {
  return foldText(header.replace(/<anno>/gi, 'anno')).replace(/\b(19|20)\d\d\b/g, 'anno');
}

export const OUTPUT_SHEET_KEYS = new Set(Object.values(OUTPUT_SHEETS).map((n) => foldText(n)));
export const OWNED_COLUMN_KEYS = new Set(Object.values(OWNED_COLUMNS).map((n) => headerKey(n)));

/** Per kind of sheet, each header's key → the fields it names, with the rank of that spelling among the field's. */
export const HEADER_INDEX = new Map(
  (Object.keys(TABLES) as TableSpec['kind'][]).map((kind) => {
    const byKey = new Map<string, { field: string; rank: number }[]>();
    for (const f of TABLES[kind].fields) {
      f.headers.forEach((h, rank) => {
        const k = headerKey(h);
        const list = byKey.get(k) ?? [];
        list.push({ field: f.key, rank });
        byKey.set(k, list);
      });
    }
    return [kind, byKey] as const;
  }),
);

/** The standard field a header names in a sheet of this kind (canonical header or synonym; the last field when several share it), or null. */
export function fieldOfHeader(kind: TableSpec['kind'], header: string): string | null {
  return HEADER_INDEX.get(kind)!.get(headerKey(header))?.at(-1)?.field ?? null;
}

/**
 * A «Totale» row's label, folded («Totale», «TOTALI», «Tot.», «Totale complessivo», «Totale ALER»):
 * a sum of the rows above it, never units. The standard sheets and the pasted tables tell their
 * totals by it.
 */
export const TOTAL_LABEL = /^(totale|totali|tot)\b/;
