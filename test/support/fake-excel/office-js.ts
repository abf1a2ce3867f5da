/**
 * Microsoft's Office.js client library in front of the fake Excel host. The library is the npm build
 * of `@microsoft/office-js` (Excel on the web's `excel-web-16.00.js`, as the CDN serves it); it talks
 * to its host through `OSF.DDA.RichApi.executeRichApiRequestAsync`, which is where the fake server
 * plugs in: every request body is the very string Office.js would post to Excel.
 *
 * That npm build predates the notes API (ExcelApi 1.18). `installNotes` adds NoteCollection and Note
 * the way Office.js generates every class (the same BatchApiHelper calls as its CommentCollection and
 * Comment), so their requests serialize as the CDN's build does. Works in Node (a vm context per
 * host) and in a browser page (the library loaded as a script).
 */
import { ExcelServer } from './server';

/* eslint-disable @typescript-eslint/no-explicit-any -- the library is untyped JavaScript */
type Ns = any;

/** ExcelApi minor versions of the hosts users have (Microsoft's requirement-set pages). */
export const EXCEL_VERSIONS = {
  /** Office 2019 (volume licensed): ExcelApi 1.7. */
  office2019: 7,
  /** Office 2021 (volume licensed): ExcelApi 1.14. */
  office2021: 14,
  /** Office 2024 (volume licensed): ExcelApi 1.17. */
  office2024: 17,
  /** Microsoft 365 on Windows (current channel), and Excel on the web: 1.18 and later. */
  microsoft365: 20,
  web: 20,
  /** Microsoft 365 for Mac (16.93 and later). */
  mac: 20,
} as const;

export function installNotes(g: Ns): void {
  const OfficeExtension = g.OfficeExtension;
  const Excel = g.Excel;
  if (Excel.NoteCollection) return;
  const H = OfficeExtension.BatchApiHelper;
  const U = OfficeExtension.Utility;
  const ClientObject = OfficeExtension.ClientObject;

  function Note(this: Ns, ...args: unknown[]) {
    return ClientObject.apply(this, args) || this;
  }
  Note.prototype = Object.create(ClientObject.prototype, { constructor: { value: Note, writable: true, configurable: true } });
  const noteProto = Note.prototype as Ns;
  Object.defineProperty(noteProto, '_className', { get: () => 'Note' });
  Object.defineProperty(noteProto, '_scalarPropertyNames', { get: () => ['authorName', 'content', 'height', 'visible', 'width'] });
  Object.defineProperty(noteProto, '_scalarPropertyOriginalNames', { get: () => ['AuthorName', 'Content', 'Height', 'Visible', 'Width'] });
  Object.defineProperty(noteProto, '_scalarPropertyUpdateable', { get: () => [false, true, true, true, true] });
  Object.defineProperty(noteProto, 'content', {
    get(this: Ns) {
      U.throwIfNotLoaded('content', this._C, 'Note', this._isNull);
      return this._C;
    },
    set(this: Ns, value: string) {
      this._C = value;
      H.invokeSetProperty(this, 'Content', value, 0);
    },
  });
  Object.defineProperty(noteProto, 'authorName', {
    get(this: Ns) {
      U.throwIfNotLoaded('authorName', this._A, 'Note', this._isNull);
      return this._A;
    },
  });
  noteProto.delete = function (this: Ns) {
    H.invokeMethod(this, 'Delete', 0, [], 0, 0);
  };
  noteProto.getLocation = function (this: Ns) {
    return H.createMethodObject(Excel.Range, this, 'GetLocation', 1, [], false, true, null, 4);
  };
  noteProto._handleResult = function (this: Ns, value: Ns) {
    ClientObject.prototype._handleResult.call(this, value);
    if (U.isNullOrUndefined(value)) return;
    U.fixObjectPathIfNecessary(this, value);
    if (value.Content !== undefined) this._C = value.Content;
    if (value.AuthorName !== undefined) this._A = value.AuthorName;
  };
  noteProto.load = function (this: Ns, options: unknown) {
    return U.load(this, options);
  };
  noteProto.toJSON = function (this: Ns) {
    return U.toJson(this, { content: this._C, authorName: this._A }, {});
  };

  function NoteCollection(this: Ns, ...args: unknown[]) {
    return ClientObject.apply(this, args) || this;
  }
  NoteCollection.prototype = Object.create(ClientObject.prototype, { constructor: { value: NoteCollection, writable: true, configurable: true } });
  const collProto = NoteCollection.prototype as Ns;
  Object.defineProperty(collProto, '_className', { get: () => 'NoteCollection' });
  Object.defineProperty(collProto, '_isCollection', { get: () => true });
  Object.defineProperty(collProto, 'items', {
    get(this: Ns) {
      U.throwIfNotLoaded('items', this.m__items, 'NoteCollection', this._isNull);
      return this.m__items;
    },
  });
  collProto.add = function (this: Ns, cellAddress: unknown, content: unknown) {
    return H.createMethodObject(Note, this, 'Add', 0, [cellAddress, content], false, true, null, 0);
  };
  collProto.getCount = function (this: Ns) {
    return H.invokeMethod(this, 'GetCount', 1, [], 4, 0);
  };
  collProto.getItem = function (this: Ns, k: string) {
    return H.createIndexerObject(Note, this, [k]);
  };
  collProto.getItemAt = function (this: Ns, index: number) {
    return H.createMethodObject(Note, this, 'GetItemAt', 1, [index], false, false, null, 4);
  };
  collProto.getItemOrNullObject = function (this: Ns, k: string) {
    return H.createMethodObject(Note, this, 'GetItemOrNullObject', 1, [k], false, false, null, 4);
  };
  collProto._handleResult = function (this: Ns, value: Ns) {
    ClientObject.prototype._handleResult.call(this, value);
    if (U.isNullOrUndefined(value)) return;
    U.fixObjectPathIfNecessary(this, value);
    const data = value[OfficeExtension.Constants.items];
    if (!U.isNullOrUndefined(data)) {
      this.m__items = data.map((d: unknown, i: number) => {
        const item = H.createChildItemObject(Note, true, this, d, i);
        item._handleResult(d);
        return item;
      });
    }
  };
  collProto.load = function (this: Ns, options: unknown) {
    return U.load(this, options);
  };
  collProto.toJSON = function (this: Ns) {
    return U.toJson(this, {}, {}, this.m__items);
  };

  Object.defineProperty(Excel.Workbook.prototype, 'notes', {
    get(this: Ns) {
      if (!this._PianoNotes) this._PianoNotes = H.createPropertyObject(NoteCollection, this, 'Notes', true, 4);
      return this._PianoNotes;
    },
  });
  Excel.NoteCollection = NoteCollection;
  Excel.Note = Note;
}

