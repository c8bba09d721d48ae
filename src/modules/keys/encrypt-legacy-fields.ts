import { sql } from 'kysely';
import type { Keyring } from '../../shared/context/index.ts';
import type { Database } from '../../shared/db/index.ts';
import { ENCRYPTED_FIELDS, type EncryptedField } from './encrypted-fields.ts';
import { hasColumns, type TableShape, tableShapeOf, updateByKey } from './table-shape.ts';

const BATCH = 500;

type Row = Record<string, unknown> & { org_id: string; plaintext: string };

async function encryptBatch(
  database: Pick<Database, 'db'>,
  keyring: Keyring,
  spec: EncryptedField,
  shape: TableShape,
) {
  const legacy = sql.ref(spec.legacyColumn as string);
  const keys = ['org_id', ...spec.keyColumns];
  return database.db.transaction().execute(async (trx) => {
    const res = await sql<Row>`
      select ${sql.join(keys.map((k) => sql.ref(k)))}, ${legacy} as plaintext
      from ${sql.table(spec.table)} where ${legacy} is not null
      order by ${sql.join(keys.map((k) => sql.ref(k)))} limit ${BATCH} for update skip locked`.execute(trx);
    const rows: unknown[][] = [];
    for (const r of res.rows) {
      const cipher = keyring.cipherFor(r.org_id);
      const enc = await cipher.encrypt(trx, spec.field, r.plaintext);
      const bidx = spec.blindIndexColumn ? [await cipher.blindIndex(trx, spec.field, r.plaintext)] : [];
      rows.push([...keys.map((k) => r[k]), enc, ...bidx, null]);
    }
    const set = [
      spec.ciphertextColumn,
      ...(spec.blindIndexColumn ? [spec.blindIndexColumn] : []),
      spec.legacyColumn as string,
    ];
    await updateByKey(trx, shape, keys, set, rows);
    return res.rows.length;
  });
}

/**
 * Encrypts the plaintext a database kept from before field encryption (the legacy_* columns of
 * migration 0005) and clears it; run at startup after migrating, and by `settle keys rotate`.
 * Tables that changed are then rewritten (VACUUM FULL), so the old row versions holding the
 * plaintext leave the table files too. Safe to run again and alongside the app.
 */
export async function encryptLegacyFields(
  database: Pick<Database, 'db'>,
  keyring: Keyring,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const changed = new Set<string>();
  for (const spec of ENCRYPTED_FIELDS) {
    if (!spec.legacyColumn) continue;
    const shape = await tableShapeOf(database.db, spec.table);
    if (!shape || !hasColumns(shape, [spec.legacyColumn, spec.ciphertextColumn, spec.blindIndexColumn]))
      continue;
    let count = 0;
    let n: number;
    do {
      n = await encryptBatch(database, keyring, spec, shape);
      count += n;
    } while (n === BATCH);
    if (count > 0) changed.add(spec.table);
    counts[spec.field] = count;
  }
  for (const table of changed) await sql`vacuum full ${sql.table(table)}`.execute(database.db);
  return counts;
}
