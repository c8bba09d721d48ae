import { sql } from 'kysely';
import type { Tx } from './connection.ts';
import { type CopyValue, copyLine } from './copy-text.ts';

/**
 * Bulk-loads rows with COPY inside the caller's transaction. Lines are appended to one string and
 * sent every few megabytes: far less garbage than an array of line strings joined later.
 *
 * PostgreSQL refuses COPY FROM into a table under row-level security, so rows for a real table go
 * to a temporary staging table first and then in with one INSERT … SELECT, which the tenant
 * policies check like any insert (a row of another org is refused, whatever the caller sent).
 */
export async function copyRows(
  trx: Tx,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
  flushBytes = 4 << 20,
): Promise<number> {
  const isTemporary = await isTemporaryTable(trx, table);
  const target = isTemporary ? table : `settle_stage_${table}`;
  if (!isTemporary) {
    await sql`create temp table if not exists ${sql.id(target)} (like ${sql.table(table)} including defaults) on commit drop`.execute(
      trx,
    );
  }
  const total = await copyInto(trx, target, columns, rows, flushBytes);
  if (!isTemporary && total > 0) {
    const cols = sql.join(columns.map((c) => sql.id(c)));
    await sql`insert into ${sql.table(table)} (${cols}) select ${cols} from ${sql.id(target)}`.execute(trx);
    await sql`truncate ${sql.id(target)}`.execute(trx);
  }
  return total;
}

async function isTemporaryTable(trx: Tx, table: string): Promise<boolean> {
  const { rows } = await sql<{ persistence: string }>`
    select relpersistence as persistence from pg_class where oid = to_regclass(${table})`.execute(trx);
  return rows[0]?.persistence === 't';
}

async function copyInto(
  trx: Tx,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
  flushBytes: number,
): Promise<number> {
  const sqlText = `copy ${table} (${columns.join(', ')}) from stdin`;
  let buffer = '';
  let total = 0;
  const flush = async () => {
    if (buffer.length === 0) return;
    const payload = buffer;
    buffer = '';
    await trx.executeQuery({ sql: sqlText, parameters: [payload], query: { kind: 'RawNode' } } as never);
  };
  for (const row of rows) {
    buffer += copyLine(row);
    total += 1;
    if (buffer.length >= flushBytes) await flush();
  }
  await flush();
  return total;
}
