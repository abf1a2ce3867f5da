/** `check --previous`: Cremona 2023 against a 2022 derived from it, as .xlsx files and as a JSON report. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseA1 } from '../../src/core/address';
import { reportSchema } from '../../src/core/report';
import { runCli } from '../support/run-cli';
import { planCsv, planXlsx, workbookFromRows } from '../support/workbooks';

const dir = mkdtempSync(join(tmpdir(), 'piano-previous-'));
const path = (name: string) => join(dir, name);

/** The plan's CSV with cells set (A1 references), as the sheets a user would have saved. */
function editedCsv(edits: Record<string, Record<string, string>>, keepIds: number[] | null): Record<string, string[][]> {
  const csv = Object.fromEntries(Object.entries(planCsv('cremona-2023')).map(([k, rows]) => [k, rows.map((r) => [...r])]));
  if (keepIds) csv.Unita!.forEach((r, i) => { if (i > 0 && !keepIds.includes(i + 1) && /^[0-9]+$/.test(r[0] ?? '')) r[0] = String(Number(r[0]) + 90_000_000); });
  for (const [sheet, cells] of Object.entries(edits)) {
    for (const [ref, v] of Object.entries(cells)) {
      const { row, col } = parseA1(ref);
      csv[sheet]![row]![col] = v;
    }
  }
  return csv;
}
const xlsx = async (csv: Record<string, string[][]>, name: string) => {
  writeFileSync(path(name), Buffer.from(await workbookFromRows(csv).xlsx.writeBuffer()));
  return path(name);
};

let current: string;
let y2022: string;
beforeAll(async () => {
  current = path('cremona-2023.xlsx');
  writeFileSync(current, await planXlsx('cremona-2023'));
  y2022 = await xlsx(editedCsv({ Ambito: { B4: '2022' }, Enti: { G6: '1', D32: '80' }, Comuni: { G2: 'Sì', G3: 'No' }, Unita: { D2: 'CREMONA', D157: 'BONEMERSE' } }, [2, 3, 4, 157]), 'cremona-2022.xlsx');
});

describe('check --previous', () => {
  test('a 2022 workbook: the summary lists the comparison\'s warnings at their cells; the exit status is unchanged', async () => {
    const json = path('2023.json');
    const { code, out } = await runCli(['check', current, '--previous', y2022, '--json', json]);
    expect(code).toBe(1);
    expect(out).toContain(`Confronto con l'anno precedente: 2022 («${y2022}»)\n  5 avvisi · 23 informazioni\n`);
    expect(out).toContain("  - Enti!A6: Comune di Cappella de' Picenardi aveva inviato i dati per il piano 2022, ma non per il piano 2023.");
    expect(out).toContain('  - Enti!D32: Comune di Soresina dichiara 114 alloggi SAP; nel piano 2022 erano 80 (+42,5%, oltre la soglia del 20%), mentre il totale delle unità non cambia.');
    expect(out).toContain('  - Unita!D2: Il Codice ID 3155521 nel piano 2022 aveva come comune Cremona (ora Acquanegra Cremonese).');
    const report = reportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(report.anomalies.filter((a) => a.rule.startsWith('PREV_') && a.severity === 'warning').map((a) => `${a.sheet}!${a.cell}`).sort())
      .toEqual(['Comuni!G2', 'Enti!A6', 'Enti!D32', 'Unita!C157', 'Unita!D2']);
  });

  test('without --previous the output is as before (no comparison line)', async () => {
    const { out } = await runCli(['check', current]);
    expect(out).not.toContain('Confronto');
  });

  test("last year's JSON report: only section g compared, and said", async () => {
    const json = path('2022.json');
    await runCli(['check', y2022, '--json', json, '--quiet']);
    const { code, out } = await runCli(['check', current, '--previous', json]);
    expect(code).toBe(1);
    expect(out).toContain(`Confronto con l'anno precedente: 2022 («${json}», report JSON: solo la sezione g)\n  0 avvisi · 20 informazioni`);
  });

  test('repeatable: 2022 and 2021, how many plans in a row', async () => {
    const y2021 = await xlsx(editedCsv({ Ambito: { B4: '2021' } }, [3]), 'cremona-2021.xlsx');
    const json = path('2023-2.json');
    const { out } = await runCli(['check', current, '--previous', y2021, '--previous', y2022, '--json', json, '--quiet']);
    expect(out).toBe('');
    const report = reportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(report.anomalies.filter((a) => a.rule === 'PREV_UNIT_STILL_ASSIGNABLE').map((a) => a.message)).toContain(
      "Un'unità di ALER Brescia-Cremona-Mantova è assegnabile in 3 piani di fila (2021–2023): Codice ID 3155518.",
    );
  });

  test('another ambito, the same year, a file that is not a plan: exit 2 with the reason, nothing written', async () => {
    const other = await xlsx(editedCsv({ Ambito: { B2: 'Ambito di Crema', B4: '2022' } }, null), 'crema-2022.xlsx');
    const json = path('never.json');
    let r = await runCli(['check', current, '--previous', other, '--json', json]);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toBe(`«${other}» è il piano di un altro ambito («Ambito di Crema»), non di «Ambito Sociale Territoriale Cremonese»: indicare il piano dello stesso ambito.\n`);
    r = await runCli(['check', current, '--previous', current]);
    expect(r.err).toBe(`«${current}» è il piano 2023, non di un anno precedente al 2023: indicare il piano 2022.\n`);
    const bad = path('bad.json');
    writeFileSync(bad, '{"schemaVersion": 1}');
    r = await runCli(['check', current, '--previous', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('non è un report JSON di Piano Offerta (schemaVersion 1)');
    r = await runCli(['check', current, '--previous', path('assente.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Anno precedente: /);
    expect(() => readFileSync(json)).toThrow();
  });

  test('--out over last year\'s file is refused; --previous without a file prints the usage', async () => {
    let r = await runCli(['check', current, '--previous', y2022, '--out', y2022]);
    expect(r).toMatchObject({ code: 2 });
    expect(r.err).toContain("Il file dell'anno precedente");
    r = await runCli(['check', current, '--previous']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--previous');
  });
});
