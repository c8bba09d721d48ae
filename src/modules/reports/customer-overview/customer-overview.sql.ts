import { type RawBuilder, sql } from 'kysely';
import type { DbOrTx } from '../../../shared/db/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { ACCOUNTS } from '../../ledger/index.ts';
import { openInvoicesAsOf } from '../aging/aging.sql.ts';
import type { CustomerStatus, OverviewSortKey, TCustomerOverviewQuery } from './customer-overview.schemas.ts';
import { riskGradeSql } from './risk-grade.sql.ts';
import type { RiskGrade } from './risk-grade.ts';

export type OverviewRow = {
  id: string;
  code: string;
  name: string;
  country: string | null;
  currency: string;
  salesperson: string | null;
  tags: string[];
  payment_terms_days: number;
  credit_limit_minor: bigint | null;
  base_open: bigint;
  base_overdue: bigint;
  base_unapplied: bigint;
  open_count: number;
  oldest_days: number | null;
  last_payment: string | null;
  by_currency: { currency: string; open: string; overdue: string; unapplied: string; n: number }[] | null;
  status: CustomerStatus;
  risk: RiskGrade;
  total: number;
};

export type OverviewScope = { orgId: string; asOf: BusinessDate; customerId: string | null };

const SORT_COLUMNS: Record<OverviewSortKey, RawBuilder<unknown>> = {
  name: sql`x.name`,
  code: sql`x.code`,
  balance: sql`x.base_open`,
  overdue: sql`x.base_overdue`,
  oldest_overdue_days: sql`coalesce(x.oldest_days, -1)`,
};

const notReversed = (alias: string, type: string, asOf: BusinessDate) => sql`not exists (
  select 1 from reversals r where r.org_id = ${sql.ref(`${alias}.org_id`)} and r.target_type = ${type}
    and r.target_id = ${sql.ref(`${alias}.id`)} and r.reversal_date <= ${asOf})`;

/**
 * One set-based query: open invoices as of the date (the aging engine's open items), unapplied cash
 * (its ledger account) and unapplied credit notes, aggregated per customer and currency, then per
 * customer in base currency; status and risk derived in SQL so they can be filtered and paged.
 */
