/**
 * `npm run bench`: a workbook of 100,000 units over ~100 comuni, and the time of (a) the engine on
 * the snapshot, (b) the whole `check --json` (as a command, in its own process), (c) a bare Node
 * script that only inflates the archive's parts and finds each `<c ` tag (the floor any reader
 * pays), measured alternately with (b); the ratio b/c, the peak memory of (b), (d) `check --out`
 * (the annotated copy) and (e) the browser page, from choosing the file to the verdict on screen, also
 * alternated with (b). Goals: (a) < 300 ms, b/c ≤ 6, peak of (b) < 400 MB, (d) ≤ 2 × (b) and
 * < 600 MB, (e) ≤ 1.5 × (b) and ≤ 300 MB of JS heap. A measurement, not a test: it prints figures and
 * does not fail.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { check } from '../src/core/engine';
import { comuniAttivi } from '../src/core/reference/comuni';
import { readXlsxFile } from '../src/adapters/xlsx/reader/node';
import { bigPlan } from '../test/support/fake-excel/big';
import { fakeHost } from '../test/support/fake-excel/host';
import { manyAnomalies } from '../test/office/support';
import { MAX_HIGHLIGHTS } from '../src/office/highlights';
import { launch, serveDist } from '../test/e2e/support';

/** One page run: the time to the verdict, where it went, the peak JS heap of the main thread and of the worker. */
interface PageRun {
  ms: number;
  /** In the page, ms since the file input's change event: the page's marks («piano:…», the worker's included). */
  at: Record<string, number>;
  heapMb: number;
  workerMb: number | null;
  /** The peak of the worker's JS heap until the annotated copy is ready to download (made after the verdict). */
  workerCopyMb: number | null;
}

/**
 * (e) The browser page on the same file, in Debian's Chromium (started once, not timed): each run opens
 * the page, clicks «Scegli un file .xlsx» and times from the file chosen in the dialog to the verdict on screen: a
 * MutationObserver in the page sees [data-testid=g-total] arrive, and the run ends after the next
 * frame (requestAnimationFrame, then a task); the bench is told at once (no polling: playwright's
 * waitFor polls every 500 ms after the first few tries, which added up to half a second). The peak JS
 * heap of the main thread and of the worker is sampled through the DevTools protocol. The page is
 * served from PIANO_DIST (default dist/), built first when missing.
 */
