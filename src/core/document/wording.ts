/**
 * Every heading and sentence of the plan document, in one place: the wording of the approved plans
 * (seeds 000 Crema 2019, 001 Cremona 2023, 002 Crema 2021), with their legal references, filled
 * from the data. Builders pick from here; nothing else writes the document's Italian.
 */
import { countOf, joinNames, num, percent } from '../italian';

export const TITLE = "Piano annuale dell'offerta dei servizi abitativi pubblici e sociali";
export const CONTENTS = 'Sommario';
export const DRAFT_LABEL = 'BOZZA';

/** "anno 2023", or nothing when the workbook does not say the year. */
const ofYear = (anno: number | null) => (anno === null ? "nel corso dell'anno" : `nel corso dell'anno ${anno}`);
const inYear = (anno: number | null) => (anno === null ? "nell'anno" : `nell'anno ${anno}`);

export const titleLines = (ambito: string | null, anno: number | null, capofila: string | null): string[] => [
  `${ambito ?? 'Ambito non indicato'}${anno === null ? '' : ` – anno ${anno}`}`,
  `Comune capofila: ${capofila ?? 'non indicato'}`,
];

export const DESCRIPTION = 'Capitolo dei dati del Piano annuale, scritto da Piano Offerta dalla cartella di lavoro controllata.';
export const LABELS = { table: 'Tabella', pageBefore: 'Pagina ', pageBetween: ' di ' };

export const runningHead = (ready: boolean, title: string): string => `${ready ? '' : `${DRAFT_LABEL} – `}${title}`;

export const draftLines = (reasons: string[], errors: number): string[] => [
  `Documento non ancora pronto per l'Assemblea dei Sindaci: ${reasons.map((r) => r.charAt(0).toLowerCase() + r.slice(1)).join('; ')}.`,
  ...(errors ? [`${errors === 1 ? "L'errore ancora aperto è elencato" : 'Gli errori ancora aperti sono elencati'} in fondo al documento, con il foglio e la cella da correggere.`] : []),
];

/** Chapters (Titolo 1). */
export const CHAPTER = {
  premessa: 'Premessa',
  dati: 'I servizi abitativi: i dati del piano',
  chiusura: 'Note di chiusura',
  errori: "Errori da correggere prima dell'Assemblea",
};

/** The parts only people write, with what goes there. */
export const PLACEHOLDER = {
  premessa:
    "[Parte da scrivere a cura del comune capofila: il quadro normativo (L.R. 16/2016, R.R. 4/2017), l'ambito territoriale, i soggetti coinvolti e il percorso della ricognizione.]",
  misure:
    "[Parte da scrivere a cura del comune capofila: le misure per sostenere l'accesso e il mantenimento dell'abitazione principale, finanziate ai sensi dell'art. 45 c. 8 L.R. 16/2016, come previsto dal Titolo V della L.R. 16/2016.]",
  fondi:
    "[Parte da scrivere a cura del comune capofila: la partecipazione del comune e dell'ALER alle procedure di accesso ai fondi per la riqualificazione dei contesti abitativi di edilizia residenziale pubblica.]",
  chiusura:
    "[Parte da scrivere a cura del comune capofila: il raccordo con l'ALER territorialmente competente per il parere preliminare (art. 4 c. 4 R.R. 4/2017) e gli allegati al documento.]",
};

