import { ENTI, SAT, anomaliesOf, comuni, run, unita } from '../support/rules';

const CODE = 'ENTE_ALIAS';
const base = {
  Comuni: comuni('Bonemerse', 'Cremona'),
  Enti: [ENTI, ['Comune di Bonemerse', 'Comune'], ['ALER Brescia-Cremona-Mantova', 'ALER']],
};

describe('ENTE_ALIAS', () => {
  test('"ALER" is the ambito\'s only ALER: info at the owner cell, units counted for it', () => {
    const unit = { ente: 'ALER', comune: 'Cremona', stato: 'LIBERO' };
    const result = run({ ...base, Unita: unita({ ...unit, id: 1 }, { ...unit, id: 2 }) });
    const found = anomaliesOf(result, CODE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ sheet: 'Unita', cell: 'C2', severity: 'info' });
    expect(found[0]!.suggestion).toBeUndefined();
    expect(found[0]!.message).toContain("«ALER» (su 2 righe) è stato riconosciuto come «ALER Brescia-Cremona-Mantova», l'unica ALER dell'ambito.");
    expect(result.report.sectionG).toEqual([expect.objectContaining({ ente: 'ALER Brescia-Cremona-Mantova', comune: 'Cremona', g: 2 })]);
  });

  test('"COMUNE" with the row\'s comune, as the platform exports SAT rows', () => {
    const result = run({ ...base, Unita: unita({ id: 1, ente: 'Comune di Bonemerse', comune: 'Bonemerse', stato: 'Libero' }), SAT: [SAT, ['COMUNE', 'BONEMERSE', 1]] });
    const [a] = anomaliesOf(result, CODE);
    expect(a).toMatchObject({ sheet: 'SAT', cell: 'A2' });
    expect(a!.message).toContain('«Comune di Bonemerse»');
    expect(a!.message).toContain('con il comune della riga');
    expect(result.report.sectionG).toEqual([expect.objectContaining({ ente: 'Comune di Bonemerse', g: 1, sat: 1 })]);
  });

  test('no alias when the name is written in full', () => {
    expect(anomaliesOf({ ...base, Unita: unita({ id: 1, ente: 'ALER Brescia-Cremona-Mantova', comune: 'Cremona', stato: 'Libero' }) }, CODE)).toEqual([]);
  });

  test('"ALER" with two ALER in Enti is not guessed', () => {
    const enti = [...base.Enti, ['ALER Milano', 'ALER']];
    const result = run({ ...base, Enti: enti, Unita: unita({ id: 1, ente: 'ALER', comune: 'Cremona', stato: 'Libero' }) });
    expect(anomaliesOf(result, CODE)).toEqual([]);
    expect(anomaliesOf(result, 'ENTE_UNKNOWN')).toHaveLength(1);
  });
});
