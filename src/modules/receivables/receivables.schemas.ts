import { z } from 'zod';
import { isBusinessDate } from '../../shared/time/index.ts';
import { ZCurrency } from '../customers/index.ts';

export const ZDate = z
  .string()
  .refine((s: string): boolean => isBusinessDate(s), { message: 'a date as YYYY-MM-DD' });
export const ZAmount = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/, 'a positive decimal amount in major units, e.g. "1234.56"');
export const ZRateText = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/, 'a positive decimal rate, e.g. "7.1234"');

export const ZInvoiceLineInput = z.object({
  description: z.string().trim().min(1).max(500),
  quantity: z
    .string()
    .trim()
    .regex(/^\d+(\.\d{1,6})?$/)
    .default('1'),
  unit_price: ZAmount,
  tax_rate: z
    .string()
    .trim()
    .regex(/^0(\.\d{1,6})?$|^1(\.0+)?$/, 'a rate between 0 and 1, e.g. "0.13"')
    .default('0'),
});

export const ZIssueInvoiceRequest = z
  .object({
    number: z.string().trim().min(1).max(64).optional(),
    customer: z.string().trim().min(1),
    issue_date: ZDate,
    due_date: ZDate.optional(),
    currency: ZCurrency.optional(),
    fx_rate: ZRateText.optional(),
    lines: z.array(ZInvoiceLineInput).min(1).max(1000).optional(),
    amount: ZAmount.optional(),
    tax_amount: ZAmount.optional(),
    po_number: z.string().trim().max(100).optional(),
    salesperson: z.string().trim().max(200).optional(),
    description: z.string().trim().max(1000).optional(),
  })
  .refine((v) => (v.lines === undefined) !== (v.amount === undefined), {
    message: 'give either lines or amount (with optional tax_amount), not both',
    path: ['lines'],
  });
export type TIssueInvoiceRequest = z.infer<typeof ZIssueInvoiceRequest>;

export const ZIssueCreditNoteRequest = z.object({
  number: z.string().trim().min(1).max(64).optional(),
  customer: z.string().trim().min(1),
  date: ZDate,
  currency: ZCurrency.optional(),
  fx_rate: ZRateText.optional(),
  amount: ZAmount,
  tax_amount: ZAmount.optional(),
  invoice: z.string().trim().optional(),
  reason: z.string().trim().max(1000).optional(),
  /** Apply the credit to the invoice named above right away. */
  apply: z.boolean().optional(),
});
export type TIssueCreditNoteRequest = z.infer<typeof ZIssueCreditNoteRequest>;

export const ZApplicationInput = z.object({ invoice: z.string().trim().min(1), amount: ZAmount.optional() });

export const ZRecordReceiptRequest = z.object({
  customer: z.string().trim().min(1),
  date: ZDate,
  amount: ZAmount,
  currency: ZCurrency.optional(),
  fx_rate: ZRateText.optional(),
  reference: z.string().trim().max(500).optional(),
  method: z.enum(['bank_transfer', 'cash', 'cheque', 'card', 'draft', 'other']).optional(),
  memo: z.string().trim().max(1000).optional(),
  applications: z.array(ZApplicationInput).max(500).optional(),
});
export type TRecordReceiptRequest = z.infer<typeof ZRecordReceiptRequest>;

export const ZAllocateRequest = z
  .object({
    receipt: z.string().trim().optional(),
    credit_note: z.string().trim().optional(),
    invoice: z.string().trim().min(1),
    amount: ZAmount.optional(),
    date: ZDate.optional(),
  })
  .refine((v) => (v.receipt === undefined) !== (v.credit_note === undefined), {
    message: 'give either receipt or credit_note',
    path: ['receipt'],
  });
export type TAllocateRequest = z.infer<typeof ZAllocateRequest>;

export const ZWriteOffRequest = z.object({
  invoice: z.string().trim().min(1),
  amount: ZAmount.optional(),
  date: ZDate,
  kind: z.enum(['bad_debt', 'small_difference']).default('bad_debt'),
  reason: z.string().trim().max(1000).optional(),
});
export type TWriteOffRequest = z.infer<typeof ZWriteOffRequest>;

export const ZRefundRequest = z.object({
  receipt: z.string().trim().min(1),
  amount: ZAmount,
  date: ZDate,
  reference: z.string().trim().max(500).optional(),
});
export type TRefundRequest = z.infer<typeof ZRefundRequest>;

export const ZReverseRequest = z.object({
  date: ZDate.optional(),
  reason: z.string().trim().max(1000).optional(),
});
export type TReverseRequest = z.infer<typeof ZReverseRequest>;

export const INVOICE_STATUSES = ['open', 'partially_paid', 'paid', 'overdue', 'written_off', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const ZListInvoicesQuery = z.object({
  customer: z.string().optional(),
  status: z.enum(INVOICE_STATUSES).optional(),
  currency: z.string().optional(),
  q: z.string().trim().min(1).optional(),
  issued_from: ZDate.optional(),
  issued_to: ZDate.optional(),
  due_from: ZDate.optional(),
  due_to: ZDate.optional(),
  /** Open invoices whose days overdue (as of `as_of`) fall in this aging bucket. */
  aging: z.enum(['current', '1-30', '31-60', '61-90', '90+']).optional(),
  as_of: ZDate.optional(),
  sort: z.enum(['created', '-created', 'number', '-number', 'due_date', '-due_date']).default('-created'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().optional(),
});
export type TListInvoicesQuery = z.infer<typeof ZListInvoicesQuery>;

export const ZListDocumentsQuery = z.object({
  customer: z.string().optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().optional(),
});
export type TListDocumentsQuery = z.infer<typeof ZListDocumentsQuery>;

/** Receipts also search by number or reference and can keep only those with cash left to apply. */
export const ZListReceiptsQuery = ZListDocumentsQuery.extend({
  q: z.string().trim().min(1).max(100).optional(),
  unapplied: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type TListReceiptsQuery = z.infer<typeof ZListReceiptsQuery>;

export const ZBalanceQuery = z.object({ customer: z.string().optional(), as_of: ZDate.optional() });
export type TBalanceQuery = z.infer<typeof ZBalanceQuery>;