/** The sections' headings (Titolo 2), as seeds 000 and 001 print them. */
export const SECTION_HEADING = {
  a: () => 'a) Consistenza del patrimonio abitativo pubblico e sociale',
  b: (anno: number | null) =>
    `b) Unità abitative destinate a SAP in carenza manutentiva assegnabili nello stato di fatto ${ofYear(anno)} (art. 10 R.R. n. 4/2017 e s.m.i.)`,
  c: (anno: number | null) =>
    `c) Unità abitative destinate a SAP oggetto di piani e programmi già formalizzati di ristrutturazione, recupero, riqualificazione, che prevedibilmente saranno assegnabili ${inYear(anno)}`,
  d: (anno: number | null) =>
    `d) Numero di unità abitative destinate a SAP oggetto di piani e programmi già formalizzati di nuova edificazione, che prevedibilmente saranno assegnabili ${ofYear(anno)}`,
  e: () => 'e) Numero unità abitative destinate a SAP libere e che si libereranno per effetto del normale avvicendamento',
  f: () => 'f) Unità abitative conferite da soggetti privati e destinate a SAP (art. 23 c. 2 L.R. 16/2016)',
  g: (anno: number | null) =>
    `g) Numero complessivo delle unità abitative destinate a SAP che prevedibilmente saranno assegnabili ${inYear(anno)} (somma del numero delle unità abitative indicate alle lettere da b ad f)`,
  h: () => "h) Comuni che hanno individuato una soglia percentuale eccedente il 20% per l'assegnazione ai nuclei familiari in condizione di indigenza",
  iA: () => 'i) A – Comuni che hanno individuato categorie aggiuntive di particolare rilevanza sociale (art. 23 c. 3 L.R. 16/2016)',
  iB: () =>
    'i) B – Comuni che hanno destinato una quota percentuale fino al 10% delle unità ai nuclei familiari appartenenti alle «Forze di Polizia e Corpo Nazionale dei Vigili del Fuoco» (art. 7 bis R.R. n. 4/2017)',
  j: () => 'j) Unità abitative da destinare ai servizi abitativi transitori (art. 23 c. 13 L.R. n. 16/2016)',
  k: () => "k) Numero delle unità abitative destinate a SAP assegnate nel corso dell'anno precedente",
  l: () => "l) Misure che si intendono promuovere per sostenere l'accesso e il mantenimento dell'abitazione principale (art. 45 c. 8 L.R. 16/2016)",
  m: () => 'm) Accesso ai fondi per la riqualificazione dei contesti abitativi di edilizia residenziale pubblica',
};

/** The kinds of unit lists (b, c, d, e in its three parts, f): what they are, in the seeds' words. */
export type UnitList = 'b' | 'c' | 'd' | 'e' | 'eLibere' | 'eTurnover' | 'eInsieme' | 'f';

const UNITS_WHAT: Record<UnitList, string> = {
  b: 'in carenza manutentiva assegnabili nello stato di fatto',
  c: 'oggetto di piani e programmi di ristrutturazione, recupero, riqualificazione',
  d: 'di nuova edificazione',
  e: 'libere o che si libereranno per effetto del normale avvicendamento',
  eLibere: 'libere alla data della rilevazione',
  eTurnover: "che si libereranno nel corso dell'anno per effetto del normale avvicendamento",
  eInsieme: 'libere o che si libereranno per effetto del normale avvicendamento, indicate in numero complessivo',
  f: 'conferite da soggetti privati e destinate ai SAP',
};

/** The parts of e (Titolo 3), as seed 001 splits it. */
export const E_PART: Record<'eLibere' | 'eTurnover' | 'eInsieme', string> = {
  eLibere: 'Già libere',
  eTurnover: "Che si libereranno nel corso dell'anno per effetto del normale avvicendamento",
  eInsieme: 'Libere e turnover in numero complessivo',
};

export const UNITS_CAPTION: Record<UnitList, string> = {
  b: 'Unità in carenza manutentiva assegnabili nello stato di fatto (b)',
  c: 'Unità in ristrutturazione, recupero, riqualificazione (c)',
  d: 'Unità di nuova edificazione (d)',
  e: 'Unità libere e che si libereranno per normale avvicendamento (e)',
  eLibere: 'Unità già libere (e)',
  eTurnover: 'Unità che si libereranno per normale avvicendamento (e)',
  eInsieme: 'Unità libere e turnover in numero complessivo (e)',
  f: 'Unità conferite da soggetti privati (f)',
};

/** "Nell'ambito sono state rilevate 19 unità abitative destinate a SAP …, come di seguito dettagliato:". */
export const unitsFound = (list: UnitList, n: number): string =>
  n === 1
    ? `Nell'ambito è stata rilevata 1 unità abitativa destinata a SAP ${UNITS_WHAT[list]}, come di seguito dettagliato:`
    : `Nell'ambito sono state rilevate ${num(n)} unità abitative destinate a SAP ${UNITS_WHAT[list]}, come di seguito dettagliato:`;

export const idsInWorkbook = (max: number): string =>
  `Le unità sono più di ${num(max)}: la tabella le conta per ente proprietario e comune; l'elenco con il Codice ID di ciascuna è nel foglio delle unità della cartella di lavoro.`;

/** An empty section: the seeds' sentence instead of an empty table. */
export const noUnits = (list: UnitList): string => `Nessun Ente Proprietario ha comunicato la disponibilità di unità abitative ${UNITS_WHAT[list]}.`;

