/**
 * @jest-environment jsdom
 */
// The add-in manifest (manifest.xml): structure, requirements, Italian strings, icons, the Home-tab
// button, development URLs, and the production transform webpack applies for dist/manifest.xml.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_BASE_URL, normaliseBaseUrl, toProductionManifest } from '../../scripts/manifest-url.cjs';

const ROOT = join(__dirname, '..', '..');
const SOURCE = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};
const ICON_SIZES = [16, 32, 64, 80, 128];
const PRODUCTION = 'https://piano-offerta.comune.example.it';

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`manifest non valido: ${error.textContent ?? ''}`);
  return doc;
}

const doc = parse(SOURCE);
const root = doc.documentElement;

function children(el: Element, ns?: string, name?: string): Element[] {
  return Array.from(el.children).filter((c) => (!ns || c.namespaceURI === ns) && (!name || c.localName === name));
}

function child(el: Element, ns: string, name: string): Element {
  const found = children(el, ns, name);
  if (found.length !== 1) throw new Error(`${el.localName}: attesi 1 <${name}>, trovati ${found.length}`);
  return found[0]!;
}

function all(ns: string, name: string, within: Element | Document = doc): Element[] {
  return Array.from(within.getElementsByTagNameNS(ns, name));
}

function xsiType(el: Element): string | null {
  return el.getAttributeNS(NS.xsi, 'type');
}

const versionOverrides = child(root, NS.ov, 'VersionOverrides');
const resources = child(versionOverrides, NS.ov, 'Resources');

/** id → DefaultValue of every resource (images, URLs, strings). */
function resourceMap(): Map<string, { kind: string; value: string }> {
  const map = new Map<string, { kind: string; value: string }>();
  for (const group of children(resources, NS.bt)) {
    for (const item of children(group, NS.bt)) {
      const id = item.getAttribute('id') ?? '';
      if (map.has(id)) throw new Error(`risorsa duplicata: ${id}`);
      map.set(id, { kind: group.localName, value: item.getAttribute('DefaultValue') ?? '' });
    }
  }
  return map;
}
const RESOURCES = resourceMap();

function resource(resid: string | null): { kind: string; value: string } {
  const r = RESOURCES.get(resid ?? '');
  if (!r) throw new Error(`resid senza risorsa: ${resid}`);
  return r;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(data.subarray(0, 8).equals(signature)).toBe(true);
  expect(data.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** Every URL in the manifest (attribute values and text), namespace declarations excepted. */
function urlsIn(d: Document): string[] {
  const urls: string[] = [];
  for (const el of Array.from(d.getElementsByTagName('*'))) {
    for (const attr of Array.from(el.attributes)) {
      if (attr.name === 'xmlns' || attr.name.startsWith('xmlns:')) continue;
      if (/^\s*https?:/i.test(attr.value)) urls.push(attr.value.trim());
    }
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === node.TEXT_NODE && /^\s*https?:/i.test(node.textContent ?? '')) urls.push((node.textContent ?? '').trim());
    }
  }
  return urls;
}

