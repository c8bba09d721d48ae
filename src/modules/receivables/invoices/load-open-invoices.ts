import { sql } from 'kysely';
import type { DbOrTx } from '../../../shared/db/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { live } from '../open-items.sql.ts';

export type OpenInvoiceRow = {
  id: string;
  number: string;
  customer_id: string;
  currency: string;
  issue_date: BusinessDate;
  due_date: BusinessDate;
  open_minor: bigint;
};

/**
 * Every invoice with something still open on the date, and how much: its total less the
 * applications and write-offs live on that date. One pass, applications summed per invoice.
 */
export async function loadOpenInvoices(
  db: DbOrTx,
  orgId: string,
  asOf: BusinessDate,
  options: { customerIds?: readonly string[] } = {},
): Promise<OpenInvoiceRow[]> {
  const only =
    options.customerIds && options.customerIds.length > 0
      ? sql`and i.customer_id = any(${sql.val(options.customerIds)}::uuid[])`
      : sql``;
  const result = await sql<OpenInvoiceRow>`
    with applied as (
      select a.invoice_id, sum(a.amount_minor) as amount from allocations a
      where a.org_id = ${orgId} and ${live('a', 'allocation', 'allocation_date', asOf)}
      group by a.invoice_id
    ), written as (
      select w.invoice_id, sum(w.amount_minor) as amount from write_offs w
      where w.org_id = ${orgId} and ${live('w', 'write_off', 'write_off_date', asOf)}
      group by w.invoice_id
    )
    select * from (
      select i.id, i.number, i.customer_id, i.currency, i.issue_date, i.due_date,
        (i.total_minor - coalesce(ap.amount, 0) - coalesce(wo.amount, 0))::int8 as open_minor
      from invoices i
      left join applied ap on ap.invoice_id = i.id
      left join written wo on wo.invoice_id = i.id
      where i.org_id = ${orgId} and ${live('i', 'invoice', 'issue_date', asOf)} ${only}
    ) o where o.open_minor > 0
    order by o.due_date, o.number`.execute(db);
  return result.rows;
}
