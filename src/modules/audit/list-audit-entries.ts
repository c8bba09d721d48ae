import { sql } from 'kysely';
import type { Ctx } from '../../shared/context/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import { decodeCursor, type Page, toPage } from '../../shared/pagination/index.ts';
import type { TAuditEntryDto, TListAuditQuery } from './audit.schemas.ts';
import { auditFilters } from './audit-filters.ts';

type Row = {
  seq: bigint;
  occurred_at: Date;
  actor: string | null;
  ip: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  hash: string;
};

function cursorSeq(cursor: string): number {
  const { id } = decodeCursor(cursor);
  if (!/^\d{1,15}$/.test(id)) {
    throw new AppError('VALIDATION_FAILED', { message: 'invalid cursor', details: { field: 'cursor' } });
  }
  return Number(id);
}

/** The org's audit trail, newest first, filtered and paged by keyset cursor on seq. */
export async function listAuditEntries(ctx: Ctx, query: TListAuditQuery): Promise<Page<TAuditEntryDto>> {
  const before = query.cursor ? sql`and seq < ${cursorSeq(query.cursor)}` : sql``;
  const { rows } = await sql<Row>`
    select seq, occurred_at, actor, ip, action, entity, entity_id, before, after, encode(hash, 'hex') as hash
    from audit_log where ${auditFilters(ctx, query)} ${before}
    order by seq desc limit ${query.limit + 1}`.execute(ctx.db);
  return toPage(
    rows,
    query.limit,
    (r) => ({ v: null, id: String(r.seq) }),
    (r) => ({
      seq: Number(r.seq),
      occurred_at: r.occurred_at.toISOString(),
      actor: r.actor,
      ip: r.ip,
      action: r.action,
      entity: r.entity,
      entity_id: r.entity_id,
      before: r.before,
      after: r.after,
      hash: r.hash,
    }),
  );
}
