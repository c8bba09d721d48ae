import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { type KeyPurpose, wrapKey } from './key-wrap.ts';
import { activeMasterKey, type MasterKeys } from './master-keys.ts';
import { unwrapOrgKey } from './org-key-set.ts';
import { readOrgKeyRows } from './org-keys.repository.ts';

/**
 * Master rotation for one org: every data and index key not wrapped under the active master key
 * is unwrapped with its old master and wrapped again. Data is untouched. Returns how many.
 */
export async function rewrapOrgKeys(db: Db, masterKeys: MasterKeys, orgId: string): Promise<number> {
  const master = activeMasterKey(masterKeys);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`settle.org_keys:${orgId}`}))`.execute(trx);
    let count = 0;
    for (const row of await readOrgKeyRows(trx, orgId)) {
      if (row.master_key_id === masterKeys.activeId) continue;
      const slot = { orgId, purpose: row.purpose as KeyPurpose, version: row.version };
      await trx
        .updateTable('org_keys')
        .set({
          wrapped_key: wrapKey(master, slot, unwrapOrgKey(row, masterKeys)),
          master_key_id: masterKeys.activeId,
        })
        .where('org_id', '=', orgId)
        .where('purpose', '=', row.purpose)
        .where('version', '=', row.version)
        .execute();
      count += 1;
    }
    return count;
  });
}
