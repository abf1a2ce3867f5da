/**
 * The Enti sheet: the owners with their stock (a), the g they declared and when they answered. An
 * owner written "Comune di X" is named after the comune as the Comuni sheet writes it.
 */
import { foldText } from '../names/normalize';
import { ComuneRef, EnteRow, Findings } from './model';
import { checkTotals, fieldReader } from './field-reader';
import { ComuneResolver } from './comuni';
import { TableSheet } from './table';

export const ALER_RE = /^aler\b/;
const COMUNE_PREFIX = /^comune( di)?\b ?/;

/** Comune part of an owner written as "Comune di X" (or "COMUNE X"); null when it is not one. */
export function comuneOfOwner(written: string): string | null {
  const f = foldText(written);
  if (!COMUNE_PREFIX.test(f)) return null;
  return written.replace(/^\s*comune(\s+di)?\s*/i, '').trim();
}

/** The kind of owner its name says: «ALER …», «Comune di …»; null when the name does not say. */
export function tipoOfName(name: string | null): 'ALER' | 'Comune' | null {
  const n = foldText(name ?? '');
  if (ALER_RE.test(n)) return 'ALER';
  if (COMUNE_PREFIX.test(n)) return 'Comune';
  return null;
}

function parseTipo(v: string | null, name: string | null): EnteRow['tipo'] {
  const f = foldText(v ?? '');
  if (f.startsWith('aler')) return 'ALER';
  if (f.startsWith('comun')) return 'Comune';
  if (f.startsWith('operator') || f.includes('accreditat')) return 'Operatore accreditato';
  return tipoOfName(name);
}

const FIGURES = ['totale', 'sap', 'sas', 'altri', 'gDichiarato'] as const;

export function readEnti(t: TableSheet | undefined, found: Findings, resolveComune: ComuneResolver): EnteRow[] {
  const enti: EnteRow[] = [];
  if (!t || !t.columns.has('ente')) return enti;
  const rd = fieldReader(t, found);
  for (const r of t.dataRows) {
    const written = rd.text(r, 'ente');
    rd.require(r, 'ente', written);
    const tipo = parseTipo(rd.text(r, 'tipo'), written);
    let comune: ComuneRef | null = null;
    let name = written;
    if (written && tipo === 'Comune') {
      comune = resolveComune(comuneOfOwner(written) ?? written);
      if (comune.kind !== 'unknown') name = `Comune di ${comune.name}`;
    }
    enti.push({
      r, written, tipo, name, comune,
      totale: rd.count(r, 'totale'),
      sap: rd.count(r, 'sap'),
      sas: rd.count(r, 'sas'),
      altri: rd.count(r, 'altri'),
      gDichiarato: rd.count(r, 'gDichiarato'),
      dataRicezione: rd.date(r, 'dataRicezione'),
    });
  }
  const byRow = new Map(enti.map((e) => [e.r, e]));
  checkTotals(t, found, [...FIGURES], (r, f) => byRow.get(r)?.[f as (typeof FIGURES)[number]] ?? null);
  return enti;
}
