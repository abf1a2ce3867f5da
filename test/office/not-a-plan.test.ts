/**
 * In Excel, a workbook that is no plan (an address book, an empty workbook) gets an Italian message
 * naming what was looked for, and nothing is written: no sheet, no highlight, no note, no setting.
 * ALER's list on its own is checked, with the list's verdict in the outcome.
 */
import { dump, WorkbookData } from '../support/fake-excel/model';
import { fakeHost } from '../support/fake-excel/host';
import { noProgress } from './support';

test.each([
  ['an address book', { Contatti: [['Nome', 'Cognome', 'Comune', 'Telefono'], ['Anna', 'Rossi', 'Crema', '0373 1234']] }, '«Contatti»'],
  ['an empty workbook', { Foglio1: [] }, '«Foglio1» (vuoto)'],
])('%s: a message saying what was looked for, and the workbook exactly as it was', async (_name, sheets, found) => {
  const data = WorkbookData.fromRows(sheets);
  const before = dump(data);
  const host = fakeHost(data);
  const err = await host.service.checkAndApply(noProgress).catch((e: unknown) => e);
  expect(err).toMatchObject({ name: 'UserFacingError', code: 'not-a-plan' });
  expect((err as Error).message).toContain("nessun foglio ha l'elenco delle unità abitative");
  expect((err as Error).message).toContain(`Fogli presenti: ${found}.`);
  expect((err as { action: string }).action).toContain('Crea fogli standard');
  expect(dump(data)).toEqual(before);
});

test("ALER's list alone: checked and written, with the list's verdict, never the Assemblea's", async () => {
  const data = WorkbookData.fromRows({
    'Allegato B': [['Codice ID', 'Ente proprietario', 'Comune', 'Stato'], [3169348, 'ALER Brescia-Cremona-Mantova', 'Cremona', 'Libero']],
  });
  const outcome = await fakeHost(data).service.checkAndApply(noProgress);
  expect(outcome.report).toMatchObject({ scope: 'ente', ready: false, counts: { error: 0 } });
  expect(outcome.readiness.owners).toEqual(['ALER Brescia-Cremona-Mantova']);
  expect(outcome.sheets).toEqual(['Sezione g', 'Anomalie', 'Riepilogo']);
});
