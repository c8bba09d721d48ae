import { type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../../shared/context/index.ts';
import { occurredWithin } from './audit.repository.ts';
import type { TListAuditQuery } from './audit.schemas.ts';

/** The conditions of a listing or an export, always confined to the context's org. */
export function auditFilters(ctx: Ctx, query: Partial<TListAuditQuery>): RawBuilder<unknown> {
  const where: RawBuilder<unknown>[] = [
    sql`org_id = ${ctx.org.id}`,
    ...occurredWithin(ctx.org.timeZone, query.from, query.to),
  ];
  if (query.actor) where.push(sql`actor = ${query.actor}`);
  if (query.entity) where.push(sql`entity = ${query.entity}`);
  if (query.entity_id) where.push(sql`entity_id = ${query.entity_id}`);
  if (query.action) where.push(sql`action = ${query.action}`);
  return sql.join(where, sql` and `);
}
