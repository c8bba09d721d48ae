import { z } from 'zod';
import { ZDate } from '../../receivables/index.ts';
import { KPI_DEFINITIONS as D } from './kpi-definitions.ts';

export const MAX_TREND_MONTHS = 60;

export const ZKpisQuery = z.object({
  as_of: ZDate.optional(),
  months: z.coerce.number().int().min(1).max(MAX_TREND_MONTHS).default(12),
});
export type TKpisQuery = z.input<typeof ZKpisQuery>;

const amount = (text: string) => z.string().describe(`decimal in the base currency: ${text}`);
const days = (text: string) => z.number().nullable().describe(`days, 1 decimal; null without sales: ${text}`);
const pct = (text: string) =>
  z.number().nullable().describe(`percent, 1 decimal; null if undefined: ${text}`);

export const ZKpiTrendMonth = z.object({
  month: z.string().describe('YYYY-MM'),
  from: z.string(),
  to: z.string().describe("the month's last day, or as_of in as_of's own month"),
  days: z.number().int(),
  receivables: amount(D.receivables),
  current: amount(D.current),
  over_90: amount('AR more than 90 days past due'),
  credit_sales: amount(D.credit_sales),
  dso_standard: days(D.dso_standard),
  dso_countback: days(D.dso_countback),
  cei_pct: pct(D.cei_pct),
  current_pct: pct(D.current_pct),
  at_risk_pct: pct(D.at_risk_pct),
});
export type TKpiTrendMonth = z.infer<typeof ZKpiTrendMonth>;

export const ZKpisDto = z.object({
  as_of: z.string(),
  base_currency: z.string(),
  period: z
    .object({ from: z.string(), to: z.string(), days: z.number().int(), months: z.number().int() })
    .describe('P: the trend months taken together, from the first day of the first to as_of'),
  amounts: z.object({
    receivables_begin: amount('AR on the day before P'),
    receivables: amount(D.receivables),
    current: amount(D.current),
    past_due: amount('AR of invoices past their due date'),
    over_90: amount('AR more than 90 days past due'),
    unapplied_credit: amount('credit notes not yet applied (already deducted in the figures above)'),
    credit_sales: amount(D.credit_sales),
  }),
  kpis: z.object({
    dso_standard: days(D.dso_standard),
    dso_countback: days(D.dso_countback),
    best_possible_dso: days(D.best_possible_dso),
    cei_pct: pct(D.cei_pct),
    ar_turnover: z.number().nullable().describe(`times in P, 2 decimals: ${D.ar_turnover}`),
    ar_turnover_annualised: z.number().nullable().describe('times per 365 days, 2 decimals'),
    days_late: z.object({
      weighted: days(D.days_late),
      simple: days('unweighted mean of max(0, settled - due)'),
      paid_late_pct: pct('invoices paid after their due date / invoices paid'),
      paid_late_amount_pct: pct('the same by base total'),
      invoices_paid: z.number().int(),
    }),
    current_pct: pct(D.current_pct),
    at_risk_pct: pct(D.at_risk_pct),
    dispute: z.object({
      by_count_pct: pct(D.dispute_pct),
      by_amount_pct: pct('the same by base total'),
      disputed_invoices: z.number().int(),
      invoices_issued: z.number().int(),
    }),
    promise_kept: z.object({
      kept_pct: pct(D.promise_kept_pct),
      promises_due: z.number().int(),
      promises_kept: z.number().int(),
      reason: z.string().nullable().describe('why kept_pct is null, e.g. "no promises recorded"'),
    }),
  }),
  trend: z.array(ZKpiTrendMonth).describe('one item per month, oldest first'),
});
export type TKpisDto = z.infer<typeof ZKpisDto>;
