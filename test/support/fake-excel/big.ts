/** A plan of N units built directly in the fake workbook (fast enough for 100,000 rows). */
import { comuniAttivi } from '../../../src/core/reference/comuni';
import { WorkbookData, key } from './model';

const STATES = ['Carenza manutentiva', 'Ristrutturazione', 'Libero', 'Turnover', 'Assegnato', 'LIBERO'];

export function bigPlan(units: number): WorkbookData {
  const comuni = comuniAttivi().filter((c) => c.provincia === 'CR').slice(0, 100).map((c) => c.nome);
  const wb = WorkbookData.fromRows({
    Ambito: [['Campo', 'Valore'], ['Ambito territoriale', 'Ambito di prova'], ['Anno di riferimento', 2027]],
    Comuni: [['Comune', 'Comunicazione ricevuta'], ...comuni.map((c) => [c, 'Sì'])],
    Enti: [['Ente proprietario', 'Tipo ente', 'Unità SAP'], ['ALER Brescia-Cremona-Mantova', 'ALER', 500000], ...comuni.map((c) => [`Comune di ${c}`, 'Comune', 5000])],
  });
  const sheet = wb.addSheet('Unita');
  ['ID unità', 'Ente proprietario', 'Comune', 'Stato', 'Numero unità'].forEach((h, c) => sheet.cells.set(key(0, c), { value: h }));
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 1; i <= units; i++) {
    const comune = comuni[Math.floor(rand() * comuni.length)]!;
    const aler = rand() < 0.6;
    sheet.cells.set(key(i, 0), { value: 3_000_000 + i });
    sheet.cells.set(key(i, 1), { value: aler ? 'ALER' : `Comune di ${comune}` });
    sheet.cells.set(key(i, 2), { value: comune });
    sheet.cells.set(key(i, 3), { value: STATES[Math.floor(rand() * STATES.length)]! });
  }
  return wb;
}
