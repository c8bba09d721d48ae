import { sql } from 'kysely';
import type { DbOrTx } from '../../../shared/db/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import type { LoadScope, Reversal, ReversalTarget } from './statement-data.ts';

const d = (s: string) => s as BusinessDate;

/** Reversals carry no customer: each is found through the row it reverses. */
export async function loadStatementReversals(db: DbOrTx, s: LoadScope): Promise<Reversal[]> {
  const mine = (table: string) =>
    sql`(select t.id from ${sql.table(table)} t where t.org_id = ${s.orgId} and t.customer_id = ${s.customerId})`;
  const { rows } = await sql<{
    target_type: ReversalTarget;
    target_id: string;
    reversal_date: string;
    reason: string | null;
    created_at: Date;
  }>`
    select r.target_type, r.target_id, r.reversal_date, r.reason, r.created_at from reversals r
    where r.org_id = ${s.orgId} and r.reversal_date <= ${s.to} and (
      (r.target_type = 'invoice' and r.target_id in ${mine('invoices')})
      or (r.target_type = 'credit_note' and r.target_id in ${mine('credit_notes')})
      or (r.target_type = 'receipt' and r.target_id in ${mine('receipts')})
      or (r.target_type = 'allocation' and r.target_id in ${mine('allocations')})
      or (r.target_type = 'write_off' and r.target_id in ${mine('write_offs')})
      or (r.target_type = 'refund' and r.target_id in ${mine('refunds')}))`.execute(db);
  return rows.map((r) => ({
    targetType: r.target_type,
    targetId: r.target_id,
    date: d(r.reversal_date),
    reason: r.reason,
    createdAt: r.created_at,
  }));
}
