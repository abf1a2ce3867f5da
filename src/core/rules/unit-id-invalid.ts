import { at, defineRule } from './rule';

export default defineRule({
  code: 'UNIT_ID_INVALID',
  severity: 'error',
  title: 'Codice ID non valido',
  description:
    'Il Codice ID della Piattaforma è un numero intero positivo: un testo come «COMUNI VARI vedi allegato» non identifica alcun alloggio e va sostituito dagli alloggi uno per riga.',
  check({ model, report }) {
    for (const u of model.units) {
      if (u.idKind !== 'invalid') continue;
      report(at(model.pos('Unita', u.r, 'id'), { value: u.id!, message: `«${u.id}» non è un Codice ID (numero intero positivo).`, suggestion: 'Scrivere il Codice ID numerico della Piattaforma.' }));
    }
  },
});
