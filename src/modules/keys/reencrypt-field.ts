import { sql } from 'kysely';
import { type Keyring, keyVersionBytes, sealField } from '../../shared/crypto/index.ts';
import type { Db } from '../../shared/db/index.ts';
import type { EncryptedField } from './encrypted-fields.ts';
import { type TableShape, typed, updateByKey } from './table-shape.ts';

type Row = Record<string, unknown> & { ct: Uint8Array };
type Target = { spec: EncryptedField; shape: TableShape; activeVersion: number; batchSize: number };

/** One short transaction: the next rows after `after` not under the active key, re-encrypted. */
async function reencryptBatch(
  db: Db,
  keyring: Keyring,
  orgId: string,
  { spec, shape, activeVersion, batchSize }: Target,
  after: readonly unknown[] | null,
): Promise<Row[]> {
  const keys = spec.keyColumns;
  const keyList = sql.join(keys.map((k) => sql.ref(k)));
  const ct = sql.ref(spec.ciphertextColumn);
  return db.transaction().execute(async (trx) => {
    const res = await sql<Row>`
      select ${keyList}, ${ct} as ct from ${sql.table(spec.table)}
      where org_id = ${orgId} and ${ct} is not null
        and substring(${ct} from 2 for 4) <> ${keyVersionBytes(activeVersion)}
        ${after ? sql`and (${keyList}) > (${sql.join(keys.map((k, i) => typed(shape, k, after[i])))})` : sql``}
      order by ${keyList} limit ${batchSize}
      for update skip locked`.execute(trx);
    if (res.rows.length === 0) return [];
    // Sealed under the version the rows are selected by, so the passes end even if another
    // rotation runs at the same time.
    const key =
      (await keyring.keysFor(trx, orgId)).dataKey(activeVersion) ??
      (await keyring.keysFor(trx, orgId, { fresh: true })).dataKey(activeVersion);
    if (!key) throw new Error(`org ${orgId} has no data key v${activeVersion}`);
    const cipher = keyring.cipherFor(orgId);
    const updates: unknown[][] = [];
    for (const r of res.rows) {
      const plaintext = await cipher.decrypt(trx, spec.field, r.ct as Buffer);
      const sealed = sealField(key, activeVersion, { orgId, field: spec.field }, plaintext);
      updates.push([orgId, ...keys.map((k) => r[k]), sealed]);
    }
    await updateByKey(trx, shape, ['org_id', ...keys], [spec.ciphertextColumn], updates);
    return res.rows;
  });
}

/**
 * Re-encrypts one field of one org under the active data key, a batch per short transaction:
 * rows being written at the time are skipped (`skip locked`) and the app keeps working; readers
 * open either version, and writers already use the new key. Passes repeat until one finds
 * nothing left, which also catches rows skipped or written with the old key meanwhile.
 */
export async function reencryptField(
  db: Db,
  keyring: Keyring,
  orgId: string,
  target: Target,
): Promise<number> {
  let total = 0;
  let isPassEmpty = true;
  let after: unknown[] | null = null;
  for (;;) {
    const batch = await reencryptBatch(db, keyring, orgId, target, after);
    total += batch.length;
    if (batch.length > 0) isPassEmpty = false;
    const last = batch.at(-1);
    if (last && batch.length === target.batchSize) {
      after = target.spec.keyColumns.map((k) => last[k]);
      continue;
    }
    if (isPassEmpty) return total;
    after = null;
    isPassEmpty = true;
  }
}
