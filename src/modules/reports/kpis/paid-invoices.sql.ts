import { sql } from 'kysely';
import type { DbOrTx } from '../../../shared/db/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { documentUses } from './document-uses.sql.ts';

export type PaidInvoiceStats = {
  paid: number;
  late: number;
  baseMinor: bigint;
  lateBaseMinor: bigint;
  /** Σ base total × days late (base minor units × days). */
  weightedDays: bigint;
  days: bigint;
};

/**
 * Invoices paid in [from, to] as of `to`: their applications and write-offs live on `to` add up
 * to the total, and the last of them is dated in the period (the day the open amount reached
 * zero). An invoice with a live bad-debt write-off was not paid and is left out.
 */
export async function paidInvoiceStats(
  db: DbOrTx,
  options: { orgId: string; from: BusinessDate; to: BusinessDate },
): Promise<PaidInvoiceStats> {
  const { orgId, from, to } = options;
  const r = await sql<{
    paid: number;
    late: number;
    base: bigint;
    late_base: bigint;
    weighted: string;
    days: bigint;
  }>`
    with uses as (${documentUses(orgId, to)}),
    settled as (
      select doc_id, max(on_date) as settled_on, sum(amount_minor) as minor, bool_or(is_bad_debt) as is_bad_debt
      from uses where off_date is null or off_date > ${to}
      group by doc_id having max(on_date) >= ${from}
    ),
    paid as (
      select i.base_total_minor as base, greatest(s.settled_on - i.due_date, 0) as days_late
      from settled s join invoices i on i.org_id = ${orgId} and i.id = s.doc_id
      where s.minor = i.total_minor and not s.is_bad_debt and not exists (select 1 from reversals rv
        where rv.org_id = ${orgId} and rv.target_type = 'invoice' and rv.target_id = i.id and rv.reversal_date <= ${to})
    )
    select count(*)::int as paid, (count(*) filter (where days_late > 0))::int as late,
      coalesce(sum(base), 0)::int8 as base, coalesce(sum(base) filter (where days_late > 0), 0)::int8 as late_base,
      coalesce(sum(base::numeric * days_late), 0)::text as weighted, coalesce(sum(days_late), 0)::int8 as days
    from paid`.execute(db);
  const row = r.rows[0];
  if (!row) return { paid: 0, late: 0, baseMinor: 0n, lateBaseMinor: 0n, weightedDays: 0n, days: 0n };
  return {
    paid: row.paid,
    late: row.late,
    baseMinor: row.base,
    lateBaseMinor: row.late_base,
    weightedDays: BigInt(row.weighted),
    days: row.days,
  };
}
