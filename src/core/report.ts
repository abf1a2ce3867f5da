/** The JSON report: the contract the command line writes and the tests read (spec, "The JSON report"). */
import { z } from 'zod';

export const severitySchema = z.enum(['error', 'warning', 'info']);

const figures = {
  b: z.number().int().nonnegative(),
  c: z.number().int().nonnegative(),
  d: z.number().int().nonnegative(),
  e: z.number().int().nonnegative(),
  f: z.number().int().nonnegative(),
  g: z.number().int().nonnegative(),
  sat: z.number().int().nonnegative(),
};

export const sectionGRowSchema = z.object({ ente: z.string(), comune: z.string().nullable(), ...figures });

export const anomalySchema = z.object({
  rule: z.string().regex(/^[A-Z_]+$/),
  severity: severitySchema,
  sheet: z.string(),
  cell: z.string().regex(/^[A-Z]+[0-9]+$/).optional(),
  /** Every cell the anomaly stands for, in sheet order, `cell` first. */
  cells: z.array(z.string().regex(/^[A-Z]+[0-9]+$/)).min(1).optional(),
  value: z.string(),
  message: z.string().min(1),
  suggestion: z.string().optional(),
  legalRef: z.string().optional(),
}).refine((a) => !a.cells || a.cells[0] === a.cell, { message: 'cells begins with cell' });

export const reportSchema = z.object({
  schemaVersion: z.literal(1),
  ambito: z.string().nullable(),
  anno: z.number().int().nullable(),
  sectionG: z.array(sectionGRowSchema),
  totals: z.object(figures),
  anomalies: z.array(anomalySchema),
  counts: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  /** "ambito": a plan; "ente": one owner's unit list on its own (never "pronto per l'Assemblea"). */
  scope: z.enum(['ambito', 'ente']),
  ready: z.boolean(),
  /**
   * Present when the plan was read from section tables pasted as they are printed (issue 14): the
   * sheets, the sections recognised (by their content: «b) carenza manutentiva»…) and the standard
   * sheets they stood for.
   */
  pasted: z
    .object({
      sheets: z.array(z.string()),
      sections: z.array(z.string()),
      standard: z.array(z.string()),
      /** Sheets of another year's tables (kept for reference), not read. */
      otherYear: z.array(z.object({ sheet: z.string(), years: z.array(z.number().int()) })).optional(),
    })
    .optional(),
});

export type Report = z.infer<typeof reportSchema>;
export type ReportAnomaly = z.infer<typeof anomalySchema>;
