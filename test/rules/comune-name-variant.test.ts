import { ENTI, anomaliesOf, comuni, run, unita } from '../support/rules';

const CODE = 'COMUNE_NAME_VARIANT';
const aler = { ente: 'ALER Brescia-Cremona-Mantova', stato: 'Libero' };

describe('COMUNE_NAME_VARIANT', () => {
  test('"Vaiano" for Vaiano Cremasco: warning at the cell, units counted under the official name', () => {
    const result = run({ Comuni: comuni('Crema', 'Vaiano Cremasco'), Unita: unita({ ...aler, id: 1, comune: 'Crema' }, { ...aler, id: 2, comune: 'Vaiano' }, { ...aler, id: 3, comune: 'Vaiano' }) });
    const [a, ...rest] = anomaliesOf(result, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'Unita', cell: 'D3', severity: 'warning', value: 'Vaiano', suggestion: 'Scrivere «Vaiano Cremasco».' });
    expect(a!.message).toBe('«Vaiano» (su 2 righe) è stato riconosciuto come «Vaiano Cremasco».');
    expect(result.report.sectionG.map((r) => [r.comune, r.g])).toEqual([['Crema', 1], ['Vaiano Cremasco', 2]]);
  });

  test('"CASTELIDONE" (a letter lost) is Casteldidone', () => {
    const [a] = anomaliesOf({ Comuni: comuni('Casteldidone', 'Casalmaggiore'), Unita: unita({ ...aler, id: 1, comune: 'CASTELIDONE' }) }, CODE);
    expect(a).toMatchObject({ cell: 'D2', suggestion: 'Scrivere «Casteldidone».' });
  });

  test('a variant inside an owner name in Enti suggests the full owner name', () => {
    const [a] = anomaliesOf({ Comuni: comuni('Pessina Cremonese'), Enti: [ENTI, ['COMUNE DI PESSINA', 'Comune']], Unita: unita() }, CODE);
    expect(a).toMatchObject({ sheet: 'Enti', cell: 'A2', suggestion: 'Scrivere «Comune di Pessina Cremonese».' });
    expect(a!.message).toContain("Nel nome dell'ente «COMUNE DI PESSINA» il comune è stato riconosciuto come «Pessina Cremonese»");
  });

  test('the official name in another case, or with a hyphen for a space, is silent', () => {
    const sheets = { Comuni: comuni('Vaiano Cremasco'), Unita: unita({ ...aler, id: 1, comune: 'VAIANO CREMASCO' }, { ...aler, id: 2, comune: 'Vaiano-Cremasco' }) };
    expect(anomaliesOf(sheets, CODE)).toEqual([]);
  });
});
