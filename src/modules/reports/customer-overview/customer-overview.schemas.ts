import { z } from 'zod';
import { RISK_GRADES } from './risk-grade.ts';

export const CUSTOMER_STATUSES = ['settled', 'current', 'overdue'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const OVERVIEW_SORT_KEYS = ['name', 'code', 'balance', 'overdue', 'oldest_overdue_days'] as const;
export type OverviewSortKey = (typeof OVERVIEW_SORT_KEYS)[number];
const SORTS = OVERVIEW_SORT_KEYS.flatMap((k) => [k, `-${k}`] as const) as [string, ...string[]];

export const ZCustomerOverviewQuery = z.object({
  q: z.string().trim().min(1).optional().describe('Part of the code or name'),
  customer: z.string().trim().min(1).optional().describe('Id or code: one customer only'),
  tag: z.string().trim().min(1).optional(),
  salesperson: z.string().trim().min(1).optional(),
  status: z.enum(CUSTOMER_STATUSES).optional(),
  risk: z.enum(RISK_GRADES).optional(),
  sort: z
    .enum(SORTS)
    .default('name')
    .describe('name, code, balance, overdue, oldest_overdue_days; a leading "-" sorts descending'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TCustomerOverviewQuery = z.infer<typeof ZCustomerOverviewQuery>;

const ZAmount = z.string().describe('Decimal in major units');

export const ZCustomerCurrencyBalanceDto = z.object({
  currency: z.string(),
  open: ZAmount.describe('Open invoices'),
  overdue: ZAmount,
  unapplied: ZAmount.describe('Cash and credit notes not yet applied'),
  open_invoices: z.number().int(),
});

export const ZCustomerOverviewDto = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  country: z.string().nullable(),
  currency: z.string().describe("The customer's default currency"),
  salesperson: z.string().nullable(),
  tags: z.array(z.string()),
  payment_terms_days: z.number().int(),
  credit_limit: ZAmount.nullable().describe("In the customer's currency"),
  base_currency: z.string(),
  open_balance: ZAmount.describe('Open invoices in base currency'),
  overdue_amount: ZAmount.describe('Overdue part of the open balance, in base currency'),
  unapplied_credit: ZAmount.describe('Unapplied cash and credit notes, in base currency'),
  balances: z.array(ZCustomerCurrencyBalanceDto).describe('Per document currency'),
  open_invoices: z.number().int(),
  oldest_overdue_days: z
    .number()
    .int()
    .nullable()
    .describe('Days past due of the oldest overdue open invoice'),
  last_payment_date: z.string().nullable(),
  status: z.enum(CUSTOMER_STATUSES),
  risk: z.enum(RISK_GRADES),
});
export type TCustomerOverviewDto = z.infer<typeof ZCustomerOverviewDto>;

export const ZCustomerOverviewPage = z.object({
  as_of: z.string(),
  total: z.number().int().describe('Rows matching the filters, over all pages'),
  items: z.array(ZCustomerOverviewDto),
  facets: z
    .object({ tags: z.array(z.string()), salespeople: z.array(z.string()) })
    .describe("Every tag and salesperson among the org's customers, for filter choices"),
});
export type TCustomerOverviewPage = z.infer<typeof ZCustomerOverviewPage>;

export const ACTIVITY_KINDS = [
  'invoice',
  'receipt',
  'credit_note',
  'allocation',
  'write_off',
  'refund',
  'void',
  'reversal',
  'dispute_opened',
  'dispute_resolved',
  'customer_created',
  'customer_updated',
  'contact_added',
  'contact_updated',
  'contact_removed',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ZCustomerActivityQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().optional().describe('`next_before` of the previous page'),
});
export type TCustomerActivityQuery = z.infer<typeof ZCustomerActivityQuery>;

export const ZCustomerActivityDto = z.object({
  id: z.string().describe('Stable key of the entry'),
  kind: z.enum(ACTIVITY_KINDS),
  date: z.string().describe('Business date (for record changes: the day in the org time zone)'),
  at: z.string().describe('When it was recorded'),
  document_type: z
    .enum(['invoice', 'receipt', 'credit_note', 'allocation', 'write_off', 'refund', 'customer', 'contact'])
    .nullable(),
  document_id: z.string().nullable(),
  number: z.string().nullable().describe('The document number'),
  reference: z.string().nullable().describe('The other document: the invoice applied to, the voided one'),
  reversed_type: z.string().nullable().describe('For a reversal: what kind of document it undoes'),
  amount: ZAmount.nullable(),
  currency: z.string().nullable(),
  actor: z.string().nullable(),
  note: z.string().nullable().describe('Reason, dispute text, or memo'),
  changed_fields: z.array(z.string()).describe('For record changes: the fields that changed'),
});
export type TCustomerActivityDto = z.infer<typeof ZCustomerActivityDto>;

export const ZCustomerActivityPage = z.object({
  items: z.array(ZCustomerActivityDto),
  next_before: z.string().nullable(),
});
export type TCustomerActivityPage = z.infer<typeof ZCustomerActivityPage>;
