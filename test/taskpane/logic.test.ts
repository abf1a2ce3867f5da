/** The pane's pure parts: anomaly filtering and grouping, error wording, theme, host detection. */
import type { ReportAnomaly } from '../../src/core/report';
import { filterAnomalies, groupByRule, placeOf, ruleTitle } from '../../src/taskpane/anomalies';
import { UNEXPECTED_ERROR, describeError } from '../../src/taskpane/errors';
import { createHostService, isInExcel } from '../../src/taskpane/host';
import { countOf, joinNames, sheetNames } from '../../src/taskpane/italian';
import { UserFacingError } from '../../src/taskpane/service';
import { officeThemeKind, themeKindOfBackground } from '../../src/taskpane/theme';
import { cremonaReport } from './fake-service';

const anomaly = (rule: string, severity: ReportAnomaly['severity'], rest: Partial<ReportAnomaly> = {}): ReportAnomaly => ({
  rule,
  severity,
  sheet: 'Unita',
  cell: 'C2',
  value: '',
  message: 'messaggio',
  ...rest,
});

describe('anomalies', () => {
  test('groups by rule, the rules with errors first, then in catalogue order', () => {
    const groups = groupByRule(cremonaReport().anomalies);
    expect(groups.map((g) => g.rule)).toEqual([
      'ENTE_G_DECLARED_MISMATCH',
      'UNIT_ID_MISSING',
      'ENTE_NAME_VARIANT',
      'COMUNE_NAME_VARIANT',
      'COMUNE_NOT_SPECIFIED',
      'COMUNE_NO_RESPONSE',
      'CATEGORY_WITHOUT_MOTIVATION',
      'SAT_OVER_SHARE',
      'ENTE_ALIAS',
    ]);
    expect(groups[0]!.title).toBe('Totale g diverso da quello dichiarato');
    expect(groups.reduce((n, g) => n + g.anomalies.length, 0)).toBe(92);
  });

  test('a group takes its most severe anomaly', () => {
    const [g] = groupByRule([anomaly('SHEET_MISSING', 'info'), anomaly('SHEET_MISSING', 'error')]);
    expect(g!.severity).toBe('error');
  });

  test('free text ignores case, accents and punctuation, and needs every word', () => {
    const list = [
      anomaly('COMUNE_NAME_VARIANT', 'warning', { message: '«CASTELIDONE» è stato riconosciuto come «Casteldidone».', cell: 'B7' }),
      anomaly('COMUNE_NAME_VARIANT', 'warning', { message: '«Vaiano» è stato riconosciuto come «Vaiano Cremasco».', cell: 'B9' }),
    ];
    expect(filterAnomalies(list, 'all', 'casteldidone')).toHaveLength(1);
    expect(filterAnomalies(list, 'all', 'E STATO RICONOSCIUTO')).toHaveLength(2);
    expect(filterAnomalies(list, 'all', 'unita!b9')).toEqual([list[1]]);
    expect(filterAnomalies(list, 'all', 'vaiano b7')).toEqual([]);
    expect(filterAnomalies(list, 'error', '')).toEqual([]);
    // The rule's Italian title is searchable too.
    expect(filterAnomalies(list, 'warning', 'scritto diversamente')).toHaveLength(2);
  });

  test('an unknown rule (a newer engine) shows its code; a sheet-wide anomaly shows the sheet', () => {
    expect(ruleTitle('SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(placeOf({ sheet: 'SAT' })).toBe('SAT');
    expect(placeOf({ sheet: 'Enti', cell: 'G27' })).toBe('Enti!G27');
  });
});

describe('errors', () => {
  test('a UserFacingError is shown as it is', () => {
    expect(describeError(new UserFacingError('Il foglio è protetto.', 'Togliere la protezione.', 'protected'))).toEqual({
      message: 'Il foglio è protetto.',
      action: 'Togliere la protezione.',
      code: 'protected',
    });
  });

  test('anything else becomes the generic message, with the details left to the console', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(describeError(new Error('RichApi.Error: InvalidArgument'))).toBe(UNEXPECTED_ERROR);
    expect(describeError('boom')).toBe(UNEXPECTED_ERROR);
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });
});

describe('theme', () => {
  test('dark for the dark Office themes, light for the light ones', () => {
    expect(themeKindOfBackground('#FFFFFF')).toBe('light');
    expect(themeKindOfBackground('#E6E6E6')).toBe('light');
    expect(themeKindOfBackground('#262626')).toBe('dark');
    expect(themeKindOfBackground('#000')).toBe('dark');
    expect(themeKindOfBackground('grigio')).toBeNull();
  });

  test("reads Office's theme when there is one", () => {
    expect(officeThemeKind()).toBeNull();
    const g = globalThis as { Office?: unknown };
    g.Office = { context: { officeTheme: { bodyBackgroundColor: '#1F1F1F' } } };
    try {
      expect(officeThemeKind()).toBe('dark');
    } finally {
      delete g.Office;
    }
  });
});

describe('host', () => {
  const g = globalThis as { Office?: unknown };
  afterEach(() => delete g.Office);

  test('no service outside Office', () => {
    expect(isInExcel()).toBe(false);
    expect(createHostService()).toBeNull();
    g.Office = { HostType: { Excel: 'Excel', Word: 'Word' }, context: { host: 'Word' } };
    expect(createHostService()).toBeNull();
  });

  test('in Excel, a service that loads the Office implementation on first use', () => {
    g.Office = { HostType: { Excel: 'Excel' }, context: { host: 'Excel' } };
    const service = createHostService();
    expect(service).not.toBeNull();
    expect(Object.keys(service!).sort()).toEqual(['canDownload', 'checkAndApply', 'createStandardSheets', 'inspect', 'isCurrent', 'planDocument', 'removeResults', 'selectCell']);
  });
});

describe('Italian wording', () => {
  test('counts and lists', () => {
    expect(countOf(1, 'errore', 'errori')).toBe('1 errore');
    expect(countOf(1028, 'avviso', 'avvisi')).toBe('1.028 avvisi');
    expect(joinNames(['Ambito'])).toBe('Ambito');
    expect(joinNames(['Ambito', 'Comuni', 'Enti'])).toBe('Ambito, Comuni ed Enti');
    expect(joinNames(['SAT', 'Assegnazioni'])).toBe('SAT e Assegnazioni');
    // Sheet names in quotes: the euphonic «ed» still goes before a name beginning with e.
    expect(sheetNames(['Comuni', 'Enti'])).toBe('«Comuni» ed «Enti»');
    expect(sheetNames(['Sezione g', 'Anomalie', 'Riepilogo'])).toBe('«Sezione g», «Anomalie» e «Riepilogo»');
  });
});
