import { type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../../../shared/context/index.ts';
import { decodeCursor, type Page, toPage } from '../../../shared/pagination/index.ts';
import { addDays, type BusinessDate } from '../../../shared/time/index.ts';
import { getCustomerRef } from '../../customers/index.ts';
import type { TInvoiceDto } from '../receivables.dto.ts';
import type { InvoiceStatus, TListInvoicesQuery } from '../receivables.schemas.ts';
import { queryInvoiceStates, toInvoiceDto } from './invoice-query.ts';

type Aging = NonNullable<TListInvoicesQuery['aging']>;

/** Days overdue of each aging bucket, inclusive (null: no upper bound). */
const OVERDUE_DAYS: Record<Exclude<Aging, 'current'>, [number, number | null]> = {
  '1-30': [1, 30],
  '31-60': [31, 60],
  '61-90': [61, 90],
  '90+': [91, null],
};

/** An aging bucket as a due-date range and the statuses an open invoice of that age can have. */
function agingFilter(
  aging: Aging,
  asOf: BusinessDate,
): { where: RawBuilder<unknown>; statuses: InvoiceStatus[] } {
  if (aging === 'current') return { where: sql`i.due_date >= ${asOf}`, statuses: ['open', 'partially_paid'] };
  const [min, max] = OVERDUE_DAYS[aging];
  const latestDue = addDays(asOf, -min);
  const where =
    max === null
      ? sql`i.due_date <= ${latestDue}`
      : sql`i.due_date between ${addDays(asOf, -max)} and ${latestDue}`;
  return { where, statuses: ['overdue'] };
}

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
  if (query.due_from) inner.push(sql`i.due_date >= ${query.due_from}`);
  if (query.due_to) inner.push(sql`i.due_date <= ${query.due_to}`);
  let status: InvoiceStatus | InvoiceStatus[] | undefined = query.status;
  if (query.aging) {
    const f = agingFilter(query.aging, asOf);
    inner.push(f.where);
    status = query.status ? f.statuses.filter((s) => s === query.status) : f.statuses;
    if (status.length === 0) return { items: [], next_cursor: null };
  }
  const desc = query.sort.startsWith('-');
  const column = query.sort.endsWith('number')
    ? 'number'
    : query.sort.endsWith('due_date')
      ? 'due_date'
      : 'id';
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    const cmp = desc ? sql.raw('<') : sql.raw('>');
    inner.push(
      column === 'id'
        ? sql`i.id ${cmp} ${c.id}`
        : sql`(${sql.ref(`i.${column}`)}, i.id) ${cmp} (${String(c.v)}, ${c.id})`,
    );
  }
  const rows = await queryInvoiceStates(ctx.db, {
    orgId: ctx.org.id,
    asOf,
    innerWhere: inner.length > 0 ? sql.join(inner, sql` and `) : undefined,
    ...(status ? { status } : {}),
    order: `${column} ${desc ? 'desc' : 'asc'}`,
    limit: query.limit + 1,
  });
  return toPage(
    rows,
    query.limit,
    (r) => ({ v: column === 'id' ? null : r[column], id: r.id }),
    (r) => toInvoiceDto(r, asOf, ctx.org.baseCurrency),
  );
}
