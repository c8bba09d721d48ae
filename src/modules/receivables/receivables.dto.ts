import { z } from 'zod';
import { INVOICE_STATUSES } from './receivables.schemas.ts';

const ZCustomerBrief = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const ZInvoiceLineDto = z.object({
  description: z.string(),
  quantity: z.string(),
  unit_price: z.string(),
  amount: z.string(),
  tax_rate: z.string(),
  tax: z.string(),
});

export const ZInvoiceDto = z.object({
  id: z.string(),
  number: z.string(),
  customer: ZCustomerBrief,
  issue_date: z.string(),
  due_date: z.string(),
  currency: z.string(),
  subtotal: z.string(),
  tax: z.string(),
  total: z.string(),
  applied: z.string(),
  written_off: z.string(),
  open_amount: z.string(),
  status: z.enum(INVOICE_STATUSES),
  days_overdue: z.number(),
  as_of: z.string(),
  fx_rate: z.string(),
  base_currency: z.string(),
  base_total: z.string(),
  po_number: z.string().nullable(),
  salesperson: z.string().nullable(),
  description: z.string().nullable(),
  is_disputed: z.boolean(),
  source: z.string(),
  created_at: z.string(),
});
export type TInvoiceDto = z.infer<typeof ZInvoiceDto>;

export const ZAllocationDto = z.object({
  id: z.string(),
  source_type: z.enum(['receipt', 'credit_note']),
  source_id: z.string(),
  source_number: z.string(),
  invoice_id: z.string(),
  invoice_number: z.string(),
  customer_id: z.string(),
  currency: z.string(),
  amount: z.string(),
  date: z.string(),
  reversed_on: z.string().nullable(),
  created_at: z.string(),
});
export type TAllocationDto = z.infer<typeof ZAllocationDto>;

export const ZJournalLineDto = z.object({
  entry_id: z.string(),
  date: z.string(),
  kind: z.string(),
  account: z.string(),
  side: z.enum(['debit', 'credit']),
  currency: z.string(),
  amount: z.string(),
  base_amount: z.string(),
  reverses_entry_id: z.string().nullable(),
});

export const ZWriteOffDto = z.object({
  id: z.string(),
  invoice_id: z.string(),
  currency: z.string(),
  amount: z.string(),
  date: z.string(),
  kind: z.string(),
  account: z.string(),
  reason: z.string().nullable(),
  reversed_on: z.string().nullable(),
});

export const ZInvoiceDetailDto = ZInvoiceDto.extend({
  lines: z.array(ZInvoiceLineDto),
  allocations: z.array(ZAllocationDto),
  write_offs: z.array(ZWriteOffDto),
  voided_on: z.string().nullable(),
  journal: z.array(ZJournalLineDto),
});
export type TInvoiceDetailDto = z.infer<typeof ZInvoiceDetailDto>;

export const ZCreditNoteDto = z.object({
  id: z.string(),
  number: z.string(),
  customer: ZCustomerBrief,
  date: z.string(),
  currency: z.string(),
  subtotal: z.string(),
  tax: z.string(),
  total: z.string(),
  applied: z.string(),
  unapplied: z.string(),
  invoice_id: z.string().nullable(),
  reason: z.string().nullable(),
  voided_on: z.string().nullable(),
  created_at: z.string(),
});
export type TCreditNoteDto = z.infer<typeof ZCreditNoteDto>;

export const ZReceiptDto = z.object({
  id: z.string(),
  number: z.string(),
  customer: ZCustomerBrief,
  date: z.string(),
  currency: z.string(),
  amount: z.string(),
  applied: z.string(),
  refunded: z.string(),
  unapplied: z.string(),
  fx_rate: z.string(),
  base_amount: z.string(),
  reference: z.string().nullable(),
  method: z.string(),
  memo: z.string().nullable(),
  reversed_on: z.string().nullable(),
  allocations: z.array(ZAllocationDto),
  created_at: z.string(),
});
export type TReceiptDto = z.infer<typeof ZReceiptDto>;

export const ZRefundDto = z.object({
  id: z.string(),
  receipt_id: z.string(),
  currency: z.string(),
  amount: z.string(),
  date: z.string(),
  reference: z.string().nullable(),
});

export const ZBalanceLineDto = z.object({
  customer: ZCustomerBrief,
  currency: z.string(),
  receivable: z.string(),
  unapplied: z.string(),
  balance: z.string(),
  base_receivable: z.string(),
  base_unapplied: z.string(),
  base_balance: z.string(),
});

export const ZBalanceDto = z.object({
  as_of: z.string(),
  base_currency: z.string(),
  customers: z.array(ZBalanceLineDto),
  totals: z.array(
    z.object({ currency: z.string(), receivable: z.string(), unapplied: z.string(), balance: z.string() }),
  ),
  base_totals: z.object({ receivable: z.string(), unapplied: z.string(), balance: z.string() }),
});
export type TBalanceDto = z.infer<typeof ZBalanceDto>;
