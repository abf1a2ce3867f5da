/** Shared strings and rich text: the text of every `<t>` of an item, phonetic runs left out. */
import { Tok, XmlScanner } from '../xml';

/** ST_Xstring escapes: `_x000D_` is a carriage return, `_x005F_` a literal underscore. */
export function unescapeXstring(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of the element just opened (an `<si>` or an `<is>`): its `<t>`, or its runs' `<t>`. */
export function richText(x: XmlScanner): string {
  if (x.selfClosing) {
    x.next();
    return '';
  }
  const depth = x.depth;
  let out = '';
  for (;;) {
    const k = x.next();
    if (k === Tok.Open) {
      if (x.name === 't') out += x.textContent();
      else if (x.name === 'rPh' || x.name === 'phoneticPr') x.skip();
    } else if (k === Tok.Close && x.depth < depth) return unescapeXstring(out);
    else if (k === Tok.End) return unescapeXstring(out);
  }
}

export function readSharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  const out: string[] = [];
  const x = new XmlScanner(xml);
  for (let k = x.next(); k !== Tok.End; k = x.next()) {
    if (k === Tok.Open && x.name === 'si') out.push(richText(x));
  }
  return out;
}
