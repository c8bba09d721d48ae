import { type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../../../shared/context/index.ts';
import { decodeCursor, encodeCursor, type Page } from '../../../shared/pagination/index.ts';
import { getCustomerRef } from '../../customers/index.ts';
import type { TAllocationDto } from '../receivables.dto.ts';
import type { TListDocumentsQuery } from '../receivables.schemas.ts';
import { queryAllocations } from './allocation-query.ts';

export async function listAllocations(ctx: Ctx, query: TListDocumentsQuery): Promise<Page<TAllocationDto>> {
  const where: RawBuilder<unknown>[] = [sql`true`];
  if (query.customer)
    where.push(sql`a.customer_id = ${(await getCustomerRef(ctx.db, ctx.org.id, query.customer)).id}`);
  if (query.from) where.push(sql`a.allocation_date >= ${query.from}`);
  if (query.to) where.push(sql`a.allocation_date <= ${query.to}`);
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    where.push(sql`(a.allocation_date, a.id) > (${String(c.v)}, ${c.id})`);
  }
  const rows = await queryAllocations(ctx.db, ctx.org.id, sql.join(where, sql` and `), query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items,
    next_cursor: rows.length > query.limit && last ? encodeCursor({ v: last.date, id: last.id }) : null,
  };
}