/** Requirement sets the host reports (Office.context.requirements.isSetSupported). */
export function requirementsOf(excelApi: number) {
  return (name: string, version = '1.1'): boolean => {
    const [major, minor] = version.split('.').map(Number);
    if (name === 'ExcelApi') return major === 1 && (minor ?? 0) <= excelApi;
    // Office.js asks for this before honouring Excel.run's delayForCellEdit. Microsoft documents no
    // version for it; the fake gives it to hosts of ExcelApi 1.11 and later (an assumption, and the
    // tests cover both answers).
    if (name === 'DelayForCellEdit') return excelApi >= 11;
    if (name === 'RichApiRuntime' || name === 'RichApiRuntimeFlag') return true;
    return false;
  };
}

/** Points a loaded Office.js (its global namespace) at a server, for a host of the given version. */
export function connect(g: Ns, server: ExcelServer, delayMs = 0): void {
  const isSetSupported = requirementsOf(server.options.excelApi);
  // Office.context is a getter of the library's: the host's answers take its place.
  g.Office = Object.create(g.Office ?? {}, { context: { value: { requirements: { isSetSupported } }, configurable: true } });
  g.OSF.DDA.RichApi = g.OSF.DDA.RichApi ?? {};
  g.OSF.DDA.RichApi.executeRichApiRequestAsync = (message: unknown[], callback: (r: unknown) => void) => {
    server.inflight++;
    const answer = () => {
      server.inflight--;
      const r = server.handle(String(message[4]), Number(message[6]));
      if (r.ok) callback({ status: 'succeeded', value: { data: [200, [], r.body] } });
      else callback({ status: 'failed', error: { code: r.code, message: r.message } });
    };
    // Excel answers later, never within the same turn.
    setTimeout(answer, delayMs);
  };
  installNotes(g);
}
