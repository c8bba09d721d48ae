import { sql } from 'kysely';
import type { DbOrTx } from '../../../shared/db/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';

/**
 * Net credit sales per calendar month up to asOf, in base currency: invoices issued, less invoices
 * voided, less credit notes issued, plus credit notes voided, each counted in the month of its own
 * date (so a month's figure never changes once it is over). Months with nothing are absent.
 */
export async function monthlySales(
  db: DbOrTx,
  options: { orgId: string; asOf: BusinessDate },
): Promise<Map<string, bigint>> {
  const { orgId, asOf } = options;
  const r = await sql<{ month: string; net: bigint }>`
    select to_char(on_date, 'YYYY-MM') as month, sum(base)::int8 as net from (
      select i.issue_date as on_date, i.base_total_minor as base
      from invoices i where i.org_id = ${orgId} and i.issue_date <= ${asOf}
      union all
      select rv.reversal_date, -i.base_total_minor
      from reversals rv join invoices i on i.org_id = rv.org_id and i.id = rv.target_id
      where rv.org_id = ${orgId} and rv.target_type = 'invoice' and rv.reversal_date <= ${asOf}
      union all
      select c.note_date, -c.base_total_minor
      from credit_notes c where c.org_id = ${orgId} and c.note_date <= ${asOf}
      union all
      select rv.reversal_date, c.base_total_minor
      from reversals rv join credit_notes c on c.org_id = rv.org_id and c.id = rv.target_id
      where rv.org_id = ${orgId} and rv.target_type = 'credit_note' and rv.reversal_date <= ${asOf}
    ) s group by 1 order by 1`.execute(db);
  return new Map(r.rows.map((row) => [row.month, row.net]));
}
