/** `check --previous`: last year's workbook or JSON report, read for the comparison, and what the summary prints of it. */
import { readFileSync } from 'node:fs';
import { check } from '../core/engine';
import { PreviousYearError, YearSummary, summarizeReport, summarizeResult } from '../core/previous/year';
import { Report } from '../core/report';
import { NotAPlanError } from '../core/scope';
import { countOf } from '../core/italian';
import { describeYears } from '../core/previous/wording';
import { UnreadableWorkbookError } from '../adapters/xlsx/workbook';
import { openArchive, readArchive, readFileBytes } from '../adapters/xlsx/reader/node';
import { whereOf } from './summary';

/** A .json file is read as a report (schemaVersion 1); anything else as a workbook, with the same reading as this year's. */
export function readPreviousYear(file: string): YearSummary {
  if (/\.json$/i.test(file)) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      throw new PreviousYearError(missing ? `Il file dell'anno precedente «${file}» non esiste.` : `«${file}» non è un file JSON leggibile: indicare il report scritto con --json, o la cartella .xlsx dell'anno precedente.`);
    }
    return summarizeReport(json, file);
  }
  try {
    const bytes = readFileBytes(file);
    return summarizeResult(check(readArchive(openArchive(bytes, file, false), bytes, file)), file);
  } catch (err) {
    if (err instanceof NotAPlanError || err instanceof UnreadableWorkbookError) {
      throw new PreviousYearError(`Anno precedente: ${err.message}`);
    }
    throw err;
  }
}

/** The comparison's lines under the summary: which years, and the warnings with their cells. */
export function previousText(report: Report, previous: readonly YearSummary[], maxListed = 12): string {
  const prev = report.anomalies.filter((a) => a.rule.startsWith('PREV_'));
  const warnings = prev.filter((a) => a.severity === 'warning');
  const years = describeYears(previous);
  const lines = [
    `Confronto con ${previous.length === 1 ? "l'anno precedente" : 'gli anni precedenti'}: ${years}`,
    `  ${countOf(warnings.length, 'avviso', 'avvisi')} · ${countOf(prev.length - warnings.length, 'informazione', 'informazioni')}`,
  ];
  for (const a of warnings.slice(0, maxListed)) lines.push(`  - ${whereOf(a)}: ${a.message}`);
  if (warnings.length > maxListed) lines.push(`  … e altri ${warnings.length - maxListed} (vedere il foglio «Anomalie» della copia annotata o il report JSON)`);
  return lines.join('\n');
}
