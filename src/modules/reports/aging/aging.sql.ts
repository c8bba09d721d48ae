import { type RawBuilder, sql } from 'kysely';
import type { DbOrTx } from '../../../shared/db/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import type { AgingDimension } from './aging.schemas.ts';
import type { AgingBasis, AgingBucket } from './aging-buckets.ts';

export type AgingScope = {
  orgId: string;
  asOf: BusinessDate;
  customerId?: string | null;
  currency?: string | null;
};

/** Nothing dated after as-of exists; a reversal dated on or before it cancels its target. */
const notReversed = (alias: string, type: string, asOf: BusinessDate) => sql`not exists (
  select 1 from reversals r where r.org_id = ${sql.ref(`${alias}.org_id`)} and r.target_type = ${type}
    and r.target_id = ${sql.ref(`${alias}.id`)} and r.reversal_date <= ${asOf})`;

const onlyCustomer = (alias: string, s: AgingScope) =>
  s.customerId ? sql`and ${sql.ref(`${alias}.customer_id`)} = ${s.customerId}` : sql``;
const onlyCurrency = (alias: string, s: AgingScope) =>
  s.currency ? sql`and ${sql.ref(`${alias}.currency`)} = ${s.currency}` : sql``;

/**
 * Every invoice open as of the date with its open amount: total less the allocations and write-offs
 * live on that date. Applications are summed once per invoice (a hash aggregate), not per row.
 */
export function openInvoicesAsOf(s: AgingScope): RawBuilder<unknown> {
  return sql`(
    with applied as (
      select a.invoice_id, sum(a.amount_minor) as amount from allocations a
      where a.org_id = ${s.orgId} and a.allocation_date <= ${s.asOf} ${onlyCustomer('a', s)} ${onlyCurrency('a', s)}
        and ${notReversed('a', 'allocation', s.asOf)}
      group by a.invoice_id
    ), written as (
      select w.invoice_id, sum(w.amount_minor) as amount from write_offs w
      where w.org_id = ${s.orgId} and w.write_off_date <= ${s.asOf} ${onlyCustomer('w', s)} ${onlyCurrency('w', s)}
        and ${notReversed('w', 'write_off', s.asOf)}
      group by w.invoice_id
    )
    select i.id, i.number, i.customer_id, i.currency, i.issue_date, i.due_date, i.salesperson, i.total_minor,
      i.base_total_minor, i.total_minor - coalesce(ap.amount, 0) - coalesce(wo.amount, 0) as open_minor
    from invoices i
    left join applied ap on ap.invoice_id = i.id
    left join written wo on wo.invoice_id = i.id
    where i.org_id = ${s.orgId} and i.issue_date <= ${s.asOf} ${onlyCustomer('i', s)} ${onlyCurrency('i', s)}
      and ${notReversed('i', 'invoice', s.asOf)}
  )`;
}

/** The bucket index of an item dated `column`: buckets run from the latest dates to the earliest. */
export function bucketIndex(
  column: RawBuilder<unknown>,
  buckets: readonly AgingBucket[],
): RawBuilder<number> {
  const whens = buckets.flatMap((b, i) =>
    b.fromDate === null ? [] : [sql`when ${column} >= ${b.fromDate} then ${i}`],
  );
  return sql<number>`case ${sql.join(whens, sql` `)} else ${buckets.length - 1} end`;
}

/** The group key and label of a dimension, over invoice `o` and customer `c`. */
export function dimensionColumns(by: AgingDimension | null): {
  key: RawBuilder<string>;
  label: RawBuilder<string>;
} {
  switch (by) {
    case 'customer':
      return { key: sql`c.id::text`, label: sql`c.code || ' ' || c.name` };
    case 'salesperson':
      return {
        key: sql`coalesce(o.salesperson, c.salesperson, '')`,
        label: sql`coalesce(o.salesperson, c.salesperson, '—')`,
      };
    case 'country':
      return { key: sql`coalesce(c.country, '')`, label: sql`coalesce(c.country, '—')` };
    case 'currency':
      return { key: sql`o.currency`, label: sql`o.currency` };
    case 'tag':
      return { key: sql`coalesce(t.tag, '')`, label: sql`coalesce(t.tag, '—')` };
    case null:
      return { key: sql`''`, label: sql`''` };
  }
}

export type AgingCell = {
  key: string;
  label: string;
  currency: string;
  bucket: number;
  invoices: number;
  open: bigint;
  base: bigint;
};

/** Open amounts per group, currency and bucket, in document and base currency. */
export async function queryAgingCells(
  db: DbOrTx,
  s: AgingScope,
  options: { basis: AgingBasis; buckets: readonly AgingBucket[]; by: AgingDimension | null },
): Promise<AgingCell[]> {
  const dim = dimensionColumns(options.by);
  const dateColumn = options.basis === 'due' ? sql`o.due_date` : sql`o.issue_date`;
  const tags = options.by === 'tag' ? sql`left join lateral unnest(c.tags) as t(tag) on true` : sql``;
  const { rows } = await sql<AgingCell>`
    select ${dim.key} as key, ${dim.label} as label, o.currency, ${bucketIndex(dateColumn, options.buckets)} as bucket,
      count(*)::int4 as invoices, sum(o.open_minor)::int8 as open,
      sum(round(o.open_minor::numeric * o.base_total_minor / o.total_minor))::int8 as base
    from ${openInvoicesAsOf(s)} o
    join customers c on c.org_id = ${s.orgId} and c.id = o.customer_id
    ${tags}
    where o.open_minor <> 0
    group by 1, 2, 3, 4`.execute(db);
  return rows;
}
