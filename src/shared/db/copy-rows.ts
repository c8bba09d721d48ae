import type { Tx } from './connection.ts';
import { type CopyValue, copyLine } from './copy-text.ts';

/** Bulk-loads rows with COPY inside the caller's transaction, in chunks that keep strings small. */
export async function copyRows(
  trx: Tx,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
  chunk = 50_000,
): Promise<number> {
  const sqlText = `copy ${table} (${columns.join(', ')}) from stdin`;
  let parts: string[] = [];
  let total = 0;
  const flush = async () => {
    if (parts.length === 0) return;
    await trx.executeQuery({
      sql: sqlText,
      parameters: [parts.join('')],
      query: { kind: 'RawNode' },
    } as never);
    parts = [];
  };
  for (const row of rows) {
    parts.push(copyLine(row));
    total += 1;
    if (parts.length >= chunk) await flush();
  }
  await flush();
  return total;
}