export const COLUMN = {
  ente: 'Ragione Sociale Ente Proprietario',
  comune: 'Comune',
  codiceId: 'Codice ID unità immobiliare',
  unita: 'Numero unità immobiliari',
  totaleUnita: 'Totale unità immobiliari',
  sap: 'N. alloggi SAP',
  sas: 'N. alloggi SAS',
  altri: 'Altri usi',
  soglia: 'Soglia % eccedente il 20%',
  categoria: 'Categoria',
  motivazione: 'Motivazione',
  ffoo: 'Quota % Forze di Polizia e VVF',
  sat: 'Unità SAT',
  assegnate: (anno: number | null) => (anno === null ? "N. alloggi SAP assegnati nell'anno precedente" : `N. alloggi SAP assegnati nel ${anno - 1}`),
  deroga: 'di cui in deroga',
  mobilita: "di cui per mobilità d'ufficio",
  foglio: 'Foglio',
  celle: 'Cella',
  errore: 'Errore',
};

export const TOTAL = 'Totale';
/** Owner or comune not given: said as the sheets say it. */
export const NOT_GIVEN = '–';

export const CAPTION = {
  a: 'Consistenza del patrimonio abitativo pubblico e sociale per ente proprietario (a)',
  g: 'Unità abitative assegnabili nell\'anno per ente proprietario e comune (g = b + c + d + e + f)',
  h: 'Soglia percentuale eccedente il 20% per i nuclei in condizione di indigenza (h)',
  iA: 'Categorie aggiuntive di particolare rilevanza sociale (i A)',
  iB: 'Quota per le Forze di Polizia e il Corpo Nazionale dei Vigili del Fuoco (i B)',
  j: 'Unità da destinare ai servizi abitativi transitori (j)',
  k: "Unità assegnate nell'anno precedente (k)",
  errori: 'Errori ancora da correggere',
};

export const NO_STOCK = 'Nessun Ente Proprietario ha indicato la consistenza del proprio patrimonio abitativo.';
export const gIntro = (n: number): string =>
  `${
    n === 1
      ? "Nell'ambito risulta assegnabile nell'anno 1 unità abitativa destinata a SAP"
      : `Nell'ambito risultano assegnabili nell'anno ${num(n)} unità abitative destinate a SAP`
  }, per ente proprietario e comune come segue (le colonne riportano le unità delle lettere da b ad f e il loro totale g):`;
/** The g table's figure columns: the section letters, each explained by its own heading above. */
export const G_COLUMNS = ['b)', 'c)', 'd)', 'e)', 'f)', 'g) totale'];
export const NO_G = "Nessuna unità abitativa destinata a SAP risulta assegnabile nell'anno.";
export const noSoglia = (anno: number | null) =>
  `Nessun Comune ha individuato ${anno === null ? '' : `per l'anno ${anno} `}una soglia eccedente la percentuale prevista dalla norma regionale per l'assegnazione di alloggi SAP.`;
export const noCategoria = (anno: number | null) =>
  `Nessun Comune ha individuato ${anno === null ? '' : `per l'anno ${anno} `}categorie aggiuntive di particolare rilevanza sociale per l'assegnazione di alloggi SAP.`;
export const noFfoo = (anno: number | null) =>
  `Nessun Comune ha destinato ${anno === null ? '' : `per l'anno ${anno} `}una quota delle unità ai nuclei familiari appartenenti alle «Forze di Polizia e Corpo Nazionale dei Vigili del Fuoco».`;
export const satIntro = (n: number): string =>
  `${n === 1 ? "È prevista 1 unità abitativa" : `Sono previste ${num(n)} unità abitative`} da destinare ai servizi abitativi transitori, da individuarsi all'interno delle unità abitative assegnabili elencate alla lettera g:`;
export const NO_SAT = 'Nessun Ente Proprietario ha destinato unità abitative ai servizi abitativi transitori.';
export const noAssigned = (anno: number | null) =>
  `Nessuna unità abitativa destinata a SAP risulta assegnata ${anno === null ? "nel corso dell'anno precedente" : `nel corso dell'anno ${anno - 1}`}.`;
export const noDeroga = (anno: number | null) =>
  `Nessun alloggio è stato assegnato in deroga ${anno === null ? "nell'anno precedente" : `nell'anno ${anno - 1}`}.`;

