import type { DbOrTx } from '../../shared/db/index.ts';

/**
 * Whether the org has issued anything valued in its base currency. Amounts already booked carry
 * base values (`base_total_minor`, journal postings) in that currency, so once one exists the base
 * currency is fixed. A read-only existence probe of the receivables tables: the one place the
 * orgs module looks outside its own.
 */
export async function hasDocuments(db: DbOrTx, orgId: string): Promise<boolean> {
  for (const table of ['invoices', 'credit_notes', 'receipts'] as const) {
    const row = await db
      .selectFrom(table)
      .select('org_id')
      .where('org_id', '=', orgId)
      .limit(1)
      .executeTakeFirst();
    if (row) return true;
  }
  return false;
}
