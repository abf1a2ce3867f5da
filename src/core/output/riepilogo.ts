/** Riepilogo: the one page the capofila takes to the Assemblea dei Sindaci. */
import { isCategorySet } from '../reading/plan';
import { OUTPUT_SHEETS } from '../reading/schema';
import { SECTION_LABELS, SECTIONS } from '../reading/states';
import { OutSheet, SheetBuilder } from './sheet-builder';
import type { PlanInput } from './write-plan';

const pct = (n: number) => `${n.toLocaleString('it-IT', { maximumFractionDigits: 1 })}%`;

export function buildRiepilogo({ model, sectionG, report }: PlanInput): OutSheet {
  const s = new SheetBuilder(OUTPUT_SHEETS.riepilogo, [46, 16, 16, 22, 16, 16, 22, 16, 12, 18]);
  const cfg = model.config;
  s.title(`Piano annuale dell'offerta abitativa${cfg.anno ? ` ${cfg.anno}` : ''} – Riepilogo per l'Assemblea dei Sindaci`);
  s.subtitle(cfg.ambito ?? 'Ambito non indicato (foglio Ambito)');
  s.blank();
  s.pair("Pronto per l'Assemblea", { v: report.ready ? 'SÌ' : 'NO', style: report.ready ? 'ok' : 'error' });
  s.pair('Errori (bloccano il piano)', report.counts.error);
  s.pair('Avvisi (da verificare)', report.counts.warning);
  s.pair('Informazioni', report.counts.info);
  s.blank();

  s.subtitle('Ambito');
  s.pair('Ambito territoriale', cfg.ambito ?? '');
  s.pair('Comune capofila', cfg.capofila ?? '');
  s.pair('Anno di riferimento', cfg.anno ?? '');
  const comuni = model.comuni.filter((c) => c.written !== null);
  const answered = comuni.filter((c) => c.risposta === true).length;
  const owners = sectionG.byEnte.filter((e) => e.g > 0).length;
  s.pair('Enti proprietari nel foglio Enti', model.enti.filter((e) => e.name).length);
  s.pair('Enti proprietari con unità assegnabili', owners);
  s.pair("Comuni dell'ambito", comuni.length);
  s.pair('Comuni con unità assegnabili', sectionG.byComune.filter((c) => c.comune !== null && c.g > 0).length);
  s.pair('Comunicazioni ricevute', comuni.length ? `${answered} su ${comuni.length} (${pct((answered / comuni.length) * 100)})` : '');
  const sum = (f: (e: (typeof model.enti)[number]) => number | null) => model.enti.reduce((n, e) => n + (f(e) ?? 0), 0);
  s.pair('Patrimonio SAP (sezione a)', sum((e) => e.sap));
  s.pair('Patrimonio SAS (sezione a)', sum((e) => e.sas));
  s.blank();

  s.subtitle("Unità SAP assegnabili nell'anno (sezione g = b + c + d + e + f)");
  s.table('RiepilogoSezioni', ['Sezione', 'Unità', 'Descrizione'], [
    ...SECTIONS.map((k) => [k, sectionG.totals[k], SECTION_LABELS[k]]),
    [{ v: 'g', style: 'total' }, { v: sectionG.totals.g, style: 'total' }, { v: 'Totale unità assegnabili', style: 'total' }],
    ['j (SAT)', sectionG.totals.sat, 'di cui destinate ai servizi abitativi transitori'],
  ]);
  s.blank();

  s.subtitle("Unità assegnate l'anno precedente (k)");
  const ass = model.assegnazioni;
  s.pair('Unità assegnate', ass.reduce((n, a) => n + (a.assegnate ?? 0), 0));
  s.pair('di cui in deroga', ass.reduce((n, a) => n + (a.deroga ?? 0), 0));
  s.pair("di cui per mobilità d'ufficio", ass.reduce((n, a) => n + (a.mobilita ?? 0), 0));
  s.blank();

  // The per-owner table in the shape of the regional platform's report (Allegato A).
  s.subtitle('Per ente proprietario (come il report della Piattaforma regionale)');
  const assignedBy = new Map<string, number>();
  for (const a of ass) if (a.ente.name) assignedBy.set(a.ente.name, (assignedBy.get(a.ente.name) ?? 0) + (a.assegnate ?? 0));
  const enteRows = new Map(model.enti.filter((e) => e.name).map((e) => [e.name!, e]));
  const names = [...new Set([...sectionG.byEnte.map((e) => e.ente), ...enteRows.keys()])];
  const figuresOf = new Map(sectionG.byEnte.map((e) => [e.ente, e]));
  const perEnte = s.table(
    'RiepilogoEnti',
    [
      'Ente proprietario',
      'Numero U.I. SAS',
      'Numero U.I. SAP',
      "Numero complessivo U.I. disponibili nell'anno (g)",
      'libere e turnover (e)',
      'carenza manutentiva (b)',
      'nuova edificazione, ristrutturazione (c + d)',
      'conferite da privati (f)',
      'SAT (j)',
      "assegnate l'anno precedente (k)",
    ],
    names.map((n) => {
      const f = figuresOf.get(n);
      const e = enteRows.get(n);
      return [n, e?.sas ?? '', e?.sap ?? '', f?.g ?? 0, f?.e ?? 0, f?.b ?? 0, (f?.c ?? 0) + (f?.d ?? 0), f?.f ?? 0, f?.sat ?? 0, assignedBy.get(n) ?? 0];
    }),
  );
  if (perEnte) s.barChart('Unità assegnabili (g) per ente proprietario', perEnte, 3, 11);
  s.blank();

  s.subtitle('Scelte dei comuni: soglia indigenti (h), categoria aggiuntiva (i), Forze di Polizia (d bis)');
  s.table(
    'RiepilogoComuni',
    ['Comune', 'Soglia indigenti oltre il 20%', 'Categoria aggiuntiva', 'Motivazione', '% Forze di Polizia e VVF', 'Comunicazione ricevuta'],
    comuni.map((c) => [
      c.written,
      c.soglia === null ? '' : pct(c.soglia),
      isCategorySet(c.categoria) ? c.categoria : '',
      c.motivazione ?? '',
      c.ffoo === null ? '' : pct(c.ffoo),
      c.risposta === null ? '' : c.risposta ? 'Sì' : 'No',
    ]),
    { emptyText: 'Foglio Comuni assente.' },
  );
  return s.build();
}
