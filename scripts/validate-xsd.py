#!/usr/bin/env python3
"""Validates the SpreadsheetML parts of an .xlsx against the ISO/IEC 29500 transitional schemas
(on a developer's machine, not in CI: the schemas are not vendored).

    python3 scripts/validate-xsd.py copia.xlsx /path/to/xsd [part-glob...]

The schemas come from python-openxml/python-docx `ref/xsd` (ECMA-376 transitional). Before
validating, each part is processed as a Markup Compatibility consumer does (ISO/IEC 29500-3): the
attributes and elements of namespaces listed in mc:Ignorable are removed, and xml:space on <t>
(which Excel writes and the schema's ST_Xstring omits) is dropped. Everything else is validated as is.
"""
import fnmatch, io, subprocess, sys, tempfile, zipfile
import xml.etree.ElementTree as ET

MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006'
XML = 'http://www.w3.org/XML/1998/namespace'
SCHEMA = {
    'xl/worksheets/*.xml': 'sml.xsd', 'xl/styles.xml': 'sml.xsd', 'xl/workbook.xml': 'sml.xsd',
    'xl/tables/*.xml': 'sml.xsd', 'xl/comments*.xml': 'sml.xsd', 'xl/sharedStrings.xml': 'sml.xsd',
    '[[]Content_Types[]].xml': 'opc-xsd/opc-contentTypes.xsd', '*.rels': 'opc-xsd/opc-relationships.xsd',
}

def compatible(data: bytes) -> bytes:
    ns = {}
    for ev, (prefix, uri) in ET.iterparse(io.BytesIO(data), events=['start-ns']):
        ns.setdefault(prefix, uri)
        ET.register_namespace(prefix, uri)
    root = ET.fromstring(data)
    ignorable = {ns[p] for p in root.get(f'{{{MC}}}Ignorable', '').split() if p in ns}
    def clean(el):
        for k in list(el.attrib):
            uri = k[1:].split('}')[0] if k.startswith('{') else ''
            if uri in ignorable or uri == MC or (uri == XML and k.endswith('}space')):
                del el.attrib[k]
        for child in list(el):
            uri = child.tag[1:].split('}')[0] if child.tag.startswith('{') else ''
            if uri in ignorable or uri == MC:
                el.remove(child)
            else:
                clean(child)
    clean(root)
    return ET.tostring(root, encoding='utf-8', xml_declaration=True)

def main():
    path, xsd, *globs = sys.argv[1:]
    failed = 0
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            schema = next((s for g, s in SCHEMA.items() if fnmatch.fnmatch(name, g)), None)
            if not schema or (globs and not any(fnmatch.fnmatch(name, g) for g in globs)):
                continue
            with tempfile.NamedTemporaryFile(suffix='.xml') as f:
                f.write(compatible(z.read(name)))
                f.flush()
                r = subprocess.run(['xmllint', '--noout', '--schema', f'{xsd}/{schema}', f.name], capture_output=True, text=True)
            ok = r.returncode == 0
            failed += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {name}")
            if not ok:
                print('     ' + '\n     '.join(r.stderr.replace(f.name, name).strip().splitlines()[:5]))
    sys.exit(1 if failed else 0)

main()
