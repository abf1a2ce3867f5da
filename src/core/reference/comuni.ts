/** The official list of Lombard comuni, indexed by name key. */
import { nameKey } from '../names/normalize';
import { COMUNI_ATTIVI, COMUNI_CESSATI } from './comuni-lombardia.generated';

export interface ComuneUfficiale {
  istat: string;
  nome: string;
  provincia: string;
}
export interface ComuneCessato extends ComuneUfficiale {
  cessazione: string;
}

let active: ComuneUfficiale[] | null = null;
let ceased: ComuneCessato[] | null = null;

export function comuniAttivi(): ComuneUfficiale[] {
  active ??= COMUNI_ATTIVI.map((line) => {
    const [istat, nome, provincia] = line.split('|');
    return { istat: istat!, nome: nome!, provincia: provincia! };
  });
  return active;
}

export function comuniCessati(): ComuneCessato[] {
  ceased ??= COMUNI_CESSATI.map((line) => {
    const [istat, nome, provincia, cessazione] = line.split('|');
    return { istat: istat!, nome: nome!, provincia: provincia!, cessazione: cessazione! };
  });
  return ceased;
}

let ceasedByKey: Map<string, ComuneCessato> | null = null;
export function findCeased(name: string): ComuneCessato | undefined {
  ceasedByKey ??= new Map(comuniCessati().map((c) => [nameKey(c.nome), c]));
  return ceasedByKey.get(nameKey(name));
}