export async function queryCustomerOverview(
  db: DbOrTx,
  s: OverviewScope,
  query: TCustomerOverviewQuery,
): Promise<OverviewRow[]> {
  const cash = ACCOUNTS.unappliedCash;
  const only = (alias: string) =>
    s.customerId ? sql`and ${sql.ref(`${alias}.customer_id`)} = ${s.customerId}` : sql``;
  const where: RawBuilder<unknown>[] = [sql`c.org_id = ${s.orgId}`];
  if (s.customerId) where.push(sql`c.id = ${s.customerId}`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(sql`(c.code ilike ${like} or c.name ilike ${like})`);
  }
  if (query.tag) where.push(sql`${query.tag} = any(c.tags)`);
  if (query.salesperson) where.push(sql`c.salesperson = ${query.salesperson}`);
  const outer: RawBuilder<unknown>[] = [sql`true`];
  if (query.status) outer.push(sql`x.status = ${query.status}`);
  if (query.risk) outer.push(sql`x.risk = ${query.risk}`);
  const desc = query.sort.startsWith('-');
  const key = query.sort.replace(/^-/, '') as OverviewSortKey;
  const direction = desc ? sql`desc` : sql`asc`;
  const oldestDays = sql`(${s.asOf}::date - a.oldest_due)`;
  const risk = riskGradeSql(oldestDays, sql`coalesce(a.base_overdue, 0)`, sql`coalesce(a.base_open, 0)`);
  const { rows } = await sql<OverviewRow>`
    with open_items as (
      select o.customer_id, o.currency, o.due_date, o.open_minor,
        round(o.open_minor::numeric * o.base_total_minor / o.total_minor) as base_open
      from ${openInvoicesAsOf({ orgId: s.orgId, asOf: s.asOf, customerId: s.customerId })} o
      where o.open_minor <> 0
    ), invoiced as (
      select customer_id, currency, sum(open_minor) as open,
        coalesce(sum(open_minor) filter (where due_date < ${s.asOf}), 0) as overdue,
        sum(base_open) as base_open, coalesce(sum(base_open) filter (where due_date < ${s.asOf}), 0) as base_overdue,
        count(*) as n, min(due_date) filter (where due_date < ${s.asOf}) as oldest_due
      from open_items group by customer_id, currency
    ), unapplied as (
      select u.customer_id, u.currency, sum(u.amount) as amount, sum(u.base) as base from (
        select p.customer_id, p.currency,
          sum(case when p.credit_account = ${cash} then p.amount_minor else -p.amount_minor end) as amount,
          sum(case when p.credit_account = ${cash} then p.base_amount_minor else -p.base_amount_minor end) as base
        from journal_postings p
        where p.org_id = ${s.orgId} and p.entry_date <= ${s.asOf} and ${cash} in (p.debit_account, p.credit_account)
          and p.customer_id is not null ${only('p')}
        group by p.customer_id, p.currency
        union all
        select n.customer_id, n.currency, n.left_minor, round(n.left_minor::numeric * n.base_total_minor / n.total_minor)
        from (
          select n.customer_id, n.currency, n.total_minor, n.base_total_minor,
            n.total_minor - coalesce((select sum(a.amount_minor) from allocations a
              where a.org_id = n.org_id and a.credit_note_id = n.id and a.allocation_date <= ${s.asOf}
                and ${notReversed('a', 'allocation', s.asOf)}), 0) as left_minor
          from credit_notes n
          where n.org_id = ${s.orgId} and n.note_date <= ${s.asOf} ${only('n')}
            and ${notReversed('n', 'credit_note', s.asOf)}
        ) n
      ) u
      group by u.customer_id, u.currency
    ), per_currency as (
      select coalesce(i.customer_id, u.customer_id) as customer_id, coalesce(i.currency, u.currency) as currency,
        coalesce(i.open, 0) as open, coalesce(i.overdue, 0) as overdue, coalesce(u.amount, 0) as unapplied,
        coalesce(i.base_open, 0) as base_open, coalesce(i.base_overdue, 0) as base_overdue,
        coalesce(u.base, 0) as base_unapplied, coalesce(i.n, 0) as n, i.oldest_due
      from invoiced i full join unapplied u on u.customer_id = i.customer_id and u.currency = i.currency
      where coalesce(i.open, 0) <> 0 or coalesce(u.amount, 0) <> 0
    ), per_customer as (
      select customer_id,
        jsonb_agg(jsonb_build_object('currency', currency, 'open', open::text, 'overdue', overdue::text,
          'unapplied', unapplied::text, 'n', n) order by currency) as by_currency,
        sum(base_open) as base_open, sum(base_overdue) as base_overdue, sum(base_unapplied) as base_unapplied,
        sum(n) as n, min(oldest_due) as oldest_due
      from per_currency group by customer_id
    ), paid as (
      select rc.customer_id, max(rc.receipt_date) as last_payment from receipts rc
      where rc.org_id = ${s.orgId} and rc.receipt_date <= ${s.asOf} ${only('rc')}
        and ${notReversed('rc', 'receipt', s.asOf)}
      group by rc.customer_id
    ), x as (
      select c.id, c.code, c.name, c.country, c.currency, c.salesperson, c.tags, c.payment_terms_days,
        c.credit_limit_minor, coalesce(a.base_open, 0)::int8 as base_open,
        coalesce(a.base_overdue, 0)::int8 as base_overdue, coalesce(a.base_unapplied, 0)::int8 as base_unapplied,
        coalesce(a.n, 0)::int4 as open_count, ${oldestDays}::int4 as oldest_days,
        p.last_payment::text as last_payment, a.by_currency,
        case when coalesce(a.n, 0) = 0 then 'settled' when a.oldest_due is not null then 'overdue'
          else 'current' end as status,
        ${risk} as risk
      from customers c
      left join per_customer a on a.customer_id = c.id
      left join paid p on p.customer_id = c.id
      where ${sql.join(where, sql` and `)}
    )
    select x.*, (count(*) over ())::int4 as total from x
    where ${sql.join(outer, sql` and `)}
    order by ${SORT_COLUMNS[key]} ${direction}, x.code ${direction}, x.id
    limit ${query.limit} offset ${query.offset}`.execute(db);
  return rows;
}

/** The tags and salespeople in use, sorted: the choices of the list's filters. */
export async function queryCustomerFacets(
  db: DbOrTx,
  orgId: string,
): Promise<{ tags: string[]; salespeople: string[] }> {
  const { rows } = await sql<{ kind: 'tag' | 'salesperson'; value: string }>`
    select distinct 'tag' as kind, t.tag as value from customers c cross join lateral unnest(c.tags) as t(tag)
    where c.org_id = ${orgId}
    union
    select distinct 'salesperson', c.salesperson from customers c
    where c.org_id = ${orgId} and c.salesperson is not null and c.salesperson <> ''
    order by 1, 2`.execute(db);
  return {
    tags: rows.filter((r) => r.kind === 'tag').map((r) => r.value),
    salespeople: rows.filter((r) => r.kind === 'salesperson').map((r) => r.value),
  };
}
