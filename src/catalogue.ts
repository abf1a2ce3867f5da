/** The rule catalogue users read, generated from the rule modules (never written by hand). */
import { RULES } from './core/rules';
import { Severity } from './core/rules/rule';

const SEVERITY_IT: Record<Severity, string> = { error: 'errore', warning: 'avviso', info: 'informazione' };

export function catalogueMarkdown(): string {
  const lines = [
    '# Catalogo delle regole di controllo',
    '',
    '<!-- Generato da src/catalogue.ts a partire dai moduli in src/core/rules/: non modificare a mano; `npm run catalogue` lo rigenera. -->',
    '',
    'Ogni anomalia ha un codice stabile, una gravità e, dove serve, un suggerimento e il riferimento normativo.',
    '',
    '- **errore**: il piano non è pronto per l\'Assemblea finché non è corretto;',
    '- **avviso**: da verificare;',
    '- **informazione**: contesto, nessuna azione richiesta.',
    '',
    '| Codice | Gravità | Che cosa | Riferimento normativo |',
    '|---|---|---|---|',
    ...RULES.map((r) => `| [\`${r.code}\`](#${r.code.toLowerCase()}) | ${(r.severities ?? [r.severity]).map((s) => SEVERITY_IT[s]).join(' / ')} | ${r.title} | ${r.legalRef ?? '—'} |`),
    '',
  ];
  for (const r of RULES) {
    lines.push(`## ${r.code}`, '', `**${r.title}** · gravità: ${(r.severities ?? [r.severity]).map((s) => SEVERITY_IT[s]).join(' / ')}${r.legalRef ? ` · ${r.legalRef}` : ''}`, '', r.description, '');
  }
  return lines.join('\n');
}
