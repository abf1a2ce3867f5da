/** The pane's Italian helpers are the engine's own (one place for how numbers and counts read). */
export { countOf, joinNames, num as formatNumber } from '../core/italian';
import { joinNames } from '../core/italian';

/** Sheet names as every message writes them: «Sezione g», «Anomalie» e «Riepilogo». */
export const sheetNames = (names: readonly string[]): string => joinNames(names.map((n) => `«${n}»`));
