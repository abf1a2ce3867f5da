/** Number formats by cell style index (`s`), and which of them show a date. */
import { Tok, XmlScanner } from '../xml';

/** Excel's built-in number formats (ECMA-376 18.8.30) that matter for reading. */
const BUILTIN: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm',
  21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
  // Locale date formats Excel stores by id only.
  27: 'dd/mm/yyyy', 30: 'dd/mm/yyyy', 36: 'dd/mm/yyyy', 50: 'dd/mm/yyyy', 57: 'dd/mm/yyyy',
};

export function readNumberFormats(xml: string | null): (string | null)[] {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  const out: (string | null)[] = [];
  const x = new XmlScanner(xml);
  let inCellXfs = false;
  for (let k = x.next(); k !== Tok.End; k = x.next()) {
    if (k === Tok.Open) {
      if (x.name === 'numFmt') {
        const id = Number(x.attr('numFmtId'));
        const code = x.attr('formatCode');
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (x.name === 'cellXfs') inCellXfs = true;
      else if (x.name === 'xf' && inCellXfs) {
        const id = Number(x.attr('numFmtId') ?? 0);
        out.push(custom.get(id) ?? BUILTIN[id] ?? null);
        x.skip();
      }
    } else if (k === Tok.Close && x.name === 'cellXfs') inCellXfs = false;
  }
  return out;
}

const dateCache = new Map<string, boolean>();

/**
 * A format that shows a calendar day (a day or a year, outside quotes, escapes and brackets): a
 * serial under it is a date, which the 1904 system counts differently. Times of day and elapsed
 * times ([h]:mm) are not days: their serials are the same in both systems.
 */
export function isDateFormat(fmt: string | null): boolean {
  if (!fmt) return false;
  let known = dateCache.get(fmt);
  if (known !== undefined) return known;
  const section = fmt.split(';')[0]!;
  const bare = section.replace(/"[^"]*"|\\.|_.|\*./g, '').replace(/\[[^\]]*\]/g, '');
  known = /[dy]/i.test(bare) && !/general/i.test(bare);
  dateCache.set(fmt, known);
  return known;
}
