/** Riepilogo: the pages the capofila takes to the Assemblea dei Sindaci. */
import { countOf, num, percent as pct } from '../italian';
import { isCategorySet } from '../reading/plan';
import { OUTPUT_SHEETS } from '../reading/schema';
import { SECTION_LABELS, SECTIONS } from '../reading/states';
import { OutSheet, SheetBuilder } from './sheet-builder';
import { verdictOf } from './verdict';
import type { PlanInput } from './write-plan';
import { previousYearSection } from './riepilogo-previous';

/**
 * Column widths: labels and names, then the per-owner table (the widest, ten columns), every header
 * word whole on its line. 150 units: 94% on A4 landscape in LibreOffice, all but 100% in Excel; the
 * long texts (the comuni's additional categories) go in paragraphs across the page.
 */
const WIDTHS = [42, 10, 10, 15, 12, 13, 15, 11, 9, 13];

export function buildRiepilogo(input: PlanInput): OutSheet {
  const { model, sectionG, report, readiness } = input;
  const s = new SheetBuilder(OUTPUT_SHEETS.riepilogo, WIDTHS, [0]);
  const cfg = model.config;
  s.title(`Piano annuale dell'offerta abitativa${cfg.anno ? ` ${cfg.anno}` : ''} – Riepilogo per l'Assemblea dei Sindaci`);
  s.subtitle(cfg.ambito ?? `Ambito non indicato (foglio «${model.located.ambito?.sheet.name ?? 'Ambito'}»)`);
  s.blank();
  const verdict = verdictOf(report, readiness);
  const [label, value] = verdict.headline.split(': ') as [string, string];
  s.pair(label, { v: readiness.scope === 'ambito' ? value.toUpperCase() : value, style: verdict.ok ? 'ok' : 'error' });
  for (const reason of verdict.reasons) s.paragraph(null, reason);
  s.pair('Errori (bloccano il piano)', report.counts.error);
  s.pair('Avvisi (da verificare)', report.counts.warning);
  s.pair('Informazioni', report.counts.info);
  s.blank();

  s.subtitle('Ambito');
  s.pair('Ambito territoriale', cfg.ambito ?? '');
  s.pair('Comune capofila', cfg.capofila ?? '');
  s.pair('Anno di riferimento', cfg.anno === null ? '' : { v: cfg.anno, format: '0' });
  const owners = sectionG.byEnte.filter((e) => e.g > 0).length;
  const entiSheet = model.table('Enti')?.sheet.name;
  const comuniSheet = model.table('Comuni')?.sheet.name;
  const enti = model.enti.filter((e) => e.name);
  s.pair(`Enti proprietari nel foglio ${entiSheet ? `«${entiSheet}»` : '«Enti» (assente)'}`, enti.length);
  // As for the comuni below: owners the units name that the Enti sheet does not list, said in the label.
  const listedEnti = new Set(enti.map((e) => e.name));
  const unlistedOwners = entiSheet ? sectionG.byEnte.filter((e) => e.g > 0 && !listedEnti.has(e.ente)).length : 0;
  s.pair(
    unlistedOwners
      ? `Enti proprietari con unità assegnabili (di cui ${num(unlistedOwners)} non nell'elenco del foglio «${entiSheet}»: da aggiungere o correggere, vedere il foglio «Anomalie»)`
      : 'Enti proprietari con unità assegnabili',
    owners,
  );
  comuniPairs(s, model, sectionG, comuniSheet);
  const sum = (f: (e: (typeof model.enti)[number]) => number | null) => model.enti.reduce((n, e) => n + (f(e) ?? 0), 0);
  s.pair('Patrimonio SAP (sezione a)', sum((e) => e.sap));
  s.pair('Patrimonio SAS (sezione a)', sum((e) => e.sas));
  s.blank();

  s.subtitle("Unità SAP assegnabili nell'anno (sezione g = b + c + d + e + f)");
  s.table('RiepilogoSezioni', ['Sezione', 'Unità'], SECTIONS.map((k) => [`${k} – ${SECTION_LABELS[k]}`, sectionG.totals[k]]), { trailing: 2 });
  s.totalRow(['g – Totale assegnabili (b + c + d + e + f)', sectionG.totals.g]);
  s.row(['di cui ai servizi abitativi transitori (SAT, j)', sectionG.totals.sat]);
  if (!model.table('SAT')) s.paragraph(null, 'Foglio «SAT» assente: si intende che nessun comune destini unità ai servizi abitativi transitori.');
  s.blank();

  s.subtitle("Unità assegnate l'anno precedente (k)");
  const ass = model.assegnazioni;
  s.pair('Unità assegnate', ass.reduce((n, a) => n + (a.assegnate ?? 0), 0));
  s.pair('di cui in deroga', ass.reduce((n, a) => n + (a.deroga ?? 0), 0));
  s.pair("di cui per mobilità d'ufficio", ass.reduce((n, a) => n + (a.mobilita ?? 0), 0));
  s.blank();

  perOwnerTable(s, input);
  s.blank();
  if (input.previous?.length) {
    previousYearSection(s, input);
    s.blank();
  }
  comuniTable(s, model.comuni.filter((c) => c.written !== null));
  return s.build();
}

