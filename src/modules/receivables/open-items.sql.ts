import { type RawBuilder, sql } from 'kysely';
import type { BusinessDate } from '../../shared/time/index.ts';

/**
 * As-of semantics in SQL: a document, allocation or reversal dated after `asOf` does not exist.
 * `live(alias, type, dateColumn)` keeps the rows of `alias` dated on or before asOf and not
 * reversed on or before it.
 */
export function live(
  alias: string,
  targetType: string,
  dateColumn: string,
  asOf: BusinessDate,
): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(`${alias}.${dateColumn}`)} <= ${asOf} and not exists (
    select 1 from reversals r where r.org_id = ${sql.ref(`${alias}.org_id`)} and r.target_type = ${targetType}
      and r.target_id = ${sql.ref(`${alias}.id`)} and r.reversal_date <= ${asOf})`;
}

/** Columns giving an invoice's state as of a date; `i` is the invoices alias. */
export function invoiceStateColumns(asOf: BusinessDate): RawBuilder<unknown> {
  return sql`
    (select coalesce(sum(a.amount_minor), 0) from allocations a
       where a.org_id = i.org_id and a.invoice_id = i.id and ${live('a', 'allocation', 'allocation_date', asOf)})::int8 as applied_minor,
    (select coalesce(sum(w.amount_minor), 0) from write_offs w
       where w.org_id = i.org_id and w.invoice_id = i.id and ${live('w', 'write_off', 'write_off_date', asOf)})::int8 as written_off_minor,
    exists (select 1 from write_offs w where w.org_id = i.org_id and w.invoice_id = i.id and w.kind = 'bad_debt'
       and ${live('w', 'write_off', 'write_off_date', asOf)}) as has_bad_debt,
    (select min(r.reversal_date) from reversals r where r.org_id = i.org_id and r.target_type = 'invoice'
       and r.target_id = i.id and r.reversal_date <= ${asOf}) as voided_on,
    exists (select 1 from disputes d where d.org_id = i.org_id and d.invoice_id = i.id and d.opened_on <= ${asOf}
       and (d.resolved_on is null or d.resolved_on > ${asOf})) as is_disputed`;
}

/** The status expression over a row that has the columns above plus total_minor and due_date. */
export function statusExpression(asOf: BusinessDate): RawBuilder<string> {
  return sql<string>`case
    when s.voided_on is not null then 'void'
    when s.total_minor - s.applied_minor - s.written_off_minor = 0 and s.has_bad_debt then 'written_off'
    when s.total_minor - s.applied_minor - s.written_off_minor = 0 then 'paid'
    when s.due_date < ${asOf} then 'overdue'
    when s.applied_minor + s.written_off_minor > 0 then 'partially_paid'
    else 'open' end`;
}
