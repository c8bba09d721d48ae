import { sql } from 'kysely';
import type { DbOrTx } from '../../shared/db/index.ts';
import type { BusinessDate } from '../../shared/time/index.ts';
import { ACCOUNTS } from './ledger.types.ts';

export type LedgerBalance = {
  customerId: string;
  currency: string;
  /** Debit balance of AR (1122) in document currency and in base currency. */
  receivableMinor: bigint;
  baseReceivableMinor: bigint;
  /** Credit balance of unapplied cash (2203): money received, not yet applied. */
  unappliedMinor: bigint;
  baseUnappliedMinor: bigint;
};

/**
 * Balances per customer and currency as of a date, from postings alone: everything dated after
 * `asOf` (documents, applications, reversals) does not exist for it.
 */
export async function ledgerBalances(
  db: DbOrTx,
  options: { orgId: string; asOf: BusinessDate; customerId?: string },
): Promise<LedgerBalance[]> {
  const ar = ACCOUNTS.receivable;
  const un = ACCOUNTS.unappliedCash;
  const rows = await sql<{
    customer_id: string;
    currency: string;
    ar: bigint;
    base_ar: bigint;
    unapplied: bigint;
    base_unapplied: bigint;
  }>`
    select customer_id, currency,
      coalesce(sum(case when debit_account = ${ar} then amount_minor when credit_account = ${ar} then -amount_minor end), 0)::int8 as ar,
      coalesce(sum(case when debit_account = ${ar} then base_amount_minor when credit_account = ${ar} then -base_amount_minor end), 0)::int8 as base_ar,
      coalesce(sum(case when credit_account = ${un} then amount_minor when debit_account = ${un} then -amount_minor end), 0)::int8 as unapplied,
      coalesce(sum(case when credit_account = ${un} then base_amount_minor when debit_account = ${un} then -base_amount_minor end), 0)::int8 as base_unapplied
    from journal_postings
    where org_id = ${options.orgId} and entry_date <= ${options.asOf}
      and customer_id is not null
      ${options.customerId ? sql`and customer_id = ${options.customerId}` : sql``}
      and (debit_account in (${ar}, ${un}) or credit_account in (${ar}, ${un}))
    group by customer_id, currency
    order by customer_id, currency`.execute(db);
  return rows.rows.map((r) => ({
    customerId: r.customer_id,
    currency: r.currency,
    receivableMinor: r.ar,
    baseReceivableMinor: r.base_ar,
    unappliedMinor: r.unapplied,
    baseUnappliedMinor: r.base_unapplied,
  }));
}
