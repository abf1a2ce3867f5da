/**
 * Names as messages show them: the official spelling where the ISTAT list knows the comune
 * ("Pozzaglio ed Uniti", not "POZZAGLIO ED UNITI"), with the form written in the sheet in quotes when
 * it is a different spelling. The report's `ente` and `comune` stay as the sheets write them.
 */
import { comuniAttivi } from '../reference/comuni';
import { foldText, nameKey } from './normalize';

let officialByKey: Map<string, string> | null = null;

/** The official spelling of a comune's name, or the name itself when the list does not know it. */
export function officialComune(name: string): string {
  officialByKey ??= new Map(comuniAttivi().map((c) => [nameKey(c.nome), c.nome]));
  return officialByKey.get(nameKey(name)) ?? name;
}

const COMUNE_DI = /^\s*comune\s+di\s+/i;

/** An owner's name with the comune in its official spelling ("COMUNE DI ANNICCO" → "Comune di Annicco"). */
export function officialEnte(name: string): string {
  if (!COMUNE_DI.test(name)) return name;
  return `Comune di ${officialComune(name.replace(COMUNE_DI, '').trim())}`;
}

/** "Official («as written»)" when the written form is another spelling; case and accents alone are not. */
function withWritten(shown: string, written: string | null | undefined): string {
  if (!written || foldText(written) === foldText(shown)) return shown;
  return `${shown} («${written}»)`;
}

export function comuneLabel(name: string, written?: string | null): string {
  return withWritten(officialComune(name), written ?? name);
}

export function enteLabel(name: string, written?: string | null): string {
  return withWritten(officialEnte(name), written ?? name);
}
