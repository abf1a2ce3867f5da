import { ENTI, SAT, anomaliesOf, comuni, run, unita } from '../support/rules';

const CODE = 'SAT_EXCEEDS_G';
const base = {
  Comuni: comuni('San Martino del Lago', 'Casalmaggiore'),
  Enti: [ENTI, ['Comune di San Martino del Lago', 'Comune'], ['Comune di Casalmaggiore', 'Comune'], ['ALER Brescia-Cremona-Mantova', 'ALER']],
};

describe('SAT_EXCEEDS_G', () => {
  test('Oglio Po 2021: San Martino del Lago destines 2 units to SAT with 0 assignable', () => {
    const result = run({ ...base, Unita: unita(), SAT: [SAT, ['COMUNE', 'SAN MARTINO DEL LAGO', 2]] });
    const [a, ...rest] = anomaliesOf(result, CODE);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ sheet: 'SAT', cell: 'C2', severity: 'error', value: '2', suggestion: 'Togliere le unità SAT, oppure aggiungere le unità assegnabili mancanti.' });
    expect(a!.message).toBe('Comune di San Martino del Lago: 2 unità destinate ai SAT, ma nessuna unità assegnabile.');
    expect(result.report.sectionG).toEqual([expect.objectContaining({ ente: 'Comune di San Martino del Lago', g: 0, sat: 2 })]);
  });

  test('SAT without comune is compared with the owner\'s g in all comuni', () => {
    const aler = { ente: 'ALER Brescia-Cremona-Mantova', stato: 'Turnover', n: 1 };
    const units = unita({ ...aler, comune: 'Casalmaggiore' }, { ...aler, comune: 'San Martino del Lago' });
    expect(anomaliesOf({ ...base, Unita: units, SAT: [SAT, ['ALER Brescia-Cremona-Mantova', null, 2]] }, CODE)).toEqual([]);
    expect(anomaliesOf({ ...base, Unita: units, SAT: [SAT, ['ALER Brescia-Cremona-Mantova', null, 3]] }, CODE)).toMatchObject([{ suggestion: 'Scrivere al massimo 2.' }]);
  });

  test('SAT within g of the same owner and comune is fine', () => {
    const units = unita({ ente: 'Comune di Casalmaggiore', comune: 'Casalmaggiore', stato: 'Turnover', n: 3 });
    expect(anomaliesOf({ ...base, Unita: units, SAT: [SAT, ['Comune di Casalmaggiore', 'Casalmaggiore', 3]] }, CODE)).toEqual([]);
  });

  test('units of another owner in the same comune do not make room for SAT', () => {
    const units = unita({ ente: 'ALER Brescia-Cremona-Mantova', comune: 'Casalmaggiore', stato: 'Turnover', n: 3 });
    expect(anomaliesOf({ ...base, Unita: units, SAT: [SAT, ['Comune di Casalmaggiore', 'Casalmaggiore', 1]] }, CODE)).toHaveLength(1);
  });
});

test('two SAT rows for the same ente and comune are added up before comparing with g', () => {
  const result = run({
    Unita: unita({ ente: 'Comune di Crema', comune: 'Crema', id: 1, stato: 'Libero' }),
    SAT: [SAT, ['Comune di Crema', 'Crema', 1], ['Comune di Crema', 'Crema', 1]],
  });
  expect(anomaliesOf(result, 'SAT_EXCEEDS_G').map((a) => [a.cell, a.message])).toEqual([['C2', 'Comune di Crema: 2 unità destinate ai SAT, ma solo 1 unità assegnabile.']]);
  expect(anomaliesOf(result, 'SAT_OVER_SHARE')).toEqual([]);
});
