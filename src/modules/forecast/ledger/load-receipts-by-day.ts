import { sql } from 'kysely';
import type { DbOrTx } from '../../../shared/db/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { dayNumber } from '../model/day-number.ts';

export type DailyReceipts = { day: number; currency: string; amountMinor: bigint; baseMinor: bigint };

/** Cash received per day and currency between two dates, as of `asOf` (reversed receipts left out). */
export async function loadReceiptsByDay(
  db: DbOrTx,
  options: { orgId: string; from: BusinessDate; to: BusinessDate; asOf: BusinessDate },
): Promise<DailyReceipts[]> {
  const { orgId, from, to, asOf } = options;
  const r = await sql<{ d: string; currency: string; amount_minor: bigint; base_minor: bigint }>`
    select rc.receipt_date::text as d, rc.currency, sum(rc.amount_minor)::int8 as amount_minor,
      sum(rc.base_amount_minor)::int8 as base_minor
    from receipts rc
    where rc.org_id = ${orgId} and rc.receipt_date between ${from} and ${to} and rc.receipt_date <= ${asOf}
      and not exists (select 1 from reversals r where r.org_id = rc.org_id and r.target_type = 'receipt'
        and r.target_id = rc.id and r.reversal_date <= ${asOf})
    group by rc.receipt_date, rc.currency
    order by 1, 2`.execute(db);
  return r.rows.map((row) => ({
    day: dayNumber(row.d as BusinessDate),
    currency: row.currency.trim(),
    amountMinor: BigInt(row.amount_minor),
    baseMinor: BigInt(row.base_minor),
  }));
}
