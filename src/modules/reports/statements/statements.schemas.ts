import { z } from 'zod';
import { ZDate } from '../../receivables/index.ts';

export const STATEMENT_LOCALES = ['zh-CN', 'en'] as const;
export type StatementLocale = (typeof STATEMENT_LOCALES)[number];

/** What a statement line records; a reversal (a void, a reversed receipt...) has is_reversal set. */
export const STATEMENT_LINE_TYPES = [
  'invoice',
  'credit_note',
  'receipt',
  'refund',
  'write_off',
  'application',
] as const;
export type StatementLineType = (typeof STATEMENT_LINE_TYPES)[number];

export const ZStatementQuery = z.object({
  from: ZDate.optional().describe('First day of the period (default: first day of this month)'),
  to: ZDate.optional().describe('Last day of the period (default: today in the org time zone)'),
  locale: z.enum(STATEMENT_LOCALES).optional().describe("Labels' language (default: the org's)"),
});
export type TStatementQuery = z.infer<typeof ZStatementQuery>;

const ZAmountText = z.string().describe('decimal amount in major units of the section currency');

export const ZStatementLine = z.object({
  date: z.string(),
  type: z.enum(STATEMENT_LINE_TYPES),
  is_reversal: z.boolean(),
  number: z.string().describe('the document (for an application: the receipt or credit note)'),
  reference: z.string().nullable().describe('the other document: invoice applied to, receipt refunded'),
  description: z.string(),
  debit: ZAmountText.nullable().describe('raises what the customer owes'),
  credit: ZAmountText.nullable().describe('lowers what the customer owes'),
  balance: ZAmountText.describe('running balance after the line'),
});
export type TStatementLine = z.infer<typeof ZStatementLine>;

export const ZStatementAging = z.object({
  current: ZAmountText,
  days_1_30: ZAmountText,
  days_31_60: ZAmountText,
  days_61_90: ZAmountText,
  over_90: ZAmountText,
  open_invoices: ZAmountText.describe('sum of the buckets'),
  unapplied: ZAmountText.describe('receipts and credit notes not yet applied to an invoice'),
  balance: ZAmountText.describe('open invoices less unapplied: equals the closing balance'),
});
export type TStatementAging = z.infer<typeof ZStatementAging>;

export const ZStatementSection = z.object({
  currency: z.string(),
  opening_balance: ZAmountText,
  lines: z.array(ZStatementLine),
  total_debit: ZAmountText,
  total_credit: ZAmountText,
  closing_balance: ZAmountText,
  aging: ZStatementAging,
});
export type TStatementSection = z.infer<typeof ZStatementSection>;

export const ZStatementDto = z.object({
  locale: z.enum(STATEMENT_LOCALES),
  org: z.object({ name: z.string() }),
  customer: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    legal_name: z.string().nullable(),
    country: z.string().nullable(),
    currency: z.string(),
  }),
  period: z.object({ from: z.string(), to: z.string() }),
  generated_on: z.string(),
  sections: z.array(ZStatementSection).describe('one per currency the customer deals in'),
});
export type TStatementDto = z.infer<typeof ZStatementDto>;
