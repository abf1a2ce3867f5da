/** The pane's Italian helpers are the engine's own (one place for how numbers and counts read). */
export { countOf, joinNames, num as formatNumber } from '../core/italian';
