import { sql } from 'kysely';
import type { DbOrTx } from '../../../shared/db/index.ts';
import { ACCOUNTS } from '../../ledger/index.ts';
import type { AgingDimension } from './aging.schemas.ts';
import { type AgingScope, dimensionColumns } from './aging.sql.ts';

export type UnappliedCell = {
  key: string;
  label: string;
  currency: string;
  receipts: bigint;
  credit_notes: bigint;
};

const scoped = (alias: string, s: AgingScope) =>
  sql`${s.customerId ? sql`and ${sql.ref(`${alias}.customer_id`)} = ${s.customerId}` : sql``}
    ${s.currency ? sql`and ${sql.ref(`${alias}.currency`)} = ${s.currency}` : sql``}`;

/**
 * Cash received and credit notes issued but not applied to invoices as of the date, per group.
 * Unapplied cash is the balance of its ledger account per customer; unapplied credit is each live
 * credit note's total less its live applications.
 */
export async function queryUnapplied(
  db: DbOrTx,
  s: AgingScope,
  by: AgingDimension | null,
): Promise<UnappliedCell[]> {
  const dim = dimensionColumns(by);
  const tags = by === 'tag' ? sql`left join lateral unnest(c.tags) as t(tag) on true` : sql``;
  const cash = ACCOUNTS.unappliedCash;
  const { rows } = await sql<UnappliedCell>`
    select ${dim.key} as key, ${dim.label} as label, o.currency,
      sum(o.receipts)::int8 as receipts, sum(o.credit_notes)::int8 as credit_notes
    from (
      select p.customer_id, p.currency, null::text as salesperson,
        sum(case when p.credit_account = ${cash} then p.amount_minor else -p.amount_minor end) as receipts, 0 as credit_notes
      from journal_postings p
      where p.org_id = ${s.orgId} and p.entry_date <= ${s.asOf} and ${cash} in (p.debit_account, p.credit_account)
        and p.customer_id is not null ${scoped('p', s)}
      group by p.customer_id, p.currency
      union all
      select n.customer_id, n.currency, null::text, 0,
        n.total_minor - coalesce((select sum(a.amount_minor) from allocations a
          where a.org_id = n.org_id and a.credit_note_id = n.id and a.allocation_date <= ${s.asOf}
            and not exists (select 1 from reversals r where r.org_id = a.org_id and r.target_type = 'allocation'
              and r.target_id = a.id and r.reversal_date <= ${s.asOf})), 0)
      from credit_notes n
      where n.org_id = ${s.orgId} and n.note_date <= ${s.asOf} ${scoped('n', s)}
        and not exists (select 1 from reversals r where r.org_id = n.org_id and r.target_type = 'credit_note'
          and r.target_id = n.id and r.reversal_date <= ${s.asOf})
    ) o
    join customers c on c.org_id = ${s.orgId} and c.id = o.customer_id
    ${tags}
    group by 1, 2, 3
    having sum(o.receipts) <> 0 or sum(o.credit_notes) <> 0`.execute(db);
  return rows;
}

/** The AR control account's balance per currency on the date, in document currency. */
export async function queryLedgerReceivable(db: DbOrTx, s: AgingScope): Promise<Map<string, bigint>> {
  const ar = ACCOUNTS.receivable;
  const { rows } = await sql<{ currency: string; amount: bigint }>`
    select p.currency, sum(case when p.debit_account = ${ar} then p.amount_minor else -p.amount_minor end)::int8 as amount
    from journal_postings p
    where p.org_id = ${s.orgId} and p.entry_date <= ${s.asOf} and ${ar} in (p.debit_account, p.credit_account)
      ${scoped('p', s)}
    group by p.currency`.execute(db);
  return new Map(rows.map((r) => [r.currency, r.amount]));
}
