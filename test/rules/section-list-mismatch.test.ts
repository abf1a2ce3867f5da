import { anomaliesOf, run } from '../support/rules';

const CODE = 'SECTION_LIST_MISMATCH';
const B = "b) Unità abitative destinate a SAP in carenza manutentiva assegnabili nello stato di fatto nel corso dell'anno";
const LIST = ["Tipologia dell'Ente Proprietario", 'ID Alloggio', "Codice alloggio dell'Ente", 'Comune', "Stato dell'Unità Immobiliare"];
const CARENZA = 'SFITTO PER CARENZE MANUTENTIVE ASSEGNABILE IN AUTO-MANUTENZIONE';
/** The document's b) table beside ALER's own list of its units (its Allegato B, on a sheet of its own). */
const sheets = (aler: number) => ({
  Piano: [[B], ['Ragione Sociale Ente', 'Comune', 'n. U.I.'], ['COMUNE', 'CELLA DATI', 1], ['ALER BS – CR- MN', 'VESCOVATO', aler]],
  'Allegato B': [LIST, ['ALER', 3172063, "'BS167846", 'VESCOVATO', CARENZA], ['ALER', 3169136, "'BS165013", 'VESCOVATO', CARENZA]],
});

describe('SECTION_LIST_MISMATCH', () => {
  test('the owner\'s list counts; a table that sums it up right is silent and not counted twice', () => {
    const result = run(sheets(2));
    expect(anomaliesOf(result, CODE)).toEqual([]);
    expect(result.report.totals).toMatchObject({ b: 3, g: 3 });
  });

  test('a table that says otherwise than the list: an error at its figure, the list still counting', () => {
    const result = run(sheets(5));
    const found = anomaliesOf(result, CODE);
    expect(found.map((a) => [a.sheet, a.cell, a.value])).toEqual([['Piano', 'C4', '5']]);
    expect(found[0]!.message).toBe('La tabella «Carenza manutentiva» indica 5 unità di ALER BS – CR- MN a Vescovato; il suo elenco delle unità ne conta 2.');
    expect(result.report.totals).toMatchObject({ b: 3, g: 3 });
  });
});
