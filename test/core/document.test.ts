/**
 * The plan document as data (no .docx): the cases the four real plans do not show. A plan without
 * errors but with a sheet missing is a draft; one owner's list still builds; a list of thousands of
 * units is counted per owner and comune; thousands of errors are not all copied into the document.
 */
import { MAX_LISTED_ERRORS, buildPlanDocument, type Block, type PlanDocument, type Table } from '../../src/core/document';
import { MAX_LISTED_UNITS } from '../../src/core/document/sections';
import { check } from '../../src/core/engine';
import { CellValue } from '../../src/core/snapshot';
import { planSnapshot, snapshot } from '../support/workbooks';

const paragraphs = (d: PlanDocument) => d.blocks.filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph').map((b) => b.text);
const tables = (d: PlanDocument) => d.blocks.filter((b): b is Table => b.kind === 'table');
const sectionTables = (d: PlanDocument, letter: string): Table[] => {
  const start = d.blocks.findIndex((b) => b.kind === 'heading' && b.section === letter);
  const end = d.blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level <= 2);
  return d.blocks.slice(start, end).filter((b): b is Table => b.kind === 'table');
};

const AMBITO: CellValue[][] = [['Campo', 'Valore'], ['Ambito territoriale', 'Ambito di prova'], ['Comune capofila', 'Crema'], ['Anno di riferimento', 2024]];
const COMUNI: CellValue[][] = [['Comune', 'Comunicazione ricevuta'], ['Crema', 'Sì'], ['Offanengo', 'Sì']];
const ENTI: CellValue[][] = [['Ente proprietario', 'Tipo ente', 'Totale unità', 'Unità SAP', 'Unità SAS'], ['Comune di Crema', 'Comune', 10, 10, 0], ['ALER Brescia-Cremona-Mantova', 'ALER', 5000, 5000, 0]];

test('no error but no Assegnazioni sheet: BOZZA with the reason, and no errors chapter', () => {
  const result = check(snapshot({ Ambito: AMBITO, Comuni: COMUNI, Enti: ENTI, Unita: [['Ente proprietario', 'Comune', 'Stato'], ['Comune di Crema', 'Crema', 'Libero']] }));
  expect(result.report.counts.error).toBe(0);
  const d = buildPlanDocument(result);
  expect(d.ready).toBe(false);
  const draft = d.blocks.find((b) => b.kind === 'draft');
  expect(draft).toEqual({
    kind: 'draft',
    label: 'BOZZA',
    lines: ["Documento non ancora pronto per l'Assemblea dei Sindaci: manca il foglio «Assegnazioni» (unità assegnate l'anno precedente, sezione k)."],
  });
  expect(d.runningHead.startsWith('BOZZA – ')).toBe(true);
  expect(d.blocks.some((b) => b.kind === 'heading' && b.text.startsWith('Errori'))).toBe(false);
  expect(paragraphs(d)).toContain("Nessuna unità abitativa destinata a SAP risulta assegnata nel corso dell'anno 2023.");
});

test("one owner's list (Unita only) still builds: no comuni to count, the sections from its units", () => {
  const result = check(snapshot({ Unita: [['Codice ID', 'Ente proprietario', 'Comune', 'Stato'], [3169348, 'ALER Brescia-Cremona-Mantova', 'Cremona', 'Libero']] }));
  const d = buildPlanDocument(result);
  expect(d.ready).toBe(false);
  expect(paragraphs(d).filter((p) => p.startsWith('La ricognizione'))).toEqual([]);
  expect(sectionTables(d, 'g')[0]!.total).toEqual(['Totale', '', '0', '0', '0', '1', '0', '1']);
});

test(`more than ${MAX_LISTED_UNITS} units with their ID in a list: a row per owner and comune, and a sentence saying where the IDs are`, () => {
  const units: CellValue[][] = [['Codice ID', 'Ente proprietario', 'Comune', 'Stato']];
  for (let i = 0; i < MAX_LISTED_UNITS + 1; i++) units.push([3100000 + i, 'ALER Brescia-Cremona-Mantova', i % 2 ? 'Crema' : 'Offanengo', 'Carenza manutentiva']);
  units.push([3200000, 'Comune di Crema', 'Crema', 'Carenza manutentiva']);
  const d = buildPlanDocument(check(snapshot({ Ambito: AMBITO, Comuni: COMUNI, Enti: ENTI, Unita: units })));
  const [b] = sectionTables(d, 'b');
  expect(b!.columns.map((c) => c.header)).toEqual(['Ragione Sociale Ente Proprietario', 'Comune', 'Numero unità immobiliari']);
  expect(b!.rows).toEqual([
    ['ALER Brescia-Cremona-Mantova', 'Crema', '150'],
    ['ALER Brescia-Cremona-Mantova', 'Offanengo', '151'],
    ['Comune di Crema', 'Crema', '1'],
  ]);
  expect(b!.total).toEqual(['Totale', '', '302']);
  expect(paragraphs(d)).toContain(
    `Le unità sono più di ${MAX_LISTED_UNITS}: la tabella le conta per ente proprietario e comune; l'elenco con il Codice ID di ciascuna è nel foglio delle unità della cartella di lavoro.`,
  );
});

test(`more than ${MAX_LISTED_ERRORS} errors: the first ${MAX_LISTED_ERRORS} listed, a sentence for the rest`, () => {
  const units: CellValue[][] = [['Codice ID', 'Ente proprietario', 'Comune', 'Stato']];
  // Each row an error of its own: an unknown state (with its own spelling, so each is one anomaly).
  for (let i = 0; i < MAX_LISTED_ERRORS + 5; i++) units.push([3100000 + i, 'Comune di Crema', 'Crema', `Stato ${i}`]);
  const result = check(snapshot({ Ambito: AMBITO, Comuni: COMUNI, Enti: ENTI, Unita: units, Assegnazioni: [['Ente proprietario', 'Unità assegnate']] }));
  const errors = result.anomalies.filter((a) => a.severity === 'error').length;
  expect(errors).toBeGreaterThan(MAX_LISTED_ERRORS);
  const d = buildPlanDocument(result);
  expect(tables(d).at(-1)!.rows.length).toBe(MAX_LISTED_ERRORS);
  expect(paragraphs(d).at(-1)).toBe(`Altri ${errors - MAX_LISTED_ERRORS} errori sono elencati nel foglio «Anomalie» della copia annotata e nel riquadro di Piano Offerta.`);
});

test('every figure is in Italian: thousands with a point, percentages with a comma', () => {
  const d = buildPlanDocument(check(planSnapshot('ogliopo-2021')));
  expect(sectionTables(d, 'i B')[0]!.rows).toContainEqual(['Sabbioneta', '3,03%']);
  const cremona = buildPlanDocument(check(planSnapshot('cremona-2023')));
  expect(sectionTables(cremona, 'a')[0]!.total).toEqual(['Totale', '4.045', '3.889', '142', '14']);
  expect(paragraphs(d)).toContain(
    "Dalla ricognizione del patrimonio immobiliare destinato a servizi abitativi pubblici e sociali è emerso che dei 27 Comuni dell'ambito, 22 risultano titolari di patrimonio, pari all'81,5% del numero totale.",
  );
});

test('j and g from the engine: the SAT total, and no row of g without assignable units', () => {
  const result = check(planSnapshot('cremona-2023'));
  const d = buildPlanDocument(result);
  expect(sectionTables(d, 'j')[0]!.total).toEqual(['Totale', '', String(result.sectionG.totals.sat)]);
  expect(sectionTables(d, 'g')[0]!.rows.length).toBe(result.sectionG.rows.filter((r) => r.g > 0).length);
});
