import type { FieldCipher } from '../context/index.ts';
import type { DbOrTx } from '../db/index.ts';
import { AppError } from '../errors/index.ts';
import { computeBlindIndex } from './blind-index.ts';
import { keyVersionOf, openField, sealField } from './field-envelope.ts';
import { readMasterKeyFile } from './master-key-file.ts';
import type { MasterKeys } from './master-keys.ts';
import { type OrgKeySet, orgKeySetOf } from './org-key-set.ts';
import { createMissingOrgKeys, type OrgKeyRow, readOrgKeyRows } from './org-keys.repository.ts';

export type Keyring = {
  readonly masterKeys: MasterKeys;
  /** Encryption for one org; keys load through the `db` each call is given. */
  cipherFor(orgId: string): FieldCipher;
  /** The org's keys (its first ones created on first use); `fresh` skips the cache. */
  keysFor(db: DbOrTx, orgId: string, options?: { fresh?: boolean }): Promise<OrgKeySet>;
  /** Drops cached keys, so the next use reads them again (after a rotation in this process). */
  forget(orgId?: string): void;
};

export type KeyringOptions = {
  /** How long cached keys serve before being read again, so another process's rotation is seen. */
  refreshMs?: number;
  now?: () => number;
};

/**
 * `masterKeys` may be a loader, called on first use: a command that never touches an encrypted
 * field then runs without a master key, and one that does fails with MASTER_KEY_MISSING.
 */
export function createKeyring(
  masterKeysOrLoader: MasterKeys | (() => MasterKeys),
  options: KeyringOptions = {},
): Keyring {
  let loaded = typeof masterKeysOrLoader === 'function' ? null : masterKeysOrLoader;
  const master = (): MasterKeys => {
    loaded ??= (masterKeysOrLoader as () => MasterKeys)();
    return loaded;
  };
  const refreshMs = options.refreshMs ?? 60_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { keys: OrgKeySet; loadedAt: number }>();
  // Keys this keyring created inside a caller's transaction are not committed yet: they serve
  // that transaction only, so a rollback cannot leave the cache holding a key no row keeps.
  const pending = new WeakMap<object, Map<string, OrgKeySet>>();

  // After `settle keys rotate --master` another process's keys are wrapped under a master key
  // this one has not loaded: a key file has it by now (with SETTLE_MASTER_KEY, restart with it).
  function knowMastersOf(rows: readonly OrgKeyRow[]): MasterKeys {
    const current = master();
    const { source } = current;
    if (source.kind !== 'file' || rows.every((r) => current.keys.has(r.master_key_id))) return current;
    loaded = readMasterKeyFile(source.path);
    return loaded;
  }

  async function load(db: DbOrTx, orgId: string): Promise<OrgKeySet> {
    const rows = await readOrgKeyRows(db, orgId);
    const masterKeys = knowMastersOf(rows);
    let keys = orgKeySetOf(orgId, rows, masterKeys);
    let isUncommitted = false;
    if (!keys) {
      isUncommitted = (await createMissingOrgKeys(db, masterKeys, orgId, rows)) && db.isTransaction;
      keys = orgKeySetOf(orgId, await readOrgKeyRows(db, orgId), masterKeys);
    }
    if (!keys) throw new AppError('INTERNAL', { message: `org ${orgId} has no active data key` });
    if (isUncommitted) {
      const forTx = pending.get(db) ?? new Map<string, OrgKeySet>();
      forTx.set(orgId, keys);
      pending.set(db, forTx);
    } else {
      cache.set(orgId, { keys, loadedAt: now() });
    }
    return keys;
  }

  async function keysFor(db: DbOrTx, orgId: string, opts: { fresh?: boolean } = {}): Promise<OrgKeySet> {
    const created = pending.get(db)?.get(orgId);
    if (created) return created;
    const hit = cache.get(orgId);
    if (!opts.fresh && hit && now() - hit.loadedAt < refreshMs) return hit.keys;
    return load(db, orgId);
  }

  function cipherFor(orgId: string): FieldCipher {
    return {
      async encrypt(db, field, plaintext) {
        const keys = await keysFor(db, orgId);
        const version = keys.activeDataVersion;
        return sealField(keys.dataKey(version) as Buffer, version, { orgId, field }, plaintext);
      },
      async decrypt(db, field, ciphertext) {
        const binding = { orgId, field };
        const version = keyVersionOf(ciphertext, binding);
        // A version this process has not seen yet comes from another process's rotation.
        const key =
          (await keysFor(db, orgId)).dataKey(version) ??
          (await keysFor(db, orgId, { fresh: true })).dataKey(version);
        if (!key) {
          throw new AppError('DECRYPTION_FAILED', {
            message: `${field}: no data key v${version} for this org`,
            details: { field, version },
          });
        }
        return openField(key, binding, ciphertext);
      },
      async blindIndex(db, field, value) {
        return computeBlindIndex((await keysFor(db, orgId)).indexKey(), field, value);
      },
    };
  }

  return {
    get masterKeys() {
      return master();
    },
    cipherFor,
    keysFor,
    forget(orgId) {
      if (orgId === undefined) cache.clear();
      else cache.delete(orgId);
    },
  };
}
