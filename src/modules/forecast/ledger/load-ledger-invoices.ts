import { sql } from 'kysely';
import type { DbOrTx } from '../../../shared/db/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { dayNumber } from '../model/day-number.ts';
import type { LedgerInvoice } from './ledger-invoice.ts';

type Row = {
  id: string;
  number: string;
  customer_id: string;
  customer_code: string;
  customer_name: string;
  segment: string;
  currency: string;
  issue_date: string;
  due_date: string;
  total_minor: bigint;
  base_total_minor: bigint;
  payments: string | null;
  disputed_on: string | null;
};

/** A document counts as of `asOf` when dated by then and not reversed by then. */
const notReversed = (alias: string, type: string, asOf: BusinessDate) =>
  sql`not exists (select 1 from reversals r where r.org_id = ${sql.ref(`${alias}.org_id`)}
    and r.target_type = ${type} and r.target_id = ${sql.ref(`${alias}.id`)} and r.reversal_date <= ${asOf})`;

/**
 * The org's invoices as of `asOf` (read-only, from the receivables tables): those issued since
 * `since` and every one still open, with their applications and write-offs by day and the day a
 * dispute was first opened. Voided invoices are left out.
 */
export async function loadLedgerInvoices(
  db: DbOrTx,
  options: { orgId: string; asOf: BusinessDate; since: BusinessDate },
): Promise<LedgerInvoice[]> {
  const { orgId, asOf, since } = options;
  const r = await sql<Row>`
    with events as (
      select a.invoice_id, a.allocation_date as d, a.amount_minor as amount from allocations a
      where a.org_id = ${orgId} and a.allocation_date <= ${asOf} and ${notReversed('a', 'allocation', asOf)}
      union all
      select w.invoice_id, w.write_off_date, w.amount_minor from write_offs w
      where w.org_id = ${orgId} and w.write_off_date <= ${asOf} and ${notReversed('w', 'write_off', asOf)}
    ), daily as (
      select invoice_id, d, sum(amount)::int8 as amount from events group by invoice_id, d
    ), paid as (
      select invoice_id, sum(amount)::int8 as paid_minor,
        string_agg(d::text || '=' || amount::text, ',' order by d) as payments
      from daily group by invoice_id
    )
    select i.id, i.number, i.customer_id, c.code as customer_code, c.name as customer_name,
      coalesce(c.country, '') as segment, i.currency, i.issue_date::text as issue_date,
      i.due_date::text as due_date, i.total_minor, i.base_total_minor, p.payments,
      (select min(ds.opened_on) from disputes ds where ds.org_id = i.org_id and ds.invoice_id = i.id
        and ds.opened_on <= ${asOf})::text as disputed_on
    from invoices i
    join customers c on c.org_id = i.org_id and c.id = i.customer_id
    left join paid p on p.invoice_id = i.id
    where i.org_id = ${orgId} and i.issue_date <= ${asOf} and ${notReversed('i', 'invoice', asOf)}
      and (i.issue_date >= ${since} or i.total_minor > coalesce(p.paid_minor, 0))
    order by i.issue_date, i.id`.execute(db);
  return r.rows.map(toLedgerInvoice);
}

function toLedgerInvoice(row: Row): LedgerInvoice {
  let paid = 0n;
  const payments = (row.payments ? row.payments.split(',') : []).map((part) => {
    const [d, amount] = part.split('=');
    paid += BigInt(amount ?? '0');
    return { day: dayNumber(d as BusinessDate), paidMinor: paid };
  });
  return {
    id: row.id,
    number: row.number,
    customer: { id: row.customer_id, code: row.customer_code, name: row.customer_name },
    segment: row.segment.trim(),
    currency: row.currency.trim(),
    issueDay: dayNumber(row.issue_date as BusinessDate),
    dueDay: dayNumber(row.due_date as BusinessDate),
    totalMinor: BigInt(row.total_minor),
    baseTotalMinor: BigInt(row.base_total_minor),
    payments,
    disputedDay: row.disputed_on ? dayNumber(row.disputed_on as BusinessDate) : null,
  };
}
