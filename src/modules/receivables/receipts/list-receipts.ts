import { type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../../../shared/context/index.ts';
import { decodeCursor, encodeCursor, type Page } from '../../../shared/pagination/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { getCustomerRef } from '../../customers/index.ts';
import { live } from '../open-items.sql.ts';
import type { TReceiptDto } from '../receivables.dto.ts';
import type { TListReceiptsQuery } from '../receivables.schemas.ts';
import { queryReceipts } from './receipt-query.ts';

export async function listReceipts(ctx: Ctx, query: TListReceiptsQuery): Promise<Page<TReceiptDto>> {
  const where: RawBuilder<unknown>[] = [];
  if (query.customer)
    where.push(sql`p.customer_id = ${(await getCustomerRef(ctx.db, ctx.org.id, query.customer)).id}`);
  if (query.from) where.push(sql`p.receipt_date >= ${query.from}`);
  if (query.to) where.push(sql`p.receipt_date <= ${query.to}`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(sql`(p.number ilike ${like} or p.reference ilike ${like})`);
  }
  if (query.unapplied !== undefined) where.push(hasUnapplied(query.unapplied));
  if (query.cursor) where.push(sql`p.id < ${decodeCursor(query.cursor).id}`);
  const rows = await queryReceipts(ctx.db, {
    orgId: ctx.org.id,
    baseCurrency: ctx.org.baseCurrency,
    asOf: '9999-12-31' as BusinessDate,
    ...(where.length ? { where: sql.join(where, sql` and `) } : {}),
    limit: query.limit + 1,
    withAllocations: true,
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items,
    next_cursor: rows.length > query.limit && last ? encodeCursor({ v: null, id: last.id }) : null,
  };
}

const NOW = '9999-12-31' as BusinessDate;

/** Cash still to apply (today's state): not reversed, and more received than applied and refunded. */
function hasUnapplied(wanted: boolean): RawBuilder<unknown> {
  const condition = sql`(not exists (select 1 from reversals r where r.org_id = p.org_id and r.target_type = 'receipt'
      and r.target_id = p.id)
    and p.amount_minor > (select coalesce(sum(a.amount_minor), 0) from allocations a where a.org_id = p.org_id
      and a.receipt_id = p.id and ${live('a', 'allocation', 'allocation_date', NOW)})
      + (select coalesce(sum(f.amount_minor), 0) from refunds f where f.org_id = p.org_id and f.receipt_id = p.id
      and ${live('f', 'refund', 'refund_date', NOW)}))`;
  return wanted ? condition : sql`not ${condition}`;
}
