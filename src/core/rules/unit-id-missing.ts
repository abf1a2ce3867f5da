import { at, defineRule, num } from './rule';

/** Units that exist today: the platform knows them, so they have a Codice ID. */
const EXISTING = new Set(['Carenza manutentiva', 'Ristrutturazione', 'Libero']);

export default defineRule({
  code: 'UNIT_ID_MISSING',
  severity: 'warning',
  title: 'Alloggio esistente senza Codice ID',
  description:
    "Un alloggio che esiste già (in carenza manutentiva, in ristrutturazione o libero) ha un Codice ID nella Piattaforma regionale: senza, non si può ritrovare né controllare («non comunicato» nel piano di Cremona 2023). Le righe di turnover e nuova edificazione non ne hanno bisogno.",
  legalRef: 'R.R. 4/2017, art. 4 c. 2 (ricognizione tramite la piattaforma informatica regionale)',
  check({ model, report }) {
    if (!model.table('Unita')) return;
    for (const u of model.units) {
      if (u.state?.kind !== 'assignable' || !EXISTING.has(u.state.state) || u.count === 0) continue;
      const kind = u.idKind;
      if (kind !== 'none' && kind !== 'placeholder') continue;
      const pos = model.pos('Unita', u.r, model.table('Unita')!.columns.has('id') ? 'id' : 'stato');
      const n = u.count ?? 1;
      report(at(pos, {
        value: u.id ?? '',
        message: kind === 'placeholder'
          ? `Codice ID «${u.id}»: l'alloggio (${u.state.state.toLowerCase()}) esiste e deve avere il suo codice.`
          : n > 1
            ? `${num(n)} alloggi (${u.state.state.toLowerCase()}) sono indicati solo come numero, senza i loro Codici ID.`
            : `Alloggio (${u.state.state.toLowerCase()}) senza Codice ID.`,
        suggestion: n > 1 ? "Elencare gli alloggi uno per riga con il Codice ID della Piattaforma." : "Chiedere all'ente il Codice ID della Piattaforma.",
      }));
    }
  },
});
