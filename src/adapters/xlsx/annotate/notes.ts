/**
 * Notes (Excel's legacy comments): the comments part with the texts, and the VML drawing Excel needs
 * to show them. A sheet's own notes stay: theirs keep their text, ours (recognised by their first
 * words) are replaced, and a note of ours on a cell the user annotated goes under the user's text.
 */
import { a1 } from '../../../core/address';
import { Tok, XmlScanner } from '../xml';
import { el, esc, NS_MAIN, XML_DECL } from './xml-out';

export const NOTE_AUTHOR = 'Piano Offerta';
const OURS = 'Piano Offerta';

export interface NoteIn {
  row: number;
  col: number;
  text: string;
}

interface Comment {
  ref: string;
  row: number;
  col: number;
  author: string;
  /** The inner XML of <text>, as it was (rich runs kept). */
  inner: string;
  plain: string;
}

function parseRef(ref: string): { row: number; col: number } {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return { row: Number(ref.slice(i)) - 1, col: col - 1 };
}

function readComments(xml: string): Comment[] {
  const x = new XmlScanner(xml);
  const authors: string[] = [];
  const out: Comment[] = [];
  for (let k = x.next(); k !== Tok.End; k = x.next()) {
    if (k !== Tok.Open) continue;
    if (x.is('author')) authors.push(x.textContent());
    else if (x.is('comment')) {
      const ref = x.attr('ref') ?? '';
      const author = authors[Number(x.attr('authorId') ?? 0)] ?? '';
      const depth = x.depth;
      let inner = '';
      let plain = '';
      for (let j = x.next(); !(j === Tok.Close && x.depth < depth); j = x.next()) {
        if (j === Tok.Open && x.is('text')) {
          const start = x.end;
          const d = x.depth;
          for (let t = x.next(); !(t === Tok.Close && x.depth < d); t = x.next()) {
            if (t === Tok.Open && x.is('rPh')) x.skip();
            else if (t === Tok.Text) plain += x.text();
          }
          inner = xml.slice(start, x.start);
        }
      }
      out.push({ ref, ...parseRef(ref), author, inner, plain });
    }
  }
  return out;
}

/** Our VML shapes can be rewritten only when every shape of the drawing is a note. */
function onlyNotes(vml: string): boolean {
  try {
    const x = new XmlScanner(vml);
    let shapes = 0;
    let notes = 0;
    for (let k = x.next(); k !== Tok.End; k = x.next()) {
      if (k !== Tok.Open) continue;
      if (x.is('shape')) shapes++;
      if (x.is('ClientData') && x.attr('ObjectType') === 'Note') notes++;
    }
    return shapes === notes;
  } catch {
    return false;
  }
}

const plainText = (s: string) => `<t xml:space="preserve">${esc(s)}</t>`;

/**
 * The comments part and its VML for a sheet, or null when the sheet's drawing holds more than notes
 * (a form control, say): then the sheet keeps its drawing untouched and gets no notes of ours.
 */
export function notesParts(existing: { comments: string | null; vml: string | null }, ours: NoteIn[], firstBlock: number): { comments: string; vml: string; blocks: number } | null {
  if (existing.vml !== null && !onlyNotes(existing.vml)) return null;
  const kept = existing.comments ? readComments(existing.comments) : [];
  const byCell = new Map<string, Comment>();
  for (const c of kept) {
    if (c.plain.startsWith(OURS)) continue; // ours, from an earlier run
    const at = c.plain.indexOf(`\n\n${OURS}`);
    // A user's note with ours under it: the user's part only (its plain text; our part is rewritten).
    byCell.set(c.ref, at >= 0 ? { ...c, inner: plainText(c.plain.slice(0, at)), plain: c.plain.slice(0, at) } : c);
  }
  for (const n of ours) {
    const ref = a1(n.row, n.col);
    const user = byCell.get(ref);
    byCell.set(ref, user
      ? { ...user, inner: `${user.inner.includes('<r>') || user.inner.includes('<r ') ? user.inner + `<r>${plainText(`\n\n${n.text}`)}</r>` : plainText(`${user.plain}\n\n${n.text}`)}`, plain: `${user.plain}\n\n${n.text}` }
      : { ref, row: n.row, col: n.col, author: NOTE_AUTHOR, inner: plainText(n.text), plain: n.text });
  }
  // Excel lists comments in sheet order.
  const all = [...byCell.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  const authors = [...new Set(all.map((c) => c.author))];
  const comments =
    `${XML_DECL}<comments xmlns="${NS_MAIN}"><authors>${authors.map((a) => `<author>${esc(a)}</author>`).join('')}</authors><commentList>` +
    all.map((c) => `<comment ref="${c.ref}" authorId="${authors.indexOf(c.author)}"><text>${c.inner}</text></comment>`).join('') +
    '</commentList></comments>';
  const blocks = Math.max(1, Math.ceil((all.length + 1) / 1024));
  const ids = Array.from({ length: blocks }, (_, i) => firstBlock + i).join(',');
  const shapes = all.map((c, i) => {
    const id = firstBlock * 1024 + 1 + i;
    const anchor = `${c.col + 1}, 15, ${Math.max(0, c.row - 1)}, 10, ${c.col + 3}, 15, ${c.row + 3}, 4`;
    return `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:80pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${c.row}</x:Row><x:Column>${c.col}</x:Column></x:ClientData></v:shape>`;
  });
  const vml =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit">${el('o:idmap', { 'v:ext': 'edit', data: ids })}</o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    shapes.join('') +
    '</xml>';
  return { comments, vml, blocks };
}
