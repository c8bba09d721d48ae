import type { DbOrTx } from '../../shared/db/index.ts';

export type PayerNameRow = { id: string; code: string; name: string; legal_name: string | null };

/** Every customer's code and names, for matching bank payers (one read of the whole org). */
export function listPayerNames(db: DbOrTx, orgId: string): Promise<PayerNameRow[]> {
  return db
    .selectFrom('customers')
    .select(['id', 'code', 'name', 'legal_name'])
    .where('org_id', '=', orgId)
    .execute();
}
