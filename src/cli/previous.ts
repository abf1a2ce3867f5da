/** `check --previous`: last year's workbook or JSON report, read for the comparison, and what the summary prints of it. */
import { readFileSync } from 'node:fs';
import { PreviousYearError, YearSummary } from '../core/previous/year';
import { Report } from '../core/report';
import { countOf } from '../core/italian';
import { comparedHeadline, comparisonCounts } from '../core/previous/wording';
import { readPreviousFile } from '../adapters/xlsx/previous';
import { openArchive, readArchive, readFileBytes } from '../adapters/xlsx/reader/node';
import { whereOf } from './summary';

/** A .json file is read as a report (schemaVersion 1); anything else as a workbook, with the same reading as this year's. */
export function readPreviousYear(file: string): YearSummary {
  return readPreviousFile({
    name: file,
    json() {
      try {
        return JSON.parse(readFileSync(file, 'utf8'));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new PreviousYearError(`Il file dell'anno precedente «${file}» non esiste.`);
        throw err;
      }
    },
    workbook() {
      const bytes = readFileBytes(file);
      return readArchive(openArchive(bytes, file, false), bytes, file);
    },
    notJson: `«${file}» non è un file JSON leggibile: indicare il report scritto con --json, o la cartella .xlsx dell'anno precedente.`,
  });
}

/** The comparison's lines under the summary: which years, and the warnings with their cells. */
export function previousText(report: Report, previous: readonly YearSummary[], maxListed = 12): string {
  const warnings = report.anomalies.filter((a) => a.rule.startsWith('PREV_') && a.severity === 'warning');
  const { infos } = comparisonCounts(report.anomalies);
  const lines = [comparedHeadline(previous), `  ${countOf(warnings.length, 'avviso', 'avvisi')} · ${countOf(infos, 'informazione', 'informazioni')}`];
  for (const a of warnings.slice(0, maxListed)) lines.push(`  - ${whereOf(a)}: ${a.message}`);
  if (warnings.length > maxListed) lines.push(`  … e altri ${warnings.length - maxListed} (vedere il foglio «Anomalie» della copia annotata o il report JSON)`);
  return lines.join('\n');
}