describe('manifest.xml: the add-in', () => {
  it('is a task-pane add-in manifest (OfficeApp 1.1, TaskPaneApp) with a fixed GUID', () => {
    expect(root.namespaceURI).toBe(NS.app);
    expect(root.localName).toBe('OfficeApp');
    expect(xsiType(root)).toBe('TaskPaneApp');
    expect(child(root, NS.app, 'Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(child(root, NS.app, 'Version').textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(versionOverrides.getAttribute('xmlns')).toBe(NS.ov);
    expect(xsiType(versionOverrides)).toBe('VersionOverridesV1_0');
  });

  it('keeps the element order of the manifest schema (OfficeApp, then TaskPaneApp)', () => {
    const schemaOrder = [
      'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
      'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions',
      'Dictionary', 'VersionOverrides',
    ];
    const names = children(root).map((c) => c.localName);
    const positions = names.map((n) => schemaOrder.indexOf(n));
    expect(positions).not.toContain(-1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(new Set(names).size).toBe(names.length);
    const overrideOrder = ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins'];
    const ov = children(versionOverrides).map((c) => overrideOrder.indexOf(c.localName));
    expect(ov).not.toContain(-1);
    expect([...ov].sort((a, b) => a - b)).toEqual(ov);
    const resourceOrder = ['Images', 'Urls', 'ShortStrings', 'LongStrings'];
    expect(children(resources).map((c) => c.localName)).toEqual(resourceOrder);
  });

  it('runs in Excel (Host Workbook) and needs ExcelApi 1.7, in the base manifest and in VersionOverrides', () => {
    const baseHosts = children(child(root, NS.app, 'Hosts'), NS.app, 'Host');
    expect(baseHosts.map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
    const ovHosts = children(child(versionOverrides, NS.ov, 'Hosts'), NS.ov, 'Host');
    expect(ovHosts.map(xsiType)).toEqual(['Workbook']);

    const baseSets = child(child(root, NS.app, 'Requirements'), NS.app, 'Sets');
    const baseSet = children(baseSets, NS.app, 'Set').map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')]);
    expect(baseSet).toEqual([['ExcelApi', '1.7']]);
    const ovSets = child(child(versionOverrides, NS.ov, 'Requirements'), NS.bt, 'Sets');
    const ovSet = children(ovSets, NS.bt, 'Set').map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')]);
    expect(ovSet).toEqual([['ExcelApi', '1.7']]);
  });

  it('asks for ReadWriteDocument', () => {
    expect(child(root, NS.app, 'Permissions').textContent).toBe('ReadWriteDocument');
  });

  it('speaks Italian: default locale it-IT, Italian name, description and strings', () => {
    expect(child(root, NS.app, 'DefaultLocale').textContent).toBe('it-IT');
    expect(child(root, NS.app, 'DisplayName').getAttribute('DefaultValue')).toBe('Piano Offerta');
    const description = child(root, NS.app, 'Description').getAttribute('DefaultValue') ?? '';
    expect(description).toMatch(/servizi abitativi/);
    expect(description).toMatch(/sezione g/);
    expect(description.length).toBeLessThanOrEqual(250);

    const strings = [...RESOURCES].filter(([, r]) => r.kind === 'ShortStrings' || r.kind === 'LongStrings');
    expect(strings.length).toBeGreaterThanOrEqual(4);
    for (const [id, r] of strings) {
      expect(r.value.trim()).not.toBe('');
      expect(r.value.length).toBeLessThanOrEqual(r.kind === 'ShortStrings' ? 125 : 250);
      // No leftover English from a template.
      expect({ id, words: r.value.match(/\b(the|and|click|show|taskpane|task pane|get started|your|add-in)\b/gi) }).toEqual({ id, words: null });
    }
    expect([...strings.map(([, r]) => r.value), description].join(' ')).toMatch(/\b(il|la|di|della|dell'|e)\b/);
  });

  it('references its icons in 16, 32, 64, 80 and 128 px, and they exist in assets/ with those sizes', () => {
    for (const size of ICON_SIZES) {
      const url = `${DEV_BASE_URL}/assets/icon-${size}.png`;
      expect(SOURCE).toContain(`"${url}"`);
      const file = join(ROOT, 'assets', `icon-${size}.png`);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    expect(child(root, NS.app, 'IconUrl').getAttribute('DefaultValue')).toBe(`${DEV_BASE_URL}/assets/icon-32.png`);
    expect(child(root, NS.app, 'HighResolutionIconUrl').getAttribute('DefaultValue')).toBe(`${DEV_BASE_URL}/assets/icon-64.png`);

    // Every <Icon> has the required 16/32/80 images, and each image's size matches its file.
    const icons = all(NS.ov, 'Icon');
    expect(icons.length).toBeGreaterThanOrEqual(2);
    for (const icon of icons) {
      const images = children(icon, NS.bt, 'Image');
      const sizes = images.map((i) => Number(i.getAttribute('size')));
      expect(sizes).toEqual(expect.arrayContaining([16, 32, 80]));
      for (const image of images) {
        const r = resource(image.getAttribute('resid'));
        expect(r.kind).toBe('Images');
        expect(r.value).toBe(`${DEV_BASE_URL}/assets/icon-${image.getAttribute('size')}.png`);
      }
    }
  });

  it('every resid points to a resource of the right kind', () => {
    const expectedKind: Record<string, string> = {
      Label: 'ShortStrings', Title: 'ShortStrings', Description: 'LongStrings', LearnMoreUrl: 'Urls',
      SourceLocation: 'Urls', Image: 'Images',
    };
    const refs = Array.from(doc.getElementsByTagName('*')).filter((el) => el.hasAttribute('resid'));
    expect(refs.length).toBeGreaterThan(10);
    for (const el of refs) {
      expect({ el: el.localName, kind: resource(el.getAttribute('resid')).kind }).toEqual({ el: el.localName, kind: expectedKind[el.localName] });
    }
  });

  it('has a button on the Home tab that opens the task pane (ShowTaskpane)', () => {
    const host = children(child(versionOverrides, NS.ov, 'Hosts'), NS.ov, 'Host')[0]!;
    const desktop = child(host, NS.ov, 'DesktopFormFactor');
    const point = children(desktop, NS.ov, 'ExtensionPoint').find((e) => xsiType(e) === 'PrimaryCommandSurface');
    expect(point).toBeDefined();
    const tab = child(point!, NS.ov, 'OfficeTab');
    expect(tab.getAttribute('id')).toBe('TabHome');
    const group = child(tab, NS.ov, 'Group');
    expect(children(group).map((c) => c.localName)).toEqual(['Label', 'Icon', 'Control']);
    const button = child(group, NS.ov, 'Control');
    expect(xsiType(button)).toBe('Button');
    expect(children(button).map((c) => c.localName)).toEqual(['Label', 'Supertip', 'Icon', 'Action']);
    expect(resource(child(button, NS.ov, 'Label').getAttribute('resid')).value).toBe('Piano Offerta');
    const action = child(button, NS.ov, 'Action');
    expect(xsiType(action)).toBe('ShowTaskpane');
    const paneUrl = resource(child(action, NS.ov, 'SourceLocation').getAttribute('resid')).value;
    // ?host=excel: the page loads office.js only inside Excel (opened in a browser it works on a file).
    expect(paneUrl).toBe(`${DEV_BASE_URL}/taskpane.html?host=excel`);
    const defaultPane = child(child(root, NS.app, 'DefaultSettings'), NS.app, 'SourceLocation').getAttribute('DefaultValue');
    expect(defaultPane).toBe(paneUrl);
  });

  it('points every URL at the development server https://localhost:3000', () => {
    const urls = urlsIn(doc);
    expect(urls.length).toBeGreaterThanOrEqual(11);
    for (const url of urls) expect(url.startsWith(`${DEV_BASE_URL}/`)).toBe(true);
    expect(child(root, NS.app, 'SupportUrl').getAttribute('DefaultValue')).toBe(`${DEV_BASE_URL}/supporto.html`);
    // The pages the manifest names exist (supporto.html ships as is; taskpane.html is built from index.html).
    expect(existsSync(join(ROOT, 'static', 'supporto.html'))).toBe(true);
    expect(existsSync(join(ROOT, 'src', 'taskpane', 'index.html'))).toBe(true);
  });
});

describe('the production manifest (dist/manifest.xml)', () => {
  const production = toProductionManifest(SOURCE, PRODUCTION);
  const prodDoc = parse(production);

  it('replaces every development URL with the production base URL and leaves no localhost', () => {
    expect(production).not.toMatch(/localhost/i);
    const devUrls = urlsIn(doc);
    const prodUrls = urlsIn(prodDoc);
    expect(prodUrls).toEqual(devUrls.map((u) => PRODUCTION + u.slice(DEV_BASE_URL.length)));
    expect(child(prodDoc.documentElement, NS.app, 'SupportUrl').getAttribute('DefaultValue')).toBe(`${PRODUCTION}/supporto.html`);
  });

  it('changes nothing else: same elements, same attributes apart from the URLs, no developer comments', () => {
    const shape = (d: Document) =>
      Array.from(d.getElementsByTagName('*')).map((el) => [
        el.namespaceURI,
        el.localName,
        Array.from(el.attributes).map((a) => `${a.name}=${a.value.replace(PRODUCTION, DEV_BASE_URL)}`).join(' '),
      ]);
    expect(shape(prodDoc)).toEqual(shape(doc));
    expect(production).not.toContain('<!--');
    expect(production.startsWith('<?xml')).toBe(true);
  });

  it('normalises the base URL: trailing slash, a path under the site', () => {
    expect(normaliseBaseUrl(' https://piano-offerta.comune.example.it/ ')).toBe(PRODUCTION);
    const underPath = toProductionManifest(SOURCE, 'https://www.comune.example.it/servizi/piano-offerta/');
    expect(underPath).toContain('"https://www.comune.example.it/servizi/piano-offerta/taskpane.html?host=excel"');
    expect(underPath).not.toContain('piano-offerta//');
    expect(underPath).not.toMatch(/localhost/i);
  });

  it.each([
    ['http://piano-offerta.comune.example.it', /https/],
    ['piano-offerta.comune.example.it', /non è un indirizzo valido/],
    ['https://localhost:3000', /questo computer/],
    ['https://piano-offerta.comune.example.it/?x=1', /senza parametri/],
    ['', /non è un indirizzo valido/],
  ])('refuses %j with an Italian message', (url, message) => {
    expect(() => toProductionManifest(SOURCE, url)).toThrow(message);
  });

  it('does not half-replace a longer port', () => {
    expect(toProductionManifest('<a href="https://localhost:3000/x"/>', PRODUCTION)).toBe(`<a href="${PRODUCTION}/x"/>`);
    expect(() => toProductionManifest('<a href="https://localhost:30001/x"/>', PRODUCTION)).toThrow(/localhost/);
  });
});
