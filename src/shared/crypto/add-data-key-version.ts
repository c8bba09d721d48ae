import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { MasterKeys } from './master-keys.ts';
import { createMissingOrgKeys, insertOrgKey, readOrgKeyRows } from './org-keys.repository.ts';

/**
 * A data-key rotation's first step, in one short transaction: a new active version, the others
 * retired (kept, so every ciphertext still opens). The index key stays, so blind indexes stay valid.
 */
export async function addDataKeyVersion(db: Db, masterKeys: MasterKeys, orgId: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // Two rotations of one org at once take turns here.
    await sql`select pg_advisory_xact_lock(hashtext(${`settle.org_keys:${orgId}`}))`.execute(trx);
    const rows = await readOrgKeyRows(trx, orgId);
    await createMissingOrgKeys(trx, masterKeys, orgId, rows);
    const versions = rows.filter((r) => r.purpose === 'data').map((r) => r.version);
    // An org with no data key yet gets v1 (above) and rotates to v2, as it would after first use.
    const next = Math.max(1, ...versions) + 1;
    await trx
      .updateTable('org_keys')
      .set({ status: 'retired' })
      .where('org_id', '=', orgId)
      .where('purpose', '=', 'data')
      .execute();
    await insertOrgKey(trx, masterKeys, { orgId, purpose: 'data', version: next, status: 'active' });
    return next;
  });
}
