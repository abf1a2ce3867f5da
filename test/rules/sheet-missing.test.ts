import { NotAPlanError } from '../../src/core/scope';
import { anomaliesOf, comuni, run, unita } from '../support/rules';

const CODE = 'SHEET_MISSING';
const libero = { id: 3155521, ente: 'Comune di Crema', comune: 'Crema', stato: 'Libero' };

describe('SHEET_MISSING', () => {
  test('no Unita sheet: not a plan at all, the engine refuses naming what it looked for', () => {
    expect(() => run({ Comuni: comuni('Crema') })).toThrow(NotAPlanError);
    expect(() => run({ Comuni: comuni('Crema') })).toThrow(/nessun foglio ha l'elenco delle unità.*«Ente proprietario» e «Stato».*Fogli presenti: «Comuni»/);
  });

  test("only an Unita sheet: one owner's list, no sheet reported missing, never ready for the Assemblea", () => {
    const result = run({ Unita: unita(libero) });
    expect(anomaliesOf(result, CODE)).toEqual([]);
    expect(result.report).toMatchObject({ scope: 'ente', ready: false, counts: { error: 0 } });
    expect(result.report.totals.g).toBe(1);
  });

  test('a plan without Comuni, Enti or Assegnazioni: each is said, and the plan is not ready though nothing is an error', () => {
    const result = run({ Ambito: [['Ambito territoriale', 'Cremasco'], ['Anno di riferimento', 2024]], Unita: unita(libero) });
    expect(anomaliesOf(result, CODE).map((a) => [a.sheet, a.severity])).toEqual([['Assegnazioni', 'info'], ['Comuni', 'info'], ['Enti', 'info'], ['SAT', 'info']]);
    expect(result.report).toMatchObject({ scope: 'ambito', ready: false, counts: { error: 0 } });
    expect(result.readiness.missing).toEqual([
      "manca il foglio «Comuni» (i comuni dell'ambito)",
      'manca il foglio «Enti» (gli enti proprietari, sezione a)',
      "manca il foglio «Assegnazioni» (unità assegnate l'anno precedente, sezione k)",
    ]);
  });

  test('the unit list under another sheet name is recognised by its headers', () => {
    const result = run({ Foglio1: unita(libero) });
    expect(anomaliesOf(result, CODE).filter((a) => a.sheet === 'Unita')).toEqual([]);
    expect(result.report.totals.e).toBe(1);
  });

  test('accented or upper-case sheet names count as present', () => {
    const found = anomaliesOf({ UNITÀ: unita(libero), 'Comuni ': comuni('Crema') }, CODE);
    expect(found.map((a) => a.sheet)).not.toContain('Unita');
    expect(found.map((a) => a.sheet)).not.toContain('Comuni');
  });
});
