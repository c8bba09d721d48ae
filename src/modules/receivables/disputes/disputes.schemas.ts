import { z } from 'zod';
import { ZDate } from '../receivables.schemas.ts';

export const ZOpenDisputeRequest = z.object({
  invoice: z.string().trim().min(1),
  date: ZDate,
  reason: z.string().trim().min(1).max(1000),
});
export type TOpenDisputeRequest = z.infer<typeof ZOpenDisputeRequest>;

export const ZResolveDisputeRequest = z.object({
  dispute: z.uuid(),
  date: ZDate,
  resolution: z.string().trim().min(1).max(1000),
});
export type TResolveDisputeRequest = z.infer<typeof ZResolveDisputeRequest>;

export const DISPUTE_STATUSES = ['open', 'resolved'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const ZListDisputesQuery = z.object({
  customer: z.string().optional(),
  invoice: z.string().optional(),
  status: z.enum(DISPUTE_STATUSES).optional(),
  /** Status as of this date (today by default): a dispute resolved later is still open then. */
  as_of: ZDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().optional(),
});
export type TListDisputesQuery = z.infer<typeof ZListDisputesQuery>;

export const ZDisputeDto = z.object({
  id: z.string(),
  invoice: z.object({ id: z.string(), number: z.string() }),
  customer: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  opened_on: z.string(),
  reason: z.string(),
  resolved_on: z.string().nullable(),
  resolution: z.string().nullable(),
  status: z.enum(DISPUTE_STATUSES),
  created_at: z.string(),
});
export type TDisputeDto = z.infer<typeof ZDisputeDto>;
