/**
 * The plan document from the engine's result: the title block, the BOZZA notice when the plan is not
 * ready, the recognition sentences, sections a–k, placeholders for the parts people write, and the
 * errors still open. Pure data (see model.ts); the .docx adapter renders it.
 */
import type { EngineResult } from '../engine';
import { officialComune } from '../names/display';
import { verdictOf } from '../output/verdict';
import { comuniWithoutAnswer } from '../rules/comune-no-response';
import type { Block, PlanDocument } from './model';
import { sections, yearOf } from './sections';
import * as W from './wording';

export type * from './model';

/** Seeds 000 and 002: who was asked, who answered, how many comuni own units, who did not answer. */
function recognition({ model }: EngineResult): Block[] {
  const p = (t: string): Block => ({ kind: 'paragraph', text: t });
  const comuni = model.comuni.filter((c) => c.written !== null);
  const others = model.enti.filter((e) => e.name !== null && e.tipo !== 'Comune' && (e.tipo !== null || /^ALER\b/i.test(e.name))).map((e) => e.name!);
  const out: Block[] = [];
  if (comuni.length || others.length) out.push(p(W.RECOGNITION.asked(model.config.ambito, comuni.length, others)));
  if (comuni.length === 0) return [...out, p(W.RECOGNITION.follows)];
  const answered = comuni.filter((c) => c.risposta === true).length;
  const unknown = comuni.filter((c) => c.risposta === null).length;
  out.push(p(answered === comuni.length ? W.RECOGNITION.allAnswered : W.RECOGNITION.answered(answered, comuni.length, unknown)));
  // Owners among the comuni: an Enti row of a comune, unless its figures say it owns nothing.
  const owning = new Set<string>();
  for (const e of model.enti) {
    if (e.tipo !== 'Comune' || !e.comune?.name) continue;
    const figures = [e.totale, e.sap, e.sas, e.altri];
    if (figures.every((v) => v === null) || figures.some((v) => (v ?? 0) > 0)) owning.add(e.comune.name);
  }
  if (model.hasEntiSheet) out.push(p(W.RECOGNITION.owners(owning.size, comuni.length)));
  const { owed, notOwed } = comuniWithoutAnswer(model);
  const names = (rows: typeof owed) => rows.map((c) => officialComune(c.written!));
  if (owed.length) out.push(p(W.RECOGNITION.defaulting(names(owed))));
  if (notOwed.length) out.push(p(W.RECOGNITION.notOwing(names(notOwed))));
  out.push(p(W.RECOGNITION.follows));
  return out;
}

/** Errors listed in the document, a row each (a workbook can hold thousands: the rest are in Anomalie). */
export const MAX_LISTED_ERRORS = 200;

/** The errors still open, a row each: sheet, cells, message. */
function openErrors({ anomalies }: EngineResult): Block[] {
  const all = anomalies.filter((a) => a.severity === 'error');
  if (all.length === 0) return [];
  const errors = all.slice(0, MAX_LISTED_ERRORS);
  return [
    { kind: 'heading', level: 1, text: W.CHAPTER.errori },
    { kind: 'paragraph', text: W.errorsIntro(all.length) },
    {
      kind: 'table',
      caption: W.CAPTION.errori,
      columns: [
        { header: W.COLUMN.foglio, numeric: false, width: 16 },
        { header: W.COLUMN.celle, numeric: false, width: 18 },
        { header: W.COLUMN.errore, numeric: false, width: 66 },
      ],
      rows: errors.map((a) => [a.sheet, W.cellList(a.cells ?? (a.cell ? [a.cell] : [])), a.message]),
    },
    ...(all.length > errors.length ? [{ kind: 'paragraph', text: W.moreErrors(all.length - errors.length) } as const] : []),
  ];
}

export function buildPlanDocument(result: EngineResult): PlanDocument {
  const { model, report, readiness } = result;
  const { ambito, anno, capofila } = model.config;
  const year = yearOf(anno);
  const ready = report.ready;
  const blocks: Block[] = [{ kind: 'title', title: W.TITLE, lines: W.titleLines(ambito, year, capofila === null ? null : officialComune(capofila)) }];
  if (!ready) blocks.push({ kind: 'draft', label: W.DRAFT_LABEL, lines: W.draftLines(verdictOf(report, readiness).reasons, report.counts.error) });
  blocks.push(
    { kind: 'contents', title: W.CONTENTS },
    { kind: 'heading', level: 1, text: W.CHAPTER.premessa },
    { kind: 'placeholder', text: W.PLACEHOLDER.premessa },
    { kind: 'heading', level: 1, text: W.CHAPTER.dati },
    ...recognition(result),
    ...sections(result),
    { kind: 'heading', level: 2, text: W.SECTION_HEADING.l(), section: 'l' },
    { kind: 'placeholder', text: W.PLACEHOLDER.misure },
    { kind: 'heading', level: 2, text: W.SECTION_HEADING.m(), section: 'm' },
    { kind: 'placeholder', text: W.PLACEHOLDER.fondi },
    { kind: 'heading', level: 1, text: W.CHAPTER.chiusura },
    { kind: 'placeholder', text: W.PLACEHOLDER.chiusura },
    ...openErrors(result),
  );
  const title = `${W.TITLE} – ${W.titleLines(ambito, year, null)[0]}`;
  return {
    title, fileName: W.fileName(ambito, year), description: W.DESCRIPTION, runningHead: W.runningHead(ready, title), labels: W.LABELS, ready, blocks,
  };
}
