/**
 * The plan document of the four real plans, as a .docx opened back: unzipped with fflate and
 * word/document.xml read with the project's XML tokenizer. What the Assemblea reads must be there:
 * sections a–k in order, section g row by row as expected.json gives it (answers written from the
 * approved documents, not from the engine) with the engine's total, section a's total computed (Crema
 * 2019: 1.703 / 1.688, not the 1.711 / 1.696 the document printed), the comune that did not answer
 * (Crema 2021: Trescore Cremasco), BOZZA exactly when the plan is not ready.
 */
import { renderPlanDocx } from '../../src/adapters/docx';
import { buildPlanDocument } from '../../src/core/document';
import { EngineResult, check } from '../../src/core/engine';
import { num } from '../../src/core/italian';
import { DocItem, DocParagraph, DocTable, ReadDocx, partsLike, readDocx } from '../support/docx';
import { PLANS, PlanName, expectedOf, planSnapshot } from '../support/workbooks';

interface Run {
  result: EngineResult;
  docx: ReadDocx;
  bytes: Uint8Array;
}
const runs = new Map<PlanName, Run>();

beforeAll(async () => {
  for (const plan of PLANS) {
    const result = check(planSnapshot(plan));
    // Page numbers for the table of contents on one plan: the layout takes a second or two.
    const bytes = await renderPlanDocx(buildPlanDocument(result), { pageNumbers: plan === 'cremona-2023' });
    runs.set(plan, { result, bytes, docx: readDocx(bytes) });
  }
});

const SECTION_LETTERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i A', 'i B', 'j', 'k'];

/** «a) Consistenza…» → "a", «i) A – Comuni…» → "i A". */
function letterOf(heading: string): string {
  const m = /^([a-m])\)(?: ([AB]) –)?/.exec(heading);
  return m ? (m[2] ? `${m[1]} ${m[2]}` : m[1]!) : heading;
}

const headings = (body: DocItem[], style: string) => body.filter((i): i is DocParagraph => i.kind === 'p' && i.style === style);

/** The items of a section: from its heading (Titolo 2) to the next heading of level 1 or 2. */
function section(body: DocItem[], letter: string): DocItem[] {
  const start = body.findIndex((i) => i.kind === 'p' && i.style === 'Heading2' && letterOf(i.text) === letter);
  if (start < 0) throw new Error(`no section ${letter}`);
  const end = body.findIndex((i, n) => n > start && i.kind === 'p' && (i.style === 'Heading1' || i.style === 'Heading2'));
  return body.slice(start + 1, end < 0 ? undefined : end);
}

const tablesOf = (items: DocItem[]) => items.filter((i): i is DocTable => i.kind === 'table');
const textOf = (items: DocItem[]) => items.filter((i): i is DocParagraph => i.kind === 'p').map((p) => p.text);

