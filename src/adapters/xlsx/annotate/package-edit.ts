/**
 * Edits to the package's own parts, made in their XML: content types, relationships, the workbook's
 * sheet list and defined names. Each edit splices the original text; nothing else is rewritten.
 */
import { Tok, XmlScanner } from '../xml';
import { el, esc, NS_PKG_REL, XML_DECL } from './xml-out';

export const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};

/** [Content_Types].xml with overrides added and removed, and defaults added. */
export function editContentTypes(xml: string, add: Map<string, string>, remove: Set<string>, defaults: Map<string, string>): string {
  const x = new XmlScanner(xml);
  const cuts: [number, number][] = [];
  const adding = new Set([...add.keys()].map((k) => k.toLowerCase()));
  const haveDefaults = new Set<string>();
  let close = -1;
  for (let k = x.next(); k !== Tok.End; k = x.next()) {
    if (k === Tok.Open && x.is('Override')) {
      const part = (x.attr('PartName') ?? '').toLowerCase();
      if (remove.has(part) || adding.has(part)) cuts.push([x.start, x.end]);
    } else if (k === Tok.Open && x.is('Default')) haveDefaults.add((x.attr('Extension') ?? '').toLowerCase());
    else if (k === Tok.Close && x.depth === 0) close = x.start;
  }
  let out = xml.slice(0, close) + [...defaults].filter(([ext]) => !haveDefaults.has(ext)).map(([ext, type]) => el('Default', { Extension: ext, ContentType: type })).join('') +
    [...add].map(([part, type]) => el('Override', { PartName: part, ContentType: type })).join('') + xml.slice(close);
  for (const [a, b] of cuts.sort((p, q) => q[0] - p[0])) out = out.slice(0, a) + out.slice(b);
  return out;
}

export interface NewRel {
  id: string;
  type: string;
  target: string;
}

/** A relationships part with relationships added (and some removed by id); created when absent. */
export function editRels(xml: string | null, add: NewRel[], removeIds: Set<string> = new Set()): string {
  const base = xml ?? `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}"></Relationships>`;
  const x = new XmlScanner(base);
  const cuts: [number, number][] = [];
  let close = -1;
  let selfClosingRoot: [number, number] | null = null;
  for (let k = x.next(); k !== Tok.End; k = x.next()) {
    if (k === Tok.Open && x.depth === 1 && x.selfClosing) selfClosingRoot = [x.start, x.end];
    if (k === Tok.Open && x.is('Relationship') && removeIds.has(x.attr('Id') ?? '')) cuts.push([x.start, x.end]);
    if (k === Tok.Close && x.depth === 0) close = x.start;
  }
  const added = add.map((r) => el('Relationship', { Id: r.id, Type: r.type, Target: r.target })).join('');
  let out = selfClosingRoot
    ? `${base.slice(0, selfClosingRoot[0])}<Relationships xmlns="${NS_PKG_REL}">${added}</Relationships>${base.slice(selfClosingRoot[1])}`
    : base.slice(0, close) + added + base.slice(close);
  if (!selfClosingRoot) for (const [a, b] of cuts.sort((p, q) => q[0] - p[0])) out = out.slice(0, a) + out.slice(b);
  return out;
}

/** A relationship id not used in the part yet. */
export function freshId(xml: string | null, taken: Set<string> = new Set()): () => string {
  const used = new Set(taken);
  if (xml) {
    const x = new XmlScanner(xml);
    for (let k = x.next(); k !== Tok.End; k = x.next()) if (k === Tok.Open && x.is('Relationship')) used.add(x.attr('Id') ?? '');
  }
  let n = 1;
  return () => {
    while (used.has(`rIdPO${n}`)) n++;
    used.add(`rIdPO${n}`);
    return `rIdPO${n}`;
  };
}

export interface WorkbookEdit {
  /** New <sheet> elements, appended in order. */
  sheets: { name: string; relId: string }[];
  /** Defined names to drop: (name, localSheetId). */
  dropNames: { name: string; localSheetId: number }[];
  names: { name: string; localSheetId: number; value: string }[];
  activeTab: number | null;
}

export function editWorkbook(xml: string, edit: WorkbookEdit): string {
  const x = new XmlScanner(xml);
  const edits: { from: number; to: number; text: string }[] = [];
  let maxSheetId = 0;
  let sheetsClose = -1;
  let namesClose = -1;
  let namesAfter = -1;
  let namesEmpty: [number, number] | null = null;
  let relNs = false;
  for (let k = x.next(); k !== Tok.End; k = x.next()) {
    if (k === Tok.Open && x.depth === 1) relNs = x.attrIndex('xmlns:r') >= 0;
    if (k === Tok.Open && x.is('sheet')) maxSheetId = Math.max(maxSheetId, Number(x.attr('sheetId') ?? 0));
    if (k === Tok.Close && x.is('sheets')) sheetsClose = x.start;
    if (k === Tok.Close && x.depth === 1 && (x.is('sheets') || x.is('functionGroups') || x.is('externalReferences'))) namesAfter = x.end;
    if (k === Tok.Open && x.depth === 2 && (x.is('functionGroups') || x.is('externalReferences')) && x.selfClosing) namesAfter = x.end;
    if (k === Tok.Open && x.is('definedNames') && x.selfClosing) {
      namesEmpty = [x.start, x.end];
      x.next();
      continue;
    }
    if (k === Tok.Close && x.is('definedNames')) namesClose = x.start;
    if (k === Tok.Open && x.is('definedName')) {
      const name = x.attr('name');
      const local = Number(x.attr('localSheetId'));
      const start = x.start;
      x.skip();
      if (edit.dropNames.some((d) => d.name === name && d.localSheetId === local)) edits.push({ from: start, to: x.end, text: '' });
    }
    if (k === Tok.Open && x.is('workbookView') && edit.activeTab !== null) {
      const span = x.attrSpan('activeTab');
      if (span) edits.push({ from: span[0], to: span[1], text: String(edit.activeTab) });
      else {
        const at = x.start + '<'.length + xml.slice(x.start + 1).search(/[\s/>]/);
        edits.push({ from: at, to: at, text: ` activeTab="${edit.activeTab}"` });
      }
    }
  }
  const prefix = relNs ? 'r' : 'r';
  const newSheets = edit.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${maxSheetId + 1 + i}" ${prefix}:id="${s.relId}"${relNs ? '' : ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'}/>`).join('');
  if (newSheets) edits.push({ from: sheetsClose, to: sheetsClose, text: newSheets });
  const names = edit.names.map((n) => `<definedName name="${n.name}" localSheetId="${n.localSheetId}">${esc(n.value)}</definedName>`).join('');
  if (names) {
    if (namesEmpty) edits.push({ from: namesEmpty[0], to: namesEmpty[1], text: `<definedNames>${names}</definedNames>` });
    else if (namesClose >= 0) edits.push({ from: namesClose, to: namesClose, text: names });
    else edits.push({ from: namesAfter, to: namesAfter, text: `<definedNames>${names}</definedNames>` });
  }
  let out = xml;
  for (const e of edits.sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return out;
}