async function pageBench(file: string): Promise<{ run(): Promise<PageRun>; close(): Promise<void> } | string> {
  const dist = process.env.PIANO_DIST || 'dist';
  if (!existsSync(join(root, dist, 'taskpane.html'))) spawnSync('npx', ['webpack', '--mode', 'production'], { cwd: root, stdio: 'ignore' });
  if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) return 'Chromium non installato (apt-get install -y chromium)';
  const { server, origin } = await serveDist();
  const browser = await launch();
  const run = async (): Promise<PageRun> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin}/taskpane.html`);
    await page.getByLabel('File del piano (.xlsx)').waitFor({ state: 'attached' });
    const cdp = await page.context().newCDPSession(page);
    // The worker's heap through the same protocol: auto-attached, asked through its session.
    const workers = new Set<string>();
    const answers = new Map<number, (r: { usedSize?: number } | null) => void>();
    let asked = 0;
    cdp.on('Target.attachedToTarget', (ev: { sessionId: string; targetInfo: { type: string } }) => {
      if (ev.targetInfo.type === 'worker') workers.add(ev.sessionId);
    });
    cdp.on('Target.receivedMessageFromTarget', (ev: { message: string }) => {
      const m = JSON.parse(ev.message) as { id?: number; result?: { usedSize?: number } };
      if (m.id !== undefined) answers.get(m.id)?.(m.result ?? null);
    });
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    const workerHeap = async (sessionId: string) => {
      const id = ++asked;
      const answer = new Promise<{ usedSize?: number } | null>((resolve) => answers.set(id, resolve));
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => null);
      const r = await Promise.race([answer, new Promise<null>((resolve) => setTimeout(() => resolve(null), 200))]);
      answers.delete(id);
      return r?.usedSize ?? 0;
    };
    await page.evaluate(() => {
      const w = window as unknown as { __change: number; __verdict: Promise<[number, number]>; __copy: Promise<void> };
      document.addEventListener('change', () => (w.__change = performance.now()), true);
      w.__copy = new Promise((resolve) => {
        const seen = new MutationObserver(() => {
          if (!document.querySelector('a[download]')) return;
          seen.disconnect();
          resolve();
        });
        seen.observe(document.body, { childList: true, subtree: true });
      });
      w.__verdict = new Promise((resolve) => {
        const seen = new MutationObserver(() => {
          if (!document.querySelector('[data-testid=g-total]')) return;
          seen.disconnect();
          const t = performance.now();
          requestAnimationFrame(() => setTimeout(() => resolve([t, performance.now()]), 0));
        });
        seen.observe(document.body, { childList: true, subtree: true });
      });
    });
    let heap = 0;
    let worker: number | null = null;
    let sampling = true;
    const sample = async () => {
      while (sampling) {
        const h = (await cdp.send('Runtime.getHeapUsage').catch(() => ({ usedSize: 0 }))) as { usedSize: number };
        heap = Math.max(heap, h.usedSize);
        for (const w of workers) worker = Math.max(worker ?? 0, await workerHeap(w));
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    const sampler = sample();
    // As a user does: «Scegli un file .xlsx» opens the file dialog; the time runs from the file chosen in it.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Scegli un file .xlsx' }).click();
    const dialog = await chooser;
    const t0 = process.hrtime.bigint();
    await dialog.setFiles(file);
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('(e): nessun verdetto in 5 minuti')), 300_000).unref());
    const r = await Promise.race([timeout, page.evaluate(async () => {
      const w = window as unknown as { __change: number; __verdict: Promise<[number, number]> };
      const [seen, shown] = await w.__verdict;
      const at: Record<string, number> = { 'verdetto nel DOM': seen - w.__change, 'verdetto sullo schermo': shown - w.__change };
      for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('piano:')) at[m.name.slice(6)] = m.startTime - w.__change;
      return at;
    })]);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const workerMb = worker === null ? null : worker / 1048576;
    await page.evaluate(() => (window as unknown as { __copy: Promise<void> }).__copy);
    sampling = false;
    await sampler;
    await page.close();
    return { ms, at: r, heapMb: heap / 1048576, workerMb, workerCopyMb: worker === null ? null : worker / 1048576 };
  };
  return {
    run,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

const UNITS = Number(process.env.BENCH_UNITS ?? 100_000);
const COMUNI = 100;
/** Runs of (b), (c), (d) and (e), alternated; the medians are printed. */
const RUNS = 5;
const root = join(__dirname, '..');

const STATES = ['Carenza manutentiva', 'Ristrutturazione', 'Libero', 'Turnover', 'Nuova edificazione', 'Assegnato', 'SFITTO PER CARENZE MANUTENTIVE ASSEGNABILE IN AUTO-MANUTENZIONE', 'LIBERO'];

/** A deterministic pseudo-random sequence, so every run measures the same workbook. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

async function makeWorkbook(path: string): Promise<void> {
  const rand = rng(42);
  const comuni = comuniAttivi().filter((c) => c.provincia === 'CR' || c.provincia === 'MN').slice(0, COMUNI).map((c) => c.nome);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const amb = wb.addWorksheet('Ambito');
  for (const r of [['Campo', 'Valore'], ['Ambito territoriale', 'Ambito di prova (benchmark)'], ['Comune capofila', comuni[0]!], ['Anno di riferimento', 2027]]) amb.addRow(r).commit();
  await amb.commit();
  const com = wb.addWorksheet('Comuni');
  com.addRow(['Comune', 'Codice ISTAT', 'Soglia indigenti oltre il 20%', 'Categoria aggiuntiva', 'Motivazione categoria', '% Forze di Polizia e VVF', 'Comunicazione ricevuta']).commit();
  for (const c of comuni) com.addRow([c, '', '', '', '', 5, 'Sì']).commit();
  await com.commit();
  const enti = wb.addWorksheet('Enti');
  enti.addRow(['Ente proprietario', 'Tipo ente', 'Totale unità', 'Unità SAP', 'Unità SAS', 'Unità altri usi', 'g dichiarato', 'Data ricezione']).commit();
  enti.addRow(['ALER Brescia-Cremona-Mantova', 'ALER', 200000, 200000, 0, 0, '', '']).commit();
  for (const c of comuni) enti.addRow([`Comune di ${c}`, 'Comune', 5000, 5000, 0, 0, '', '']).commit();
  await enti.commit();
  const un = wb.addWorksheet('Unita');
  un.addRow(['ID unità', 'Codice ente', 'Ente proprietario', 'Comune', 'Stato', 'Destinazione', 'Numero unità', 'Costo lavori €', 'Note']).commit();
  for (let i = 0; i < UNITS; i++) {
    const comune = comuni[Math.floor(rand() * comuni.length)]!;
    const aler = rand() < 0.6;
    // A few spellings people really use: upper case, 'ALER', 'COMUNE' + comune.
    const ente = aler ? (rand() < 0.5 ? 'ALER' : 'ALER Brescia-Cremona-Mantova') : rand() < 0.5 ? 'COMUNE' : `Comune di ${comune}`;
    un.addRow([3_000_000 + i, `BS${100000 + i}`, ente, rand() < 0.3 ? comune.toUpperCase() : comune, STATES[Math.floor(rand() * STATES.length)], 'SAP', '', rand() < 0.1 ? Math.round(rand() * 9000) : '', '']).commit();
  }
  await un.commit();
  await wb.commit();
}

function time<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const v = fn();
  return [v, Number(process.hrtime.bigint() - t0) / 1e6];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs node in its own process; `check` exits 1 when the plan has errors, still a complete run. */
function runNode(args: string[]): { ms: number; peakKb: number | null } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', join(root, 'scripts/rss-at-exit.cjs'), ...args], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr);
  const m = /PEAK_RSS_KB=(\d+)/.exec(r.stderr);
  return { ms, peakKb: m ? Number(m[1]) : null };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'piano-bench-'));
  const file = join(dir, `bench-${UNITS}.xlsx`);
  process.stdout.write(`Costruzione della cartella di prova: ${UNITS.toLocaleString('it-IT')} unità su ${COMUNI} comuni… `);
  await makeWorkbook(file);
  console.log(`${(statSync(file).size / 1e6).toFixed(1)} MB`);

  const snapshot = readXlsxFile(file);
  // The engine with its write plan (built when asked for: every cell listed, highlighted and noted).
  const engine = () => {
    const r = check(snapshot);
    void r.writePlan;
    return r;
  };
  const [, cold] = time(engine);
  // Warm-up: V8 compiles the hot paths over the first runs; then the median of 7.
  for (let i = 0; i < 3; i++) engine();
  const engineRuns: number[] = [];
  let result = engine();
  for (let i = 0; i < 7; i++) {
    const [r, ms] = time(engine);
    result = r;
    engineRuns.push(ms);
  }
  const a = median(engineRuns);

  const cli = join(root, 'build/cli.js');
  const json = join(dir, 'report.json');
  const bRuns: { ms: number; peakKb: number | null }[] = [];
  const cRuns: { ms: number; peakKb: number | null }[] = [];
  const dRuns: { ms: number; peakKb: number | null }[] = [];
  const eRuns: PageRun[] = [];
  // (e) alternates with (b), (c) and (d) as they alternate among themselves: a machine busier during
  // one of them weighs on all, not on one side of a ratio.
  const pages = await pageBench(file);
  try {
    for (let i = 0; i < RUNS; i++) {
      bRuns.push(runNode([cli, 'check', file, '--json', json, '--quiet']));
      cRuns.push(runNode([join(root, 'scripts/bare-inflate.cjs'), file]));
      dRuns.push(runNode([cli, 'check', file, '--out', join(dir, 'copia.xlsx'), '--quiet']));
      if (typeof pages !== 'string') eRuns.push(await pages.run());
    }
  } finally {
    if (typeof pages !== 'string') await pages.close();
  }
  const d = median(dRuns.map((r) => r.ms));
  const peakD = Math.max(...dRuns.map((r) => r.peakKb ?? 0)) / 1024;
  const b = median(bRuns.map((r) => r.ms));
  const c = median(cRuns.map((r) => r.ms));
  const peakB = Math.max(...bRuns.map((r) => r.peakKb ?? 0)) / 1024;
  const peakC = Math.max(...cRuns.map((r) => r.peakKb ?? 0)) / 1024;

  const t = result.report.totals;
  console.log(`Sezione g: ${t.g.toLocaleString('it-IT')} unità; anomalie: ${result.report.counts.error} errori, ${result.report.counts.warning} avvisi, ${result.report.counts.info} informazioni`);
  console.log('');
  console.log(`(a) motore sul snapshot (mediana di 7, dopo 3 di riscaldamento): ${a.toFixed(0)} ms   [obiettivo < 300 ms]; primo giro a freddo ${cold.toFixed(0)} ms`);
  console.log(`(b) check --json, comando completo (mediana di ${RUNS}): ${b.toFixed(0)} ms`);
  console.log(`(c) solo decompressione + ricerca di «<c » (mediana di ${RUNS}, alternata con b): ${c.toFixed(0)} ms`);
  console.log(`    rapporto b/c:                               ${(b / c).toFixed(2)}   [obiettivo ≤ 6]`);
  console.log(`    memoria di picco di (b):                    ${peakB.toFixed(0)} MB   [obiettivo < 400 MB]  (c: ${peakC.toFixed(0)} MB)`);
  console.log(`(d) check --out, copia annotata (mediana di ${RUNS}): ${d.toFixed(0)} ms = ${(d / b).toFixed(2)} × b   [obiettivo ≤ 2 × b]; picco ${peakD.toFixed(0)} MB   [obiettivo < 600 MB]`);
  if (typeof pages === 'string') console.log(`(e) pagina nel browser: non misurata: ${pages}`);
  else {
    const e = median(eRuns.map((r) => r.ms));
    console.log(`(e) pagina nel browser, dalla scelta del file al verdetto sullo schermo (mediana di ${RUNS}, alternata con b): ${e.toFixed(0)} ms = ${(e / b).toFixed(2)} × b   [obiettivo ≤ 1,5 × b]`);
    console.log(`    giri: ${eRuns.map((r) => r.ms.toFixed(0)).join(', ')} ms; check --json negli stessi giri: ${bRuns.map((r) => r.ms.toFixed(0)).join(', ')} ms`);
    // Where the time goes, in the page (ms since the file input's change event, medians): each stage's end.
    const stages: [string, string][] = [
      ['start', 'worker chiesto'], ['worker-script', 'worker avviato'], ['worker-bytes', 'file in memoria'],
      ['worker-inflated', 'parti grandi decompresse'], ['worker-read', 'fogli letti'], ['worker-checked', 'controllo'],
      ['outcome', 'verdetto ricevuto dalla pagina'], ['verdetto nel DOM', 'verdetto nel DOM'], ['verdetto sullo schermo', 'verdetto sullo schermo'],
    ];
    let before = 0;
    const parts: string[] = [];
    for (const [key, label] of stages) {
      const times = eRuns.map((r) => r.at[key]).filter((t): t is number => t !== undefined);
      if (times.length === 0) continue;
      const t = median(times);
      parts.push(`${label} ${t.toFixed(0)} (+${(t - before).toFixed(0)})`);
      before = t;
    }
    console.log(`    nella pagina, ms dalla scelta del file (mediane): ${parts.join(' · ')}`);
    const heapMb = Math.max(...eRuns.map((r) => r.heapMb));
    const peak = (xs: (number | null)[]) => {
      const ys = xs.filter((x): x is number => x !== null);
      return ys.length ? `${Math.max(...ys).toFixed(0)} MB` : 'non disponibile';
    };
    console.log(`    heap JS di picco (campionato ogni 25 ms dove il worker risponde): thread principale ${heapMb.toFixed(0)} MB; worker ${peak(eRuns.map((r) => r.workerMb))} fino al verdetto, ${peak(eRuns.map((r) => r.workerCopyMb))} con la copia annotata   [obiettivo ≤ 300 MB]`);
  }

  // The add-in path: Microsoft's Office.js in front of the fake Excel host. Every request is
  // measured as Office.js serializes it (UTF-8 bytes); Excel on the web refuses more than 5,000,000.
  console.log('');
  console.log('Componente aggiuntivo (richieste serializzate da Office.js; Excel sul web: limite 5.000.000 byte, obiettivo < 4,5 MB):');
  const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
  const scenarios: [string, () => ReturnType<typeof bigPlan>][] = [
    ['100 unità', () => bigPlan(100)],
    [`${UNITS.toLocaleString('it-IT')} unità`, () => bigPlan(UNITS)],
    ['10.000 anomalie', () => manyAnomalies(10_000)],
    [`oltre il limite di evidenziazione (${(MAX_HIGHLIGHTS + 3_000).toLocaleString('it-IT')} celle)`, () => manyAnomalies(MAX_HIGHLIGHTS + 3_000)],
  ];
  for (const platform of ['web', 'desktop'] as const) {
    for (const [name, make] of scenarios) {
      const host = fakeHost(make(), platform === 'web' ? { platform, requestLimit: 5_000_000, responseLimit: 5_000_000 } : { platform });
      const times: number[] = [];
      for (const action of [() => host.service.checkAndApply(() => undefined), () => host.service.checkAndApply(() => undefined), () => host.service.removeResults()]) {
        const t0 = process.hrtime.bigint();
        await action();
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      const [first, second, removal] = host.runs;
      const describe = (label: string, r: typeof first, ms: number) =>
        `${label} ${r!.syncs} sync, richiesta max ${mb(r!.maxRequestBytes)}, risposta max ${mb(r!.maxResponseBytes)}, ${ms.toFixed(0)} ms`;
      console.log(`  [${platform === 'web' ? 'Excel sul web' : 'desktop'}] ${name}:`);
      console.log(`      ${describe('controllo:', first, times[0]!)}`);
      console.log(`      ${describe('secondo controllo:', second, times[1]!)}`);
      console.log(`      ${describe('«Rimuovi risultati»:', removal, times[2]!)}`);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
