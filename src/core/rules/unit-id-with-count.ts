import { at, defineRule, num } from './rule';

export default defineRule({
  code: 'UNIT_ID_WITH_COUNT',
  severity: 'error',
  title: 'Codice ID su una riga di più unità',
  description: 'Un Codice ID identifica un solo alloggio: una riga con un codice e «Numero unità» maggiore di 1 si contraddice.',
  check({ model, report }) {
    for (const u of model.units) {
      if (u.idKind !== 'valid' || u.count === null || u.count <= 1) continue;
      report(at(model.pos('Unita', u.r, 'numero'), { value: String(u.count), message: `La riga ha il Codice ID ${u.id}, ma conta ${num(u.count!)} unità: un codice identifica un solo alloggio.`, suggestion: 'Scrivere 1 (o lasciare vuota la cella «Numero unità»), oppure togliere il codice se la riga è un conteggio.' }));
    }
  },
});
