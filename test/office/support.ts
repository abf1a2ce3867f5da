/** A small plan with anomalies on several sheets, as a capofila would have it, for the add-in tests. */
import { FakeHost, FakeHostOptions, fakeHost } from '../support/fake-excel/host';
import { WorkbookData } from '../support/fake-excel/model';

export const noProgress = () => undefined;

export function planWorkbook(extra: Record<string, (string | number | null)[][]> = {}): WorkbookData {
  return WorkbookData.fromRows({
    Ambito: [['Campo', 'Valore'], ['Ambito territoriale', 'Ambito di prova'], ['Comune capofila', 'Crema'], ['Anno di riferimento', 2027]],
    Comuni: [['Comune', 'Comunicazione ricevuta'], ['Crema', 'Sì'], ['Vaiano Cremasco', 'Sì']],
    Enti: [
      ['Ente proprietario', 'Tipo ente', 'Totale unità', 'Unità SAP', 'Unità SAS', 'Unità altri usi', 'g dichiarato'],
      ['Comune di Crema', 'Comune', 10, 10, 0, 0, 5],
      ['ALER Brescia-Cremona-Mantova', 'ALER', 100, 100, 0, 0, null],
    ],
    Unita: [
      ['ID unità', 'Ente proprietario', 'Comune', 'Stato', 'Numero unità', 'Note'],
      [3001, 'Comune di Crema', 'Crema', 'Libero', null, 'primo piano'],
      [3002, 'Comune di Crema', 'Vaiano', 'Libero', null, null],
      [null, 'Comune di Crema', 'Crema', 'Turnover', '2 + 1 da turn over', null],
      [3004, 'ALER', 'Crema', 'Carenza manutentiva', null, null],
      [3005, 'Comune di Crema', 'Crema', 'DA VERIFICARE', null, null],
      [3006, 'Comune di Crema', 'Crema', 'Assegnato', null, 'occupato da marzo'],
    ],
    Assegnazioni: [['Ente proprietario', 'Unità assegnate'], ['Comune di Crema', 2]],
    ...extra,
  });
}

/** An Unita of `n` rows in renovation without a unit ID: one warning (UNIT_ID_MISSING) on every row. */
export function manyAnomalies(n: number): WorkbookData {
  const rows: (string | number | null)[][] = [['Ente proprietario', 'Comune', 'Stato', 'Numero unità']];
  for (let i = 0; i < n; i++) rows.push(['Comune di Crema', 'Crema', 'Ristrutturazione', 2]);
  return WorkbookData.fromRows({ Comuni: [['Comune'], ['Crema']], Unita: rows });
}

/** The small plan, checked once in a fake Excel: where most "between two runs" stories start. */
export async function checkedOnce(options: FakeHostOptions = {}): Promise<{ data: WorkbookData; host: FakeHost }> {
  const data = planWorkbook();
  const host = fakeHost(data, options);
  await host.service.checkAndApply(noProgress);
  return { data, host };
}
