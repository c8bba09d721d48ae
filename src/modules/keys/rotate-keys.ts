import { sql } from 'kysely';
import {
  addDataKeyVersion,
  type Keyring,
  type MasterKeys,
  rewrapOrgKeys,
} from '../../shared/crypto/index.ts';
import type { Db } from '../../shared/db/index.ts';
import { recordAuditEvent } from '../audit/index.ts';
import { encryptLegacyFields } from './encrypt-legacy-fields.ts';
import { ENCRYPTED_FIELDS } from './encrypted-fields.ts';
import type { TOrgRotation, TRotateKeysResult } from './keys.types.ts';
import { reencryptField } from './reencrypt-field.ts';
import { hasColumns, tableShapeOf } from './table-shape.ts';

export type RotateKeysOptions = {
  /** The system handle (database.db): rotation spans every org and changes org_keys. */
  db: Db;
  /** Must hold `masterKeys`' active key (a keyring made from them). */
  keyring: Keyring;
  masterKeys?: MasterKeys;
  /** One org; default every org that has keys. */
  orgId?: string;
  /** Re-wrap every data and index key under the active master key. */
  rotateMaster?: boolean;
  /** A new data-key version and every value re-encrypted under it (default true). */
  rotateData?: boolean;
  batchSize?: number;
  onProgress?: (message: string) => void;
};

async function orgIdsOf(db: Db, orgId: string | undefined): Promise<string[]> {
  if (orgId) return [orgId];
  const res = await sql<{ org_id: string }>`select distinct org_id from org_keys order by org_id`.execute(db);
  return res.rows.map((r) => r.org_id);
}

async function rotateOrg(options: RotateKeysOptions, orgId: string): Promise<TOrgRotation> {
  const { db, keyring, rotateData = true, batchSize = 500, onProgress = () => {} } = options;
  const masterKeys = options.masterKeys ?? keyring.masterKeys;
  const rewrapped = options.rotateMaster ? await rewrapOrgKeys(db, masterKeys, orgId) : 0;
  const result: TOrgRotation = {
    org_id: orgId,
    data_key_version: null,
    rewrapped_keys: rewrapped,
    reencrypted: {},
  };
  if (rotateData) {
    const version = await addDataKeyVersion(db, masterKeys, orgId);
    // From here this process writes with the new key; other processes within the keyring's refresh.
    keyring.forget(orgId);
    result.data_key_version = version;
    for (const spec of ENCRYPTED_FIELDS) {
      const shape = await tableShapeOf(db, spec.table);
      if (!shape || !hasColumns(shape, [spec.ciphertextColumn, ...spec.keyColumns])) continue;
      const n = await reencryptField(db, keyring, orgId, { spec, shape, activeVersion: version, batchSize });
      result.reencrypted[spec.field] = n;
      onProgress(`keys: org ${orgId}: ${n} ${spec.field} value(s) re-encrypted under data key v${version}`);
    }
  }
  await recordAuditEvent(db, orgId, {
    action: 'keys.rotated',
    entity: 'org_keys',
    entityId: orgId,
    after: { master_key_id: masterKeys.activeId, ...result },
  });
  return result;
}

/**
 * Rotates encryption keys without downtime: per org a new data key (the old ones retired, kept)
 * and every encrypted value re-encrypted in short batches while the app keeps working; with
 * `rotateMaster`, every key re-wrapped under the active master key first. Blind indexes stay.
 */
export async function rotateKeys(options: RotateKeysOptions): Promise<TRotateKeysResult> {
  const masterKeys = options.masterKeys ?? options.keyring.masterKeys;
  const legacy = await encryptLegacyFields({ db: options.db }, options.keyring);
  const orgs: TOrgRotation[] = [];
  for (const orgId of await orgIdsOf(options.db, options.orgId)) orgs.push(await rotateOrg(options, orgId));
  return { master_key_id: masterKeys.activeId, legacy_encrypted: legacy, orgs };
}
