import { at, defineRule } from './rule';

const EURO = new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, useGrouping: 'always' });
const euro = (n: number) => EURO.format(n);

export default defineRule({
  code: 'UNIT_WORKS_OVER_LIMIT',
  severity: 'error',
  title: 'Lavori oltre il limite dell\'auto-manutenzione',
  description:
    "Un alloggio in carenza manutentiva si assegna nello stato di fatto solo se i lavori a carico dell'inquilino restano entro il limite (8.000 € salvo diverso valore nel foglio «Ambito»). Oltre il limite l'alloggio resta conteggiato nella sezione b, ma il piano non è pronto finché non si corregge l'importo o lo si sposta in ristrutturazione (sezione c).",
  legalRef: 'R.R. 4/2017, art. 10 e art. 4 c. 3 lett. b',
  check({ model, report }) {
    const limit = model.config.worksLimit;
    for (const u of model.units) {
      if (u.state?.kind !== 'assignable' || u.state.section !== 'b' || u.costo === null || u.costo <= limit) continue;
      report(at(model.pos('Unita', u.r, 'costo'), {
        value: euro(u.costo),
        message: `Lavori per ${euro(u.costo)} su un alloggio in carenza manutentiva: il limite è ${euro(limit)}.`,
        suggestion: 'Spostare l\'alloggio in ristrutturazione (sezione c) o verificare l\'importo.',
      }));
    }
  },
});