describe.each(PLANS)('%s', (plan) => {
  const run = () => runs.get(plan)!;

  test('every section heading a–k, in order, in Word\'s Heading 2 (Titolo 2); the placeholders l, m after them', () => {
    const letters = headings(run().docx.body, 'Heading2').map((h) => letterOf(h.text));
    expect(letters).toEqual([...SECTION_LETTERS, 'l', 'm']);
    const chapters = headings(run().docx.body, 'Heading1').map((h) => h.text);
    expect(chapters.slice(0, 3)).toEqual(['Premessa', 'I servizi abitativi: i dati del piano', 'Note di chiusura']);
    // The parts only people write are there, in their own style.
    expect(headings(run().docx.body, 'Segnaposto').length).toBe(4);
  });

  test('section g: every owner × comune row of expected.json with its b–f and g, and the total equal to the engine\'s', () => {
    const expected = expectedOf(plan);
    const [table, ...others] = tablesOf(section(run().docx.body, 'g'));
    expect(others).toEqual([]);
    const [header, ...rows] = table!.rows;
    expect(header!.header).toBe(true);
    expect(header!.cells).toEqual(['Ragione Sociale Ente Proprietario', 'Comune', 'b)', 'c)', 'd)', 'e)', 'f)', 'g) totale']);
    const total = rows.pop()!;
    const shown = rows.map((r) => r.cells);
    const want = expected.sectionG.map((e) => [e.ente, e.comune ?? '–', ...[e.b, e.c, e.d, e.e, e.f, e.g].map(num)]);
    expect([...shown].sort()).toEqual([...want].sort());
    const t = run().result.sectionG.totals;
    expect(total.cells).toEqual(['Totale', '', ...[t.b, t.c, t.d, t.e, t.f, t.g].map(num)]);
    expect(t.g).toBe(expected.totals.g);
    // The sentence above the table gives the same total.
    expect(textOf(section(run().docx.body, 'g')).join(' ')).toContain(` ${num(t.g)} unità abitative`);
  });

  test('section a: a row per owner, the total row computed from the rows', () => {
    const { model } = run().result;
    const tables = tablesOf(section(run().docx.body, 'a'));
    const enti = model.enti.filter((e) => e.name);
    if (enti.every((e) => e.totale === null && e.sap === null && e.sas === null)) {
      expect(tables).toEqual([]);
      expect(textOf(section(run().docx.body, 'a'))).toEqual(['Nessun Ente Proprietario ha indicato la consistenza del proprio patrimonio abitativo.']);
      return;
    }
    const [header, ...rows] = tables[0]!.rows;
    const total = rows.pop()!;
    expect(rows.length).toBe(enti.length);
    const sum = (k: 'totale' | 'sap' | 'sas') => num(enti.reduce((n, e) => n + (e[k] ?? 0), 0));
    expect(header!.cells.slice(0, 4)).toEqual(['Ragione Sociale Ente Proprietario', 'Totale unità immobiliari', 'N. alloggi SAP', 'N. alloggi SAS']);
    expect(total.cells.slice(0, 4)).toEqual(['Totale', sum('totale'), sum('sap'), sum('sas')]);
  });

  test('b, c, d, f and the parts of e: each list adds up to the engine\'s figure; an empty one has the seeds\' sentence', () => {
    const t = run().result.sectionG.totals;
    const lastCell = (tb: DocTable) => Number(tb.rows[tb.rows.length - 1]!.cells.at(-1)!.replace(/\./g, ''));
    for (const s of ['b', 'c', 'd', 'f'] as const) {
      const items = section(run().docx.body, s);
      const tables = tablesOf(items);
      if (t[s] === 0) expect(textOf(items)[0]).toMatch(/^Nessun Ente Proprietario ha comunicato la disponibilità di unità abitative /);
      else {
        expect(tables.length).toBe(1);
        expect(lastCell(tables[0]!)).toBe(t[s]);
        // Rows add up to the total row.
        const rows = tables[0]!.rows.slice(1, -1);
        expect(rows.reduce((n, r) => n + Number(r.cells.at(-1)!.replace(/\./g, '')), 0)).toBe(t[s]);
      }
    }
    const e = tablesOf(section(run().docx.body, 'e'));
    expect(e.reduce((n, tb) => n + lastCell(tb), 0)).toBe(t.e);
  });

  test('the comuni that did not answer are named, as seed 002 names Trescore Cremasco', () => {
    const sentences = textOf(run().docx.body).filter((p) => p.includes('inadempient'));
    const answeredNo = run().result.model.comuni.filter((c) => c.risposta === false);
    if (plan === 'crema-2021') {
      expect(sentences).toEqual([
        "Il Comune di Trescore Cremasco risulta inadempiente all'obbligo informativo, non avendo comunicato i propri dati ai fini della stesura del piano annuale.",
      ]);
    } else if (answeredNo.length === 0) expect(sentences).toEqual([]);
    else {
      expect(sentences.length).toBe(1);
      // Cremona 2023: 20 did not answer; Formigara, Pizzighettone and San Bassano own no SAP unit (Enti) and are said apart.
      expect(sentences[0]).toMatch(/^I Comuni di Acquanegra Cremonese, .* e Vescovato risultano inadempienti/);
      expect(sentences[0]).not.toContain('Formigara');
      expect(textOf(run().docx.body)).toContain('Non hanno inviato comunicazioni i Comuni di Formigara, Pizzighettone e San Bassano, che non possiedono alloggi SAP.');
    }
  });

  test('BOZZA exactly when the plan is not ready, with the open errors listed at the end (sheet, cell, message)', () => {
    const { docx, result } = run();
    const everything = [docx.text('word/document.xml'), ...partsLike(docx, 'word/header').map((p) => docx.text(p))].join('\n');
    expect(everything.includes('BOZZA')).toBe(!result.report.ready);
    expect(result.report.ready).toBe(plan === 'crema-2021');
    const errors = result.anomalies.filter((a) => a.severity === 'error');
    const last = headings(docx.body, 'Heading1').at(-1)!.text;
    if (result.report.ready) {
      expect(last).toBe('Note di chiusura');
      return;
    }
    expect(headings(docx.body, 'BozzaTitolo').map((p) => p.text)).toEqual(['BOZZA']);
    expect(last).toBe("Errori da correggere prima dell'Assemblea");
    const table = tablesOf(docx.body).at(-1)!;
    expect(table.rows.slice(1).map((r) => r.cells)).toEqual(errors.map((a) => [a.sheet, a.cell, a.message]));
  });

  test('A4 portrait, «Pagina N di M» in the footer, a table of contents field, numbered captions, every table\'s header row repeated', () => {
    const { docx } = run();
    expect(docx.pageSize).toEqual({ w: 11906, h: 16838, orient: 'portrait' });
    const [footer] = partsLike(docx, 'word/footer');
    expect(docx.fields(footer!)).toEqual(['PAGE', 'NUMPAGES']);
    // The numbers are fields: Word fills them in (the page count is written when the pages were laid out).
    expect(docx.text(footer!)).toMatch(/^Pagina {2}di (\d+)?$/);
    expect(docx.fields('word/document.xml').filter((f) => f.startsWith('TOC'))).toEqual(['TOC \\h \\o "1-2"']);
    const tables = tablesOf(docx.body);
    const captions = headings(docx.body, 'Caption');
    expect(captions.map((c) => c.text.split(' – ')[0])).toEqual(tables.map((_, i) => `Tabella ${i + 1}`));
    for (const t of tables) {
      expect(t.style).toBe('TableGrid');
      expect(t.rows.map((r) => r.header)).toEqual(t.rows.map((_, i) => i === 0));
    }
  });

  test("Word's built-in styles by their built-in names (Titolo 1/2/3, Didascalia, Griglia tabella in Italian Word)", () => {
    const { styles } = run().docx;
    expect(styles.get('Heading1')).toEqual({ name: 'heading 1', type: 'paragraph' });
    expect(styles.get('Heading2')).toEqual({ name: 'heading 2', type: 'paragraph' });
    expect(styles.get('Caption')).toEqual({ name: 'caption', type: 'paragraph' });
    expect(styles.get('TableGrid')).toEqual({ name: 'Table Grid', type: 'table' });
    expect(styles.get('Segnaposto')).toEqual({ name: 'Segnaposto', type: 'paragraph' });
  });
});

test('Cremona 2023: the table of contents has its page numbers, laid out as Word lays the pages out', () => {
  const toc = runs.get('cremona-2023')!.docx.body.filter((i): i is DocParagraph => i.kind === 'p' && (i.style === 'TOC1' || i.style === 'TOC2'));
  expect(toc.length).toBe(18);
  for (const entry of toc) expect(entry.text).toMatch(/\d+$/);
});

test('Crema 2019 prints the totals computed from the rows, not the ones the approved document printed', () => {
  const table = tablesOf(section(runs.get('crema-2019')!.docx.body, 'a'))[0]!;
  expect(table.rows.at(-1)!.cells).toEqual(['Totale', '1.703', '1.688', '15']);
  expect(table.rows.flatMap((r) => r.cells)).not.toContain('1.711');
  // The printed total is named among the errors, with its cell.
  const errors = tablesOf(runs.get('crema-2019')!.docx.body).at(-1)!.rows.map((r) => r.cells.join(' | '));
  expect(errors).toContain('Enti | C26 | La riga dei totali riporta 1.711 in «Totale unità», ma la somma delle righe è 1.703.');
});
