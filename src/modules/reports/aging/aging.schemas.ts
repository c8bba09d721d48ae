import { z } from 'zod';
import { isBusinessDate } from '../../../shared/time/index.ts';

const ZDate = z.string().refine((s) => isBusinessDate(s), { message: 'a date as YYYY-MM-DD' });

export const AGING_DIMENSIONS = ['customer', 'salesperson', 'country', 'currency', 'tag'] as const;
export type AgingDimension = (typeof AGING_DIMENSIONS)[number];

export const ZAgingQuery = z.object({
  as_of: ZDate.optional().describe('Default: today in the org time zone'),
  basis: z.enum(['due', 'invoice']).default('due'),
  buckets: z
    .string()
    .trim()
    .default('30,60,90')
    .describe('Bounds: days (30,60,90), weeks (1w,2w), months (1m,3m), quarters (1q)'),
  by: z.enum(AGING_DIMENSIONS).optional().describe('Group rows; without it one row per currency'),
  customer: z.string().trim().min(1).optional().describe('Code or id: one customer only'),
  currency: z.string().trim().length(3).optional(),
  colors: z.string().trim().optional().describe('Comma-separated colours, one per bucket (#rrggbb)'),
});
export type TAgingQuery = z.infer<typeof ZAgingQuery>;

const ZAmount = z.string().describe('Decimal in major units');

export const ZAgingBucketDto = z.object({
  key: z.string(),
  label: z.string(),
  label_zh: z.string(),
  from_date: z.string().nullable().describe('Items dated (due or issue) from this day…'),
  to_date: z.string().nullable().describe('…to this day, inclusive; null = open-ended'),
  color: z.string(),
});

export const ZAgingRowDto = z.object({
  group: z.object({ key: z.string(), label: z.string() }).nullable(),
  currency: z.string(),
  buckets: z.array(ZAmount),
  total: ZAmount,
  invoices: z.number().int(),
  base_buckets: z.array(ZAmount),
  base_total: ZAmount,
});

export const ZAgingReportDto = z.object({
  as_of: z.string(),
  basis: z.enum(['due', 'invoice']),
  by: z.enum(AGING_DIMENSIONS).nullable(),
  base_currency: z.string(),
  buckets: z.array(ZAgingBucketDto),
  rows: z.array(ZAgingRowDto),
  totals: z.array(ZAgingRowDto).describe('One per currency'),
  base_totals: z.object({ buckets: z.array(ZAmount), total: ZAmount }),
  unapplied: z
    .array(
      z.object({
        group: z.object({ key: z.string(), label: z.string() }).nullable(),
        currency: z.string(),
        receipts: ZAmount,
        credit_notes: ZAmount,
      }),
    )
    .describe('Cash and credits not yet applied to invoices, shown apart from the buckets'),
  reconciliation: z.object({
    lines: z.array(
      z.object({
        currency: z.string(),
        open_invoices: ZAmount,
        unapplied_credit_notes: ZAmount,
        aging_net: ZAmount.describe('open invoices less unapplied credit notes'),
        ledger_receivable: ZAmount.describe('balance of the AR control account (1122) on the same date'),
        difference: ZAmount,
      }),
    ),
    is_balanced: z.boolean(),
  }),
});
export type TAgingReportDto = z.infer<typeof ZAgingReportDto>;
export type TAgingRowDto = z.infer<typeof ZAgingRowDto>;