/** "al 50%", "all'81,5%": the article elides before the numbers said with a vowel (uno, otto, undici, ottanta…). */
const toThe = (pct: number): string => {
  const n = Math.floor(pct);
  return `${n === 1 || n === 8 || n === 11 || (n >= 80 && n < 90) ? "all'" : 'al '}${percent(pct)}`;
};

/** The recognition that opens the data chapter (seeds 000 and 002), from the Comuni and Enti sheets. */
export const RECOGNITION = {
  asked: (ambito: string | null, comuni: number, others: string[]): string => {
    const where = ambito === null ? "nell'ambito" : /^[aeiouàèéìòù]/i.test(ambito) ? `nell'${ambito}` : `nell'ambito ${ambito}`;
    const owners =
      others.length === 0 ? [] : others.length === 1 ? [`${/^ALER\b/i.test(others[0]!) ? "l'" : "l'ente proprietario "}${others[0]}`] : [`gli enti proprietari ${joinNames(others)}`];
    const whom = [...(comuni ? [countOf(comuni, 'Comune', 'Comuni')] : []), ...owners];
    return `La ricognizione del patrimonio abitativo ${where} ha riguardato complessivamente ${whom.join(' e ')}.`;
  },
  allAnswered: "Tutti i Comuni dell'ambito hanno dato riscontro alla fase di ricognizione.",
  answered: (answered: number, comuni: number, unknown: number): string =>
    `Hanno dato riscontro alla fase di ricognizione ${num(answered)} Comuni su ${num(comuni)}${
      unknown ? `; per ${unknown === 1 ? '1 Comune' : `${num(unknown)} Comuni`} il riscontro non è indicato` : ''
    }.`,
  owners: (owners: number, comuni: number): string =>
    `Dalla ricognizione del patrimonio immobiliare destinato a servizi abitativi pubblici e sociali è emerso che dei ${countOf(comuni, 'Comune', 'Comuni')} dell'ambito, ${num(owners)} ${
      owners === 1 ? 'risulta titolare' : 'risultano titolari'
    } di patrimonio, pari ${toThe((owners / comuni) * 100)} del numero totale.`,
  /** Seed 002: «il Comune di Trescore Cremasco risulta inadempiente all'obbligo informativo». */
  defaulting: (names: string[]): string =>
    names.length === 1
      ? `Il Comune di ${names[0]} risulta inadempiente all'obbligo informativo, non avendo comunicato i propri dati ai fini della stesura del piano annuale.`
      : `I Comuni di ${joinNames(names)} risultano inadempienti all'obbligo informativo, non avendo comunicato i propri dati ai fini della stesura del piano annuale.`,
  notOwing: (names: string[]): string =>
    names.length === 1
      ? `Non ha inviato comunicazioni il Comune di ${names[0]}, che non possiede alloggi SAP.`
      : `Non hanno inviato comunicazioni i Comuni di ${joinNames(names)}, che non possiedono alloggi SAP.`,
  follows: 'I dati raccolti ai fini della redazione del Piano Annuale sono di seguito illustrati.',
};

export const errorsIntro = (n: number): string =>
  n === 1
    ? "Il controllo di Piano Offerta ha trovato 1 errore, da correggere nella cartella di lavoro prima di portare il piano all'Assemblea dei Sindaci:"
    : `Il controllo di Piano Offerta ha trovato ${num(n)} errori, da correggere nella cartella di lavoro prima di portare il piano all'Assemblea dei Sindaci:`;
/** Errors listed one by one in the document; beyond, a sentence says where the rest are. */
export const moreErrors = (n: number): string =>
  `${n === 1 ? "Un altro errore è elencato" : `Altri ${num(n)} errori sono elencati`} nel foglio «Anomalie» della copia annotata e nel riquadro di Piano Offerta.`;

/** "D31", "E35, E36, E37 e altre 297 celle". */
export const cellList = (cells: readonly string[], shown = 8): string => {
  if (cells.length === 0) return 'intero foglio';
  const more = cells.length - shown;
  return more > 0 ? `${cells.slice(0, shown).join(', ')} e ${more === 1 ? "un'altra cella" : `altre ${num(more)} celle`}` : joinNames(cells);
};

export const fileName = (ambito: string | null, anno: number | null): string =>
  `Piano annuale${anno === null ? '' : ` ${anno}`}${ambito === null ? '' : ` - ${ambito}`}.docx`.replace(/[\\/:*?"<>|]+/g, ' ');