/** The per-owner table in the shape of the regional platform's report (Allegato A), with its total. */
function perOwnerTable(s: SheetBuilder, { model, sectionG }: PlanInput): void {
  s.subtitle('Per ente proprietario (come il report della Piattaforma regionale)');
  const assignedBy = new Map<string, number>();
  for (const a of model.assegnazioni) if (a.ente.name) assignedBy.set(a.ente.name, (assignedBy.get(a.ente.name) ?? 0) + (a.assegnate ?? 0));
  const enteRows = new Map(model.enti.filter((e) => e.name).map((e) => [e.name!, e]));
  const names = [...new Set([...sectionG.byEnte.map((e) => e.ente), ...enteRows.keys()])];
  const figuresOf = new Map(sectionG.byEnte.map((e) => [e.ente, e]));
  const rows = names.map((n) => {
    const f = figuresOf.get(n);
    const e = enteRows.get(n);
    return [n, e?.sas ?? null, e?.sap ?? null, f?.g ?? 0, f?.e ?? 0, f?.b ?? 0, (f?.c ?? 0) + (f?.d ?? 0), f?.f ?? 0, f?.sat ?? 0, assignedBy.get(n) ?? 0];
  });
  const total = (i: number) => rows.reduce((n, r) => n + ((r[i] as number | null) ?? 0), 0);
  s.pagedTable(
    'RiepilogoEnti',
    [
      'Ente proprietario',
      'U.I. SAS',
      'U.I. SAP',
      "U.I. disponibili nell'anno (g)",
      'libere e turnover (e)',
      'carenza manutentiva (b)',
      'nuova edificazione, ristrutturazione (c + d)',
      'conferite da privati (f)',
      'SAT (j)',
      "assegnate l'anno precedente (k)",
    ],
    rows,
    { total: [`Totale (${countOf(rows.length, 'ente', 'enti')})`, ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(total)], emptyText: 'Nessun ente proprietario.' },
  );
}

/** What each comune chose (a table of short answers), then its additional category in words, across the page. */
function comuniTable(s: SheetBuilder, comuni: PlanInput['model']['comuni']): void {
  s.subtitle('Risposte e scelte dei comuni: soglia indigenti (h), Forze di Polizia (d bis), categoria aggiuntiva (i)');
  const count = (f: (c: (typeof comuni)[number]) => boolean) => comuni.filter(f).length;
  const withCategory = comuni.filter((c) => isCategorySet(c.categoria));
  // Columns in the order of their widths: every header word fits its column whole.
  s.pagedTable(
    'RiepilogoComuni',
    ['Comune', 'Soglia indigenti oltre il 20% (h)', '% Forze di Polizia e VVF (d bis)', 'Comunicazione ricevuta', 'Categoria aggiuntiva (i)'],
    comuni.map((c) => [
      c.written,
      c.soglia === null ? '' : pct(c.soglia),
      c.ffoo === null ? '' : pct(c.ffoo),
      c.risposta === null ? '' : c.risposta ? 'Sì' : 'No',
      isCategorySet(c.categoria) ? 'Sì' : '',
    ]),
    {
      emptyText: 'Foglio «Comuni» assente.',
      // Counts under each column: the comuni with that choice (a word more would not fit the column).
      total: [
        `Totale: comuni con la scelta, su ${num(comuni.length)}`,
        count((c) => c.soglia !== null && c.soglia > 0),
        count((c) => c.ffoo !== null && c.ffoo > 0),
        count((c) => c.risposta === true),
        withCategory.length,
      ],
    },
  );
  if (withCategory.length === 0) return;
  s.blank();
  s.subtitle('Categorie aggiuntive (i) scelte dai comuni, con la motivazione');
  for (const c of withCategory) {
    const why = c.motivazione?.trim() ? `Motivazione: ${c.motivazione.trim()}` : 'Motivazione non indicata.';
    s.paragraph(c.written!, `${c.categoria!.trim()} – ${why}`);
  }
}

/** The ambito's comuni: how many, how many with units, how many answered (none said without the ambito's list). */
function comuniPairs(s: SheetBuilder, model: PlanInput['model'], sectionG: PlanInput['sectionG'], comuniSheet: string | undefined): void {
  const comuni = model.comuni.filter((c) => c.written !== null);
  const answered = comuni.filter((c) => c.risposta === true).length;
  // Comuni pasted from h, i, d bis are those that chose something: no list of the ambito, no answers.
  const partial = !!model.table('Comuni')?.pasted?.partial;
  s.pair(
    partial ? "Comuni dell'ambito (foglio «Comuni» assente: le tabelle incollate h, i, d bis nominano questi comuni)" : `Comuni dell'ambito (foglio ${comuniSheet ? `«${comuniSheet}»` : '«Comuni» assente'})`,
    comuni.length,
  );
  // Units may name comuni the Comuni sheet does not list (misspelled, or of another ambito): said in
  // the label, so that "96 comuni" beside "100 with units" explains itself.
  const withUnits = sectionG.byComune.filter((c) => c.comune !== null && c.g > 0);
  const listed = new Set(comuni.map((c) => c.written));
  const outside = model.hasComuniSheet ? withUnits.filter((c) => !listed.has(c.comune)).length : 0;
  s.pair(
    outside
      ? `Comuni con unità assegnabili (di cui ${num(outside)} non nell'elenco del foglio «${comuniSheet ?? 'Comuni'}»: nomi da correggere, vedere il foglio «Anomalie»)`
      : 'Comuni con unità assegnabili',
    withUnits.length,
  );
  const noComune = sectionG.byComune.find((c) => c.comune === null)?.g ?? 0;
  if (noComune) s.pair('Unità assegnabili senza comune indicato (conteggiate nel totale, in nessun comune)', noComune);
  s.pair('Comunicazioni ricevute dai comuni', comuni.length && !partial ? `${num(answered)} su ${num(comuni.length)} (${pct((answered / comuni.length) * 100)})` : '');
}
