import { z } from 'zod';
import { isBusinessDate } from '../../shared/time/index.ts';

const ZDate = z
  .string()
  .refine((s: string): boolean => isBusinessDate(s), { message: 'a date as YYYY-MM-DD' });

/** Something worth recording that is not a row change: a failed sign-in, a denial, an export. */
export type AuditEvent = {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Who and from where, when the connection's session does not say (sign-in runs as the system). */
  actor?: string | null;
  ip?: string | null;
};

export const ZAuditBreak = z.object({
  seq: z.number().describe('The lowest seq whose hash or link is wrong (or that is missing)'),
  reason: z.string(),
  entity: z.string().nullable(),
  entity_id: z.string().nullable(),
});
export type TAuditBreak = z.infer<typeof ZAuditBreak>;

export const ZAuditOrgVerification = z.object({
  org_id: z.string(),
  org_slug: z.string(),
  rows: z.number(),
  last_seq: z.number(),
  head_hash: z.string().describe('Hex sha256 at the end of the chain: note it down to anchor the trail'),
  broken: ZAuditBreak.nullable(),
});
export type TAuditOrgVerification = z.infer<typeof ZAuditOrgVerification>;

export const ZAuditVerification = z.object({ ok: z.boolean(), orgs: z.array(ZAuditOrgVerification) });
export type AuditVerification = z.infer<typeof ZAuditVerification>;

const isOrdered = (q: { from?: string | undefined; to?: string | undefined }) =>
  !q.from || !q.to || q.from <= q.to;
const ORDERED = { message: '`from` is after `to`', path: ['to'] };

const ZRange = {
  from: ZDate.optional().describe('From this date (org time zone), inclusive'),
  to: ZDate.optional().describe('Up to this date (org time zone), inclusive'),
};

export const ZListAuditQuery = z
  .object({
    ...ZRange,
    actor: z.string().trim().min(1).optional(),
    entity: z.string().trim().min(1).optional(),
    entity_id: z.string().trim().min(1).optional(),
    action: z.string().trim().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().optional(),
  })
  .refine(isOrdered, ORDERED);
export type TListAuditQuery = z.infer<typeof ZListAuditQuery>;

export const ZExportAuditQuery = z
  .object({
    from: ZDate.describe('From this date (org time zone), inclusive'),
    to: ZDate.describe('Up to this date (org time zone), inclusive'),
    format: z.enum(['csv', 'jsonl']).default('csv'),
  })
  .refine(isOrdered, ORDERED);
export type TExportAuditQuery = z.infer<typeof ZExportAuditQuery>;
export type AuditExportFormat = TExportAuditQuery['format'];

export const ZAuditEntryDto = z.object({
  seq: z.number(),
  occurred_at: z.string(),
  actor: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entity_id: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});
export type TAuditEntryDto = z.infer<typeof ZAuditEntryDto>;
