import { z } from 'zod';
import { ZDate } from '../../receivables/index.ts';
import { describeKpi as d } from './kpi-definitions.ts';

export const MAX_TREND_MONTHS = 60;

export const ZKpisQuery = z.object({
  as_of: ZDate.optional(),
  months: z.coerce.number().int().min(1).max(MAX_TREND_MONTHS).default(12),
});
export type TKpisQuery = z.infer<typeof ZKpisQuery>;

const amount = (text: string) => z.string().describe(`decimal in the base currency: ${text}`);
const days = (text: string) => z.number().nullable().describe(`days, 1 decimal; null if undefined: ${text}`);
const pct = (text: string) =>
  z.number().nullable().describe(`percent, 1 decimal; null if undefined: ${text}`);

export const ZKpiTrendMonth = z.object({
  month: z.string().describe('YYYY-MM'),
  from: z.string(),
  to: z.string().describe("the month's last day, or as_of in as_of's own month"),
  days: z.number().int(),
  receivables: amount(d('receivables')),
  current: amount(d('current')),
  over_90: amount('AR more than 90 days past due'),
  credit_sales: amount(d('credit_sales')),
  dso_standard: days(d('dso_standard')),
  dso_countback: days(d('dso_countback')),
  cei_pct: pct(d('cei_pct')),
  current_pct: pct(d('current_pct')),
  at_risk_pct: pct(d('at_risk_pct')),
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
    receivables: amount(d('receivables')),
    current: amount(d('current')),
    past_due: amount('AR of invoices past their due date'),
    over_90: amount('AR more than 90 days past due'),
    unapplied_credit: amount('credit notes not yet applied (already deducted in the figures above)'),
    credit_sales: amount(d('credit_sales')),
  }),
  kpis: z.object({
    dso_standard: days(d('dso_standard')),
    dso_countback: days(d('dso_countback')),
    best_possible_dso: days(d('best_possible_dso')),
    cei_pct: pct(d('cei_pct')),
    ar_turnover: z
      .number()
      .nullable()
      .describe(`times in P, 2 decimals: ${d('ar_turnover')}`),
    ar_turnover_annualised: z
      .number()
      .nullable()
      .describe(`2 decimals: ${d('ar_turnover_annualised')}`),
    days_late: z.object({
      weighted: days(d('days_late_weighted')),
      simple: days(d('days_late_simple')),
      paid_late_pct: pct(d('paid_late_pct')),
      paid_late_amount_pct: pct('the same by base total'),
      invoices_paid: z.number().int(),
    }),
    current_pct: pct(d('current_pct')),
    at_risk_pct: pct(d('at_risk_pct')),
    dispute: z.object({
      by_count_pct: pct(d('dispute_pct')),
      by_amount_pct: pct('the same by base total'),
      disputed_invoices: z.number().int(),
      invoices_issued: z.number().int(),
    }),
    promise_kept: z.object({
      kept_pct: pct(d('promise_kept_pct')),
      promises_due: z.number().int(),
      promises_kept: z.number().int(),
      reason: z.string().nullable().describe('why kept_pct is null, e.g. "no promises recorded"'),
    }),
  }),
  trend: z.array(ZKpiTrendMonth).describe('one item per month, oldest first'),
});
export type TKpisDto = z.infer<typeof ZKpisDto>;
