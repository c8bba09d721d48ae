import { type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../../../shared/context/index.ts';
import { decodeCursor, encodeCursor, type Page } from '../../../shared/pagination/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { getCustomerRef } from '../../customers/index.ts';
import type { TReceiptDto } from '../receivables.dto.ts';
import type { TListDocumentsQuery } from '../receivables.schemas.ts';
import { queryReceipts } from './receipt-query.ts';

export async function listReceipts(ctx: Ctx, query: TListDocumentsQuery): Promise<Page<TReceiptDto>> {
  const where: RawBuilder<unknown>[] = [];
  if (query.customer)
    where.push(sql`p.customer_id = ${(await getCustomerRef(ctx.db, ctx.org.id, query.customer)).id}`);
  if (query.from) where.push(sql`p.receipt_date >= ${query.from}`);
  if (query.to) where.push(sql`p.receipt_date <= ${query.to}`);
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
