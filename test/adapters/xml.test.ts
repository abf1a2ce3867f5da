/**
 * The XML tokenizer against saxes (a conformant XML parser no one here wrote): on generated documents
 * with prefixes, either quote, entities, `>` in values, CDATA, comments and processing instructions,
 * both give the same elements, attributes and text; on broken ones both refuse.
 */
import fc from 'fast-check';

/** saxes's own type declarations do not compile under TypeScript 5.9: the little used here, typed here. */
interface SaxesLike {
  on(event: 'opentag', f: (t: { name: string; attributes: Record<string, unknown> }) => void): void;
  on(event: 'closetag', f: (t: { name: string }) => void): void;
  on(event: 'text' | 'cdata', f: (t: string) => void): void;
  on(event: 'error', f: (e: Error) => void): void;
  write(s: string): { close(): void };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SaxesParser } = require('saxes') as { SaxesParser: new (opts: object) => SaxesLike };
import { Tok, XmlScanner, decodeXml } from '../../src/adapters/xlsx/xml';

type Event = ['open', string, Record<string, string>] | ['text', string] | ['close', string];

const local = (n: string) => n.slice(n.indexOf(':') + 1);

function ours(xml: string): Event[] {
  const x = new XmlScanner(xml);
  const out: Event[] = [];
  for (let k = x.next(); k !== Tok.End; k = x.next()) {
    if (k === Tok.Open) {
      const attrs: Record<string, string> = {};
      for (const name of attrNames(xml, x.start, x.end)) attrs[local(name)] = x.attr(local(name))!;
      out.push(['open', x.name, attrs]);
    } else if (k === Tok.Close) out.push(['close', x.name]);
    else pushText(out, x.text());
  }
  return out;
}

/** Attribute names of a start tag, for asking the scanner each one (generated names are plain). */
function attrNames(xml: string, start: number, end: number): string[] {
  const names: string[] = [];
  const tag = xml.slice(start, end);
  let i = tag.search(/[\s/>]/);
  while (i < tag.length) {
    while (/\s/.test(tag[i] ?? '')) i++;
    if (tag[i] === '>' || tag[i] === '/' || i >= tag.length) break;
    const eq = tag.indexOf('=', i);
    const name = tag.slice(i, eq).trim();
    const q = tag[eq + 1]!;
    const close = tag.indexOf(q, eq + 2);
    if (!name.startsWith('xmlns')) names.push(name);
    i = close + 1;
  }
  return names;
}

function pushText(out: Event[], t: string) {
  if (t === '') return;
  const last = out[out.length - 1];
  if (last && last[0] === 'text') last[1] += t;
  else out.push(['text', t]);
}

function reference(xml: string): Event[] {
  const out: Event[] = [];
  const p = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  p.on('opentag', (t) => {
    depth++;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(t.attributes)) if (!k.startsWith('xmlns')) attrs[local(k)] = String(v);
    out.push(['open', local(t.name), attrs]);
  });
  p.on('closetag', (t) => {
    depth--;
    out.push(['close', local(t.name)]);
  });
  p.on('text', (t) => depth > 0 && pushText(out, t));
  p.on('cdata', (t) => pushText(out, t));
  p.on('error', (e) => {
    throw e;
  });
  p.write(xml).close();
  return out;
}

const nameArb = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,5}$/);
const textArb = fc.array(fc.constantFrom('a', 'Crema', ' ', '\n', '\r\n', '\r', '&#13;', '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#233;', '&#x1F600;', '>', 'è', '"', "'"), { maxLength: 6 }).map((a) => a.join(''));
const attrValueArb = fc.array(fc.constantFrom('x', '1', ' ', '&amp;', '&lt;', '>', 'è', '&#10;', '\n', '\t', '\r\n'), { maxLength: 5 }).map((a) => a.join(''));

interface Node {
  name: string;
  prefix: boolean;
  attrs: [string, string, '"' | "'"][];
  children: (Node | string)[];
}

const nodeArb: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.record({
    name: nameArb,
    prefix: fc.boolean(),
    attrs: fc.uniqueArray(fc.tuple(nameArb, attrValueArb, fc.constantFrom<'"' | "'">('"', "'")), { maxLength: 3, selector: (a) => a[0] }),
    children: fc.array(
      fc.oneof(
        { weight: 3, arbitrary: textArb },
        { weight: 1, arbitrary: fc.constantFrom('<![CDATA[a <c> & ]]>', '<!-- <c r="A1"> -->', '<?pi x?>') },
        { weight: 2, arbitrary: tie('node') },
      ),
      { maxLength: 4 },
    ),
  }),
})).node;

function render(n: Node): string {
  const name = n.prefix ? `x:${n.name}` : n.name;
  const attrs = n.attrs.map(([k, v, q]) => ` ${k}=${q}${q === "'" ? v.replace(/'/g, '&apos;') : v}${q}`).join('');
  const inner = n.children.map((c) => (typeof c === 'string' ? c : render(c))).join('');
  return inner === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${inner}</${name}>`;
}

test('the same events as saxes on generated documents', () => {
  fc.assert(
    fc.property(nodeArb, (root) => {
      const xml = `<?xml version="1.0"?>\n<r xmlns:x="urn:x">${render(root)}</r>`;
      expect(ours(xml)).toEqual(reference(xml));
    }),
    { numRuns: 400 },
  );
});

test.each([
  ['mismatched end tag', '<a><b></a></b>'],
  ['unclosed element', '<a><b>'],
  ['unknown entity', '<a>&nbsp;</a>'],
  ['character reference beyond Unicode', '<a>&#1114112;</a>'],
  ['attribute without quotes', '<a b=1/>'],
  ['DOCTYPE', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
])('%s: refused, as saxes refuses it', (_, xml) => {
  expect(() => reference(xml)).toThrow();
  expect(() => ours(xml)).toThrow();
});

test('decodeXml: the five entities and character references', () => {
  expect(decodeXml('a &amp; b &lt;c&gt; &quot;&apos; &#233;&#x20AC;')).toBe('a & b <c> "\' é€');
});
