import type { Tx } from './connection.ts';
import { type CopyValue, copyLine } from './copy-text.ts';

/**
 * Bulk-loads rows with COPY inside the caller's transaction. Lines are appended to one string and
 * sent every few megabytes: far less garbage than an array of line strings joined later.
 */
export async function copyRows(
  trx: Tx,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
  flushBytes = 4 << 20,
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
