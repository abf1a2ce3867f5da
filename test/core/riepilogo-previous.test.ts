/** Riepilogo's «Confronto con l'anno precedente»: only with a previous year, a row per owner. */
import { check } from '../../src/core/engine';
import { OutSheet } from '../../src/core/output/sheet-builder';
import { compare, cremona, cremona2022Edits, edited } from '../support/previous';

const riepilogo = (r: { writePlan: { sheets: OutSheet[] } }) => r.writePlan.sheets.find((s) => s.name === 'Riepilogo')!;
const texts = (s: OutSheet) => s.rows.map((row) => row.map((c) => c?.v ?? null));

describe("Riepilogo: Confronto con l'anno precedente", () => {
  test('absent without a previous year: the sheet is exactly as before', () => {
    const cur = cremona();
    const plain = riepilogo(check(cur));
    expect(texts(plain).some((r) => String(r[0]).startsWith('Confronto'))).toBe(false);
    expect(riepilogo(check(cur, { previous: [] }))).toEqual(plain);
  });

  test('Cremona 2023 against the derived 2022: g last year, k this year, still assignable, g this year per owner', () => {
    const cur = cremona();
    const rows = texts(riepilogo(compare(cur, edited(cur, cremona2022Edits(cur)))));
    const start = rows.findIndex((r) => r[0] === "Confronto con l'anno precedente (piano 2022)");
    expect(start).toBeGreaterThan(0);
    expect(rows[start + 1]!.slice(0, 5)).toEqual(['Ente proprietario', 'g nel piano 2022', 'assegnate (k) nel piano 2023', 'ancora assegnabili (stesso Codice ID)', 'g nel piano 2023']);
    expect(rows[start + 2]!.slice(0, 5)).toEqual(['ALER Brescia-Cremona-Mantova', 154, 61, 3, 154]);
    const annicco = rows.slice(start).find((r) => r[0] === 'Comune di Annicco')!;
    expect(annicco.slice(0, 5)).toEqual(['Comune di Annicco', 0, 0, 1, 1]);
    const bonemerse = rows.slice(start).find((r) => r[0] === 'Comune di Bonemerse')!;
    expect(bonemerse.slice(0, 5)).toEqual(['Comune di Bonemerse', 2, 0, 0, 1]);
    const total = rows.slice(start).find((r) => String(r[0]).startsWith('Totale ('))!;
    expect(total.slice(0, 5)).toEqual(['Totale (21 enti)', 262, 84, 4, 262]);
  });
});
