#!/usr/bin/env python3
"""Writes <file>.expected.json beside each .xlsx of test/fixtures/xlsx-corpus: the values openpyxl
(an independent reader) gives, in the snapshot's conventions, for the corpus test to compare with.
Run on a developer's machine (`apt-get install -y python3-openpyxl`); CI only reads the JSON.

Conventions: worksheets only, in workbook order; non-empty cells as {"A1": value}; numbers as
numbers; dates as Excel serials in the 1900 system (1904 workbooks converted: +1462); booleans;
Excel errors as their text; formulas without a cached value and empty strings left out.
"""
import datetime, glob, json, os, sys
import openpyxl
from openpyxl.utils.datetime import to_excel

def value(v, epoch):
    if v is None or v == '':
        return None
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return v
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
        if isinstance(v, datetime.time):
            return (v.hour * 3600 + v.minute * 60 + v.second + v.microsecond / 1e6) / 86400
        if isinstance(v, datetime.date) and not isinstance(v, datetime.datetime):
            v = datetime.datetime(v.year, v.month, v.day)
        return to_excel(v)  # 1900 system whatever the workbook's epoch
    if isinstance(v, datetime.timedelta):
        return v.total_seconds() / 86400
    return str(v)

def expected(path):
    try:
        wb = openpyxl.load_workbook(path, data_only=True, read_only=False)
    except Exception as e:  # noqa: BLE001 - the reason is recorded
        return {'unreadable': f'{type(e).__name__}: {e}'[:200]}
    sheets = []
    for ws in wb.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                v = value(c.value, wb.epoch)
                if v is not None:
                    cells[c.coordinate] = v
        sheets.append({'name': ws.title, 'cells': cells})
    return {'sheets': sheets}

def one(path):
    # Each file in its own process, with 2 GB of memory: some files make openpyxl allocate without end.
    import resource, subprocess
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    r = subprocess.run([sys.executable, __file__, '--one', path], preexec_fn=limit, capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        return {'unreadable': f'openpyxl failed (exit {r.returncode}): {r.stderr.strip().splitlines()[-1] if r.stderr.strip() else ""}'[:200]}
    return json.loads(r.stdout)

if len(sys.argv) > 2 and sys.argv[1] == '--one':
    print(json.dumps(expected(sys.argv[2]), ensure_ascii=False))
    sys.exit(0)
root = sys.argv[1] if len(sys.argv) > 1 else 'test/fixtures/xlsx-corpus'
for path in sorted(glob.glob(os.path.join(root, '**', '*.xlsx'), recursive=True)):
    result = one(path)
    with open(path + '.expected.json', 'w') as f:
        json.dump(result, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write('\n')
    print(path, 'unreadable' if 'unreadable' in result else '')
