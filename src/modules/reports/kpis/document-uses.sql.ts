import { type RawBuilder, sql } from 'kysely';
import type { BusinessDate } from '../../../shared/time/index.ts';

/** A reversal of `alias` (at most one: reversals are unique per target), as `rv`. */
export function reversalOf(alias: string, targetType: string): RawBuilder<unknown> {
  return sql`left join reversals rv on rv.org_id = ${sql.ref(`${alias}.org_id`)}
    and rv.target_type = ${targetType} and rv.target_id = ${sql.ref(`${alias}.id`)}`;
}

/**
 * What uses up a document's open amount, dated on or before `last`: applications and write-offs
 * of an invoice, applications of a credit note. Each row counts on the dates from `on_date` until
 * `off_date` (its reversal's date), excluded. Columns: doc_id, on_date, off_date, amount_minor,
 * is_bad_debt.
 */
export function documentUses(orgId: string, last: BusinessDate): RawBuilder<unknown> {
  return sql`
    select coalesce(a.credit_note_id, a.invoice_id) as doc_id, a.allocation_date as on_date,
      rv.reversal_date as off_date, a.amount_minor, false as is_bad_debt
    from allocations a ${reversalOf('a', 'allocation')} where a.org_id = ${orgId} and a.allocation_date <= ${last}
    union all
    select a.invoice_id, a.allocation_date, rv.reversal_date, a.amount_minor, false
    from allocations a ${reversalOf('a', 'allocation')}
    where a.org_id = ${orgId} and a.credit_note_id is not null and a.allocation_date <= ${last}
    union all
    select w.invoice_id, w.write_off_date, rv.reversal_date, w.amount_minor, w.kind = 'bad_debt'
    from write_offs w ${reversalOf('w', 'write_off')} where w.org_id = ${orgId} and w.write_off_date <= ${last}`;
}
