import { type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../../../shared/context/index.ts';
import { decodeCursor, type Page, toPage } from '../../../shared/pagination/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { getCustomerRef } from '../../customers/index.ts';
import type { TInvoiceDto } from '../receivables.dto.ts';
import type { TListInvoicesQuery } from '../receivables.schemas.ts';
import { queryInvoiceStates, toInvoiceDto } from './invoice-query.ts';

/** Invoices as of a date (today by default), filtered, sorted and paged by keyset cursor. */
export async function listInvoices(ctx: Ctx, query: TListInvoicesQuery): Promise<Page<TInvoiceDto>> {
  const asOf = (query.as_of as BusinessDate | undefined) ?? ctx.clock.today();
  const inner: RawBuilder<unknown>[] = [];
  if (query.customer) {
    const c = await getCustomerRef(ctx.db, ctx.org.id, query.customer);
    inner.push(sql`i.customer_id = ${c.id}`);
  }
  if (query.currency) inner.push(sql`i.currency = ${query.currency.toUpperCase()}`);
  if (query.q) inner.push(sql`i.number ilike ${`%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`);
  if (query.issued_from) inner.push(sql`i.issue_date >= ${query.issued_from}`);
  if (query.issued_to) inner.push(sql`i.issue_date <= ${query.issued_to}`);
  const desc = query.sort.startsWith('-');
  const byNumber = query.sort.endsWith('number');
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    const cmp = desc ? sql.raw('<') : sql.raw('>');
    inner.push(byNumber ? sql`(i.number, i.id) ${cmp} (${String(c.v)}, ${c.id})` : sql`i.id ${cmp} ${c.id}`);
  }
  const rows = await queryInvoiceStates(ctx.db, {
    orgId: ctx.org.id,
    asOf,
    innerWhere: inner.length > 0 ? sql.join(inner, sql` and `) : undefined,
    ...(query.status ? { status: query.status } : {}),
    order: `${byNumber ? 'number' : 'id'} ${desc ? 'desc' : 'asc'}`,
    limit: query.limit + 1,
  });
  return toPage(
    rows,
    query.limit,
    (r) => ({ v: byNumber ? r.number : null, id: r.id }),
    (r) => toInvoiceDto(r, asOf, ctx.org.baseCurrency),
  );
}
