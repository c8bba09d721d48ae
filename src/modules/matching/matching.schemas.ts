import { z } from 'zod';

const ZAmount = z.string().regex(/^\d+(\.\d+)?$/, 'a positive decimal amount');

export const ZReviewQueueQuery = z.object({
  status: z.enum(['suggested', 'unmatched', 'matched', 'ignored']).default('suggested'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
});
export type TReviewQueueQuery = z.infer<typeof ZReviewQueueQuery>;

const ZReason = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
const ZInvoiceBrief = z.object({
  id: z.string(),
  number: z.string(),
  issue_date: z.string(),
  due_date: z.string(),
  currency: z.string(),
  open_amount: z.string(),
});
const ZProposalDto = z.object({
  customer: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  confidence: z.number(),
  reasons: z.array(ZReason),
  allocations: z.array(
    z.object({ invoice: ZInvoiceBrief.nullable(), invoice_id: z.string(), amount: z.string() }),
  ),
  difference: z.string(),
  unapplied: z.string(),
});
export const ZReviewItemDto = z.object({
  id: z.string(),
  booking_date: z.string(),
  amount: z.string(),
  currency: z.string(),
  counterparty_name: z.string().nullable(),
  counterparty_account: z.string().nullable(),
  remittance: z.string().nullable(),
  bank_reference: z.string().nullable(),
  status: z.enum(['unmatched', 'suggested', 'matched', 'ignored']),
  suggestion: ZProposalDto.extend({ alternatives: z.array(ZProposalDto) }).nullable(),
  match: z
    .object({
      receipt_id: z.string(),
      receipt_number: z.string(),
      customer: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
      decided_by: z.string(),
      is_auto: z.boolean(),
      confidence: z.number(),
      reasons: z.array(ZReason),
      created_at: z.string(),
    })
    .nullable(),
});
export type TReviewItemDto = z.infer<typeof ZReviewItemDto>;

export const ZConfirmMatchRequest = z.object({
  /** Without allocations, the stored suggestion is accepted as it stands. */
  customer: z.string().trim().min(1).optional(),
  allocations: z
    .array(z.object({ invoice: z.string().trim().min(1), amount: ZAmount }))
    .max(200)
    .optional(),
  /** Teach the payer's account and name to the customer (default yes). */
  learn: z.boolean().default(true),
});
export type TConfirmMatchRequest = z.infer<typeof ZConfirmMatchRequest>;

export const ZUndoMatchRequest = z.object({ reason: z.string().trim().max(500).optional() });
export type TUndoMatchRequest = z.infer<typeof ZUndoMatchRequest>;

export const ZReconcileRequest = z.object({ auto: z.boolean().default(true) });
