import { type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../../../shared/context/index.ts';
import { decodeCursor, encodeCursor, type Page } from '../../../shared/pagination/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { getCustomerRef } from '../../customers/index.ts';
import { invoiceKey } from '../invoices/get-invoice.ts';
import { queryDisputes } from './dispute-query.ts';
import type { TDisputeDto, TListDisputesQuery } from './disputes.schemas.ts';

/** Disputes as of a date (today by default), newest first, paged by keyset cursor. */
export async function listDisputes(ctx: Ctx, query: TListDisputesQuery): Promise<Page<TDisputeDto>> {
  const asOf = (query.as_of as BusinessDate | undefined) ?? ctx.clock.today();
  const where: RawBuilder<unknown>[] = [];
  if (query.customer)
    where.push(sql`d.customer_id = ${(await getCustomerRef(ctx.db, ctx.org.id, query.customer)).id}`);
  if (query.invoice) where.push(invoiceKey(query.invoice));
  if (query.status === 'open') where.push(sql`(d.resolved_on is null or d.resolved_on > ${asOf})`);
  if (query.status === 'resolved') where.push(sql`d.resolved_on <= ${asOf}`);
  if (query.cursor) where.push(sql`d.id < ${decodeCursor(query.cursor).id}`);
  const rows = await queryDisputes(ctx.db, {
    orgId: ctx.org.id,
    asOf,
    ...(where.length > 0 ? { where: sql.join(where, sql` and `) } : {}),
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items,
    next_cursor: rows.length > query.limit && last ? encodeCursor({ v: null, id: last.id }) : null,
  };
}
