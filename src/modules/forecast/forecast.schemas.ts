import { z } from 'zod';
import { ZDate } from '../receivables/index.ts';

export const ZPredictionsQuery = z.object({
  customer: z.string().optional().describe('Only this customer (code or id)'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  as_of: ZDate.optional().describe('Predict as of this date (default: today in the org time zone)'),
});
export type TPredictionsQuery = z.infer<typeof ZPredictionsQuery>;

const ZBasis = z
  .enum(['customer', 'segment', 'global'])
  .describe(
    "Whose payment habits set the level: the customer's own (3+ settled invoices), its country's, or everyone's",
  );

export const ZPredictionDto = z.object({
  invoice_id: z.string(),
  number: z.string(),
  customer: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  open_amount: z.string(),
  currency: z.string(),
  due_date: z.string(),
  expected_date: z.string().describe('P50: as likely before as after'),
  p10_date: z.string(),
  p90_date: z.string(),
  probability_late: z.number().describe('Probability of paying after the due date'),
  basis: ZBasis,
});
export type TPredictionDto = z.infer<typeof ZPredictionDto>;

export const ZPredictionsDto = z.object({
  as_of: z.string(),
  trained_on: z.number().int().describe('Settled invoices the model was fitted on'),
  open_invoices: z.number().int(),
  predictions: z.array(ZPredictionDto),
});
export type TPredictionsDto = z.infer<typeof ZPredictionsDto>;

export const ZForecastQuery = z.object({
  weeks: z.coerce.number().int().min(1).max(52).default(13),
  past_weeks: z.coerce.number().int().min(0).max(26).default(4),
  as_of: ZDate.optional().describe('Forecast as of this date (default: today in the org time zone)'),
});
export type TForecastQuery = z.infer<typeof ZForecastQuery>;

const ZBand = {
  expected: z.string().describe('Mean: each open amount times its probability of arriving in the period'),
  low: z.string().describe('P10 of the amount received in the period'),
  high: z.string().describe('P90 of the amount received in the period'),
};

export const ZForecastWeekDto = z.object({
  start: z.string(),
  end: z.string(),
  currency: z.string().describe('The base currency: the week over every currency'),
  ...ZBand,
  cumulative_expected: z.string().describe('Expected from as_of to the end of the week'),
  cumulative_low: z.string(),
  cumulative_high: z.string(),
  by_currency: z.array(z.object({ currency: z.string(), ...ZBand })),
});

export const ZPastWeekDto = z.object({
  start: z.string(),
  end: z.string(),
  currency: z.string(),
  forecast: z.string().describe('Expected in the week by the model fitted on what was known at its start'),
  low: z.string(),
  high: z.string(),
  actual: z.string().describe('Receipts dated in the week (not reversed)'),
  by_currency: z.array(z.object({ currency: z.string(), forecast: z.string(), actual: z.string() })),
});

export const ZForecastDto = z.object({
  as_of: z.string(),
  base_currency: z.string(),
  week_starts_on: z.literal('monday'),
  open_amount: z.string().describe('Everything open as of the date, in the base currency'),
  overdue_now: z.object({ invoices: z.number().int(), amount: z.string() }),
  weeks: z.array(ZForecastWeekDto),
  beyond: z.object({
    currency: z.string(),
    expected: z.string().describe('Expected after the last week'),
    by_currency: z.array(z.object({ currency: z.string(), expected: z.string() })),
  }),
  past: z.array(ZPastWeekDto),
  promises: z.number().int().describe('Promises to pay taken into account'),
  trained_on: z.number().int(),
  notes: z.array(z.string()),
});
export type TForecastDto = z.infer<typeof ZForecastDto>;
