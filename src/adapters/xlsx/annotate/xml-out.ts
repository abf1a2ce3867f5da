/** Writing XML text: escaping, and elements from plain attribute lists. */

/** Whether a text needs escaping at all (most do not): one pass of the regular-expression engine. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

export function esc(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | null = null;
    if (c === 38) rep = '&amp;';
    else if (c === 60) rep = '&lt;';
    else if (c === 62) rep = '&gt;';
    else if (c === 34) rep = '&quot;';
    // Control characters are not allowed in XML 1.0: Excel writes them as _xHHHH_.
    else if (c < 32 && c !== 9 && c !== 10 && c !== 13) rep = `_x${c.toString(16).padStart(4, '0').toUpperCase()}_`;
    if (rep !== null) {
      out += s.slice(from, i) + rep;
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

export function attrs(a: Record<string, string | number | boolean | undefined | null>): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined || v === null || v === false) continue;
    out += ` ${k}="${v === true ? '1' : esc(String(v))}"`;
  }
  return out;
}

export function el(name: string, a: Record<string, string | number | boolean | undefined | null> = {}, inner?: string): string {
  return inner === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${inner}</${name}>`;
}

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * Where the XML declaration at the start of a text names an encoding other than UTF-8: the span of
 * that name, or null. Every part of the copy is written in UTF-8 (a part read as UTF-16 included),
 * so a declaration saying otherwise must say UTF-8. Read by the declaration's grammar
 * (`<?xml … encoding = "…" … ?>`), only within it.
 */
export function foreignEncodingAt(text: string): [number, number] | null {
  const at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('<?xml', at)) return null;
  const end = text.indexOf('?>', at);
  const name = text.indexOf('encoding', at);
  if (end < 0 || name < 0 || name > end) return null;
  let i = name + 'encoding'.length;
  while (/\s/.test(text[i] ?? '')) i++;
  if (text[i] !== '=') return null;
  i++;
  while (/\s/.test(text[i] ?? '')) i++;
  const q = text[i];
  if (q !== '"' && q !== "'") return null;
  const close = text.indexOf(q, i + 1);
  if (close < 0 || close > end) return null;
  return text.slice(i + 1, close).toLowerCase() === 'utf-8' ? null : [i + 1, close];
}

/** The text with its declaration saying UTF-8 (see foreignEncodingAt). */
export function declaredUtf8(text: string): string {
  const span = foreignEncodingAt(text);
  return span ? `${text.slice(0, span[0])}UTF-8${text.slice(span[1])}` : text;
}
