import { AppError } from '../errors/index.ts';
import { type KeyPurpose, unwrapKey } from './key-wrap.ts';
import type { MasterKeys } from './master-keys.ts';
import type { OrgKeyRow } from './org-keys.repository.ts';

/** An org's keys as read from org_keys, unwrapped on first use (an old key may need an old master). */
export type OrgKeySet = {
  readonly orgId: string;
  readonly activeDataVersion: number;
  dataKey(version: number): Buffer | null;
  indexKey(): Buffer;
};

/** One org_keys row's key, unwrapped with the master key it names. */
export function unwrapOrgKey(row: OrgKeyRow, masterKeys: MasterKeys): Buffer {
  const slot = { orgId: row.org_id, purpose: row.purpose as KeyPurpose, version: row.version };
  const master = masterKeys.keys.get(row.master_key_id);
  if (!master) {
    throw new AppError('MASTER_KEY_INVALID', {
      message:
        `the ${slot.purpose} key v${slot.version} of org ${slot.orgId} is wrapped under master key ` +
        `${row.master_key_id}, which is not loaded (loaded: ${[...masterKeys.keys.keys()].join(', ')}); ` +
        'restore that key (SETTLE_MASTER_KEY_PREVIOUS or the key file)',
      details: { master_key_id: row.master_key_id, org_id: slot.orgId },
    });
  }
  return unwrapKey(master, row.master_key_id, slot, row.wrapped_key);
}

/** Null until the org has both an active data key and an index key. */
export function orgKeySetOf(
  orgId: string,
  rows: readonly OrgKeyRow[],
  masterKeys: MasterKeys,
): OrgKeySet | null {
  const data = rows.filter((r) => r.purpose === 'data');
  const index = rows
    .filter((r) => r.purpose === 'index')
    .sort(
      (a, b) => Number(b.status === 'active') - Number(a.status === 'active') || b.version - a.version,
    )[0];
  // The newest active version; a rotation retires the others in the same transaction.
  const active = data.filter((r) => r.status === 'active').sort((a, b) => b.version - a.version)[0];
  if (!active || !index) return null;
  const unwrapped = new Map<OrgKeyRow, Buffer>();
  const unwrap = (row: OrgKeyRow): Buffer => {
    const key = unwrapped.get(row) ?? unwrapOrgKey(row, masterKeys);
    unwrapped.set(row, key);
    return key;
  };
  return {
    orgId,
    activeDataVersion: active.version,
    dataKey: (version) => {
      const row = data.find((r) => r.version === version);
      return row ? unwrap(row) : null;
    },
    indexKey: () => unwrap(index),
  };
}
