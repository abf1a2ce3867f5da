/**
 * Last year's plan from a file, the same way for the command line and the page: a .json is its report
 * (checked against the report's schema), anything else a workbook read and checked as this year's.
 * Each shell says how it gets the bytes and what to say of a JSON file it cannot parse.
 */
import { check } from '../../core/engine';
import { PreviousYearError, YearSummary, summarizeReport, summarizeResult } from '../../core/previous/year';
import { NotAPlanError } from '../../core/scope';
import { WorkbookSnapshot } from '../../core/snapshot';
import { UnreadableWorkbookError } from './workbook';

export interface PreviousFile {
  name: string;
  /** The parsed JSON; a PreviousYearError it throws is said as it is, any other error as `notJson`. */
  json(): unknown;
  /** The workbook as this year's is read. */
  workbook(): WorkbookSnapshot;
  /** What to say of a .json file that does not parse. */
  notJson: string;
}

export function readPreviousFile(file: PreviousFile): YearSummary {
  if (/\.json$/i.test(file.name)) {
    let json: unknown;
    try {
      json = file.json();
    } catch (err) {
      throw err instanceof PreviousYearError ? err : new PreviousYearError(file.notJson);
    }
    return summarizeReport(json, file.name);
  }
  try {
    return summarizeResult(check(file.workbook()), file.name);
  } catch (err) {
    if (err instanceof NotAPlanError || err instanceof UnreadableWorkbookError) throw new PreviousYearError(`Anno precedente: ${err.message}`);
    throw err;
  }
}
