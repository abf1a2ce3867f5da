/** The Ambito sheet: the plan's settings, each a labelled cell (name, year, deadline, thresholds). */
import { Findings, AmbitoConfig, positionOf } from './model';
import { AMBITO_KEYS } from './schema';
import { LocatedWorkbook, cellValue } from './table';
import { uncomputedFormula } from './cells';
import { Reading, readDate, readNumber, readPercent, readText } from './values';

export function readAmbito(ambito: LocatedWorkbook['ambito'], found: Findings): AmbitoConfig {
  const config: AmbitoConfig = {
    ambito: null, capofila: null, anno: null, termine: null,
    satShare: 10, worksLimit: 8000, ffooLimit: 10, sapSwing: 20, positions: {},
  };
  if (!ambito) return config;
  const { sheet, entries } = ambito;
  for (const [key, p] of entries) {
    const v = cellValue(sheet, p.row, p.col);
    const at = positionOf(sheet, p.row, p.col);
    config.positions[key] = at;
    const label = AMBITO_KEYS.find((k) => k.key === key)?.labels[0] ?? key;
    const formula = v === null ? uncomputedFormula(sheet, p.row, p.col) : null;
    if (formula !== null) found.valueIssues.push({ ...at, problem: 'uncomputed-formula', shown: `=${formula}`, field: key, label });
    const record = <T>(reading: Reading<T>): T | null => {
      if (reading.problem) found.valueIssues.push({ ...at, problem: reading.problem, shown: reading.shown ?? '', field: key, label });
      return reading.value;
    };
    const percent = () => record(readPercent(v, sheet.formats?.[p.row]?.[p.col], sheet.text?.[p.row]?.[p.col]));
    switch (key) {
      case 'ambito': config.ambito = readText(v); break;
      case 'capofila': config.capofila = readText(v); break;
      case 'anno': config.anno = record(readNumber(v)); break;
      case 'termine': config.termine = record(readDate(v)); break;
      case 'satShare': config.satShare = percent() ?? 10; break;
      case 'worksLimit': config.worksLimit = record(readNumber(v)) ?? 8000; break;
      case 'ffooLimit': config.ffooLimit = percent() ?? 10; break;
      case 'sapSwing': config.sapSwing = percent() ?? 20; break;
    }
  }
  return config;
}
