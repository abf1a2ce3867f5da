import { nameKey } from '../names/normalize';
import { at, defineRule } from './rule';

export default defineRule({
  code: 'ENTE_DUPLICATE',
  severity: 'error',
  title: 'Ente ripetuto nel foglio «Enti»',
  description: 'Lo stesso ente scritto due volte nel foglio «Enti» raddoppierebbe il suo patrimonio nella consistenza (sezione a) e renderebbe ambigui i suoi totali.',
  check({ model, report }) {
    const first = new Map<string, number>();
    for (const e of model.enti) {
      if (!e.name) continue;
      const k = nameKey(e.name);
      const prev = first.get(k);
      if (prev === undefined) {
        first.set(k, e.r);
        continue;
      }
      report(at(model.pos('Enti', e.r, 'ente'), {
        value: e.written!,
        message: `«${e.written}» è lo stesso ente già scritto alla riga ${model.pos('Enti', prev, 'ente').row + 1}: i suoi dati sarebbero conteggiati due volte.`,
        suggestion: 'Tenere una sola riga per ente.',
      }));
    }
  },
});
