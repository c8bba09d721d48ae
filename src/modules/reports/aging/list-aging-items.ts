import { sql } from 'kysely';
import { z } from 'zod';
import type { Ctx } from '../../../shared/context/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { minorToDecimal } from '../../../shared/money/index.ts';
import { type BusinessDate, daysBetween } from '../../../shared/time/index.ts';
import { getCustomerRef } from '../../customers/index.ts';
import { ZAgingQuery } from './aging.schemas.ts';
import { bucketIndex, openInvoicesAsOf } from './aging.sql.ts';
import { agingBuckets, parseBounds } from './aging-buckets.ts';

export const ZAgingItemsQuery = ZAgingQuery.omit({ by: true, colors: true }).extend({
  bucket: z
    .string()
    .trim()
    .optional()
    .describe('A bucket key from the aging report (e.g. le_30d); all when absent'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type TAgingItemsQuery = z.infer<typeof ZAgingItemsQuery>;

export type TAgingItemDto = {
  invoice_id: string;
  number: string;
  customer: { id: string; code: string; name: string };
  currency: string;
  issue_date: string;
  due_date: string;
  days_overdue: number;
  bucket: string;
  total: string;
  open_amount: string;
};

/** The invoices behind an aging cell: drill-down from a bucket (and customer), oldest first. */
export async function listAgingItems(ctx: Ctx, query: TAgingItemsQuery): Promise<{ items: TAgingItemDto[] }> {
  const asOf = (query.as_of as BusinessDate | undefined) ?? ctx.clock.today();
  let buckets: ReturnType<typeof agingBuckets>;
  try {
    buckets = agingBuckets(asOf, query.basis, parseBounds(query.buckets));
  } catch (e) {
    throw new AppError('VALIDATION_FAILED', { message: (e as Error).message, details: { field: 'buckets' } });
  }
  const wanted = query.bucket === undefined ? null : buckets.findIndex((b) => b.key === query.bucket);
  if (wanted === -1) {
    throw new AppError('VALIDATION_FAILED', {
      message: `no bucket "${query.bucket}": one of ${buckets.map((b) => b.key).join(', ')}`,
      details: { field: 'bucket' },
    });
  }
  const customer = query.customer ? await getCustomerRef(ctx.db, ctx.org.id, query.customer) : null;
  const scope = {
    orgId: ctx.org.id,
    asOf,
    customerId: customer?.id ?? null,
    currency: query.currency ?? null,
  };
  const dateColumn = query.basis === 'due' ? sql`o.due_date` : sql`o.issue_date`;
  const index = bucketIndex(dateColumn, buckets);
  const { rows } = await sql<{
    id: string;
    number: string;
    customer_id: string;
    code: string;
    name: string;
    currency: string;
    issue_date: BusinessDate;
    due_date: BusinessDate;
    total_minor: bigint;
    open_minor: bigint;
    bucket: number;
  }>`
    select o.id, o.number, o.customer_id, c.code, c.name, o.currency, o.issue_date, o.due_date, o.total_minor,
      o.open_minor, ${index} as bucket
    from ${openInvoicesAsOf(scope)} o join customers c on c.org_id = ${ctx.org.id} and c.id = o.customer_id
    where o.open_minor <> 0 ${wanted === null ? sql`` : sql`and ${index} = ${wanted}`}
    order by ${dateColumn}, o.id limit ${query.limit}`.execute(ctx.db);
  return {
    items: rows.map((r) => ({
      invoice_id: r.id,
      number: r.number,
      customer: { id: r.customer_id, code: r.code, name: r.name },
      currency: r.currency,
      issue_date: r.issue_date,
      due_date: r.due_date,
      days_overdue: Math.max(0, daysBetween(r.due_date, asOf)),
      bucket: buckets[r.bucket]?.key ?? '',
      total: minorToDecimal(r.total_minor, r.currency),
      open_amount: minorToDecimal(r.open_minor, r.currency),
    })),
  };
}
