#!/usr/bin/env python3
"""Validates the SpreadsheetML parts of an .xlsx, or the WordprocessingML parts of a .docx, against the
ISO/IEC 29500 transitional schemas (on a developer's machine, not in CI: the schemas are not vendored).

    python3 scripts/validate-xsd.py copia.xlsx /path/to/xsd [part-glob...]
    python3 scripts/validate-xsd.py piano.docx /path/to/xsd

The schemas come from python-openxml/python-docx `ref/xsd` (ECMA-376 transitional). Before
validating, each part is processed as a Markup Compatibility consumer does (ISO/IEC 29500-3): the
attributes and elements of namespaces listed in mc:Ignorable are removed, and in SpreadsheetML xml:space
on <t> (which Excel writes and the schema's ST_Xstring omits) is dropped. Everything else is validated
as is (WordprocessingML declares xml:space on <w:t>: it stays).
"""
import fnmatch, io, os, subprocess, sys, tempfile, zipfile
import xml.etree.ElementTree as ET

MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006'
XML = 'http://www.w3.org/XML/1998/namespace'
SCHEMA = {
    'xl/worksheets/*.xml': 'sml.xsd', 'xl/styles.xml': 'sml.xsd', 'xl/workbook.xml': 'sml.xsd',
    'xl/tables/*.xml': 'sml.xsd', 'xl/comments*.xml': 'sml.xsd', 'xl/sharedStrings.xml': 'sml.xsd',
    '[[]Content_Types[]].xml': 'opc-xsd/opc-contentTypes.xsd', '*.rels': 'opc-xsd/opc-relationships.xsd',
    # The WordprocessingML parts of a .docx (the plan document).
    'word/document.xml': 'wml.xsd', 'word/styles.xml': 'wml.xsd', 'word/settings.xml': 'wml.xsd',
    'word/numbering.xml': 'wml.xsd', 'word/footnotes.xml': 'wml.xsd', 'word/endnotes.xml': 'wml.xsd',
    'word/header*.xml': 'wml.xsd', 'word/footer*.xml': 'wml.xsd', 'word/fontTable.xml': 'wml.xsd',
    'word/theme/*.xml': 'dml-main.xsd', 'docProps/app.xml': 'shared-documentPropertiesExtended.xsd',
    'docProps/custom.xml': 'shared-documentPropertiesCustom.xsd',
}

def compatible(data: bytes, strip_space: bool) -> bytes:
    ns = {}
    for ev, (prefix, uri) in ET.iterparse(io.BytesIO(data), events=['start-ns']):
        ns.setdefault(prefix, uri)
        ET.register_namespace(prefix, uri)
    root = ET.fromstring(data)
    ignorable = {ns[p] for p in root.get(f'{{{MC}}}Ignorable', '').split() if p in ns}
    def clean(el):
        for k in list(el.attrib):
            uri = k[1:].split('}')[0] if k.startswith('{') else ''
            if uri in ignorable or uri == MC or (strip_space and uri == XML and k.endswith('}space')):
                del el.attrib[k]
        for child in list(el):
            uri = child.tag[1:].split('}')[0] if child.tag.startswith('{') else ''
            if uri in ignorable or uri == MC:
                el.remove(child)
            else:
                clean(child)
    clean(root)
    return ET.tostring(root, encoding='utf-8', xml_declaration=True)

XS = 'http://www.w3.org/2001/XMLSchema'
XML_XSD = f'''<xs:schema xmlns:xs="{XS}" targetNamespace="{XML}">
<xs:attribute name="space"><xs:simpleType><xs:restriction base="xs:NCName"><xs:enumeration value="default"/><xs:enumeration value="preserve"/></xs:restriction></xs:simpleType></xs:attribute>
<xs:attribute name="lang" type="xs:language"/></xs:schema>'''

def loadable(schema: str, tmp: str) -> str:
    """wml.xsd imports the xml: namespace (xml:space) without a schemaLocation, which xmllint cannot
    resolve offline: a wrapper imports the W3C declarations of xml:space and xml:lang first."""
    root = ET.parse(schema).getroot()
    if not any(i.get('namespace') == XML and not i.get('schemaLocation') for i in root.iter(f'{{{XS}}}import')):
        return schema
    with open(f'{tmp}/xml.xsd', 'w') as f:
        f.write(XML_XSD)
    wrapper = f'{tmp}/wrapper.xsd'
    with open(wrapper, 'w') as f:
        f.write(f'<xs:schema xmlns:xs="{XS}" targetNamespace="urn:piano-offerta:wrapper">'
                f'<xs:import namespace="{XML}" schemaLocation="file://{tmp}/xml.xsd"/>'
                f'<xs:import namespace="{root.get("targetNamespace")}" schemaLocation="file://{os.path.abspath(schema)}"/></xs:schema>')
    return wrapper

def main():
    path, xsd, *globs = sys.argv[1:]
    tmp = tempfile.mkdtemp()
    failed = 0
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            schema = next((s for g, s in SCHEMA.items() if fnmatch.fnmatch(name, g)), None)
            if not schema or (globs and not any(fnmatch.fnmatch(name, g) for g in globs)):
                continue
            with tempfile.NamedTemporaryFile(suffix='.xml') as f:
                f.write(compatible(z.read(name), schema == 'sml.xsd'))
                f.flush()
                r = subprocess.run(['xmllint', '--noout', '--nonet', '--schema', loadable(f'{xsd}/{schema}', tmp), f.name], capture_output=True, text=True)
            ok = r.returncode == 0
            failed += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {name}")
            if not ok:
                print('     ' + '\n     '.join(r.stderr.replace(f.name, name).strip().splitlines()[:5]))
    sys.exit(1 if failed else 0)

main()
