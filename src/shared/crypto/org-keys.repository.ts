import type { Selectable } from 'kysely';
import type { DbOrTx } from '../db/index.ts';
import type { OrgKeysTable } from '../db/tables/keys.ts';
import { type KeyPurpose, newDataKey, wrapKey } from './key-wrap.ts';
import { activeMasterKey, type MasterKeys } from './master-keys.ts';

export type OrgKeyRow = Selectable<OrgKeysTable>;

export async function readOrgKeyRows(db: DbOrTx, orgId: string): Promise<OrgKeyRow[]> {
  return db
    .selectFrom('org_keys')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('purpose')
    .orderBy('version')
    .execute();
}

/**
 * A new key of this purpose and version, wrapped under the active master key. Does nothing when
 * the slot is taken: two processes creating an org's first keys at once both end up using one.
 */
export async function insertOrgKey(
  db: DbOrTx,
  masterKeys: MasterKeys,
  slot: { orgId: string; purpose: KeyPurpose; version: number; status: 'active' | 'retired' },
): Promise<boolean> {
  const wrapped = wrapKey(activeMasterKey(masterKeys), slot, newDataKey());
  const res = await db
    .insertInto('org_keys')
    .values({
      org_id: slot.orgId,
      purpose: slot.purpose,
      version: slot.version,
      wrapped_key: wrapped,
      master_key_id: masterKeys.activeId,
      status: slot.status,
    })
    .onConflict((oc) => oc.columns(['org_id', 'purpose', 'version']).doNothing())
    .executeTakeFirst();
  return (res.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** The org's first data key and index key, for whichever is missing; true when any was created. */
export async function createMissingOrgKeys(
  db: DbOrTx,
  masterKeys: MasterKeys,
  orgId: string,
  rows: readonly OrgKeyRow[],
): Promise<boolean> {
  let created = false;
  for (const purpose of ['data', 'index'] as const) {
    if (rows.some((r) => r.purpose === purpose)) continue;
    created =
      (await insertOrgKey(db, masterKeys, { orgId, purpose, version: 1, status: 'active' })) || created;
  }
  return created;
}
