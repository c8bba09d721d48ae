import type { LogicalRecord, Reject } from './bai2.types.ts';
import { parseAmount, parseCount } from './bai2-values.ts';
import { FieldCursor } from './field-cursor.ts';

export type Trailer = { controlTotal: bigint; count: number | null; records: number; line: number };

/**
 * 49 (control total, records), 98 and 99 (control total, accounts or groups, records). The record
 * counts include the header and trailer of the envelope and every 88.
 */
export function readTrailer(record: LogicalRecord, name: string, reject: Reject): Trailer {
  const cursor = new FieldCursor(record);
  const line = record.line;
  const controlTotal = parseAmount(cursor.next() ?? '', `${name}: control total`, line, reject, true);
  const count =
    record.code === '49'
      ? null
      : parseCount(
          cursor.next(),
          `${name}: number of ${record.code === '98' ? 'accounts' : 'groups'}`,
          line,
          reject,
        );
  const records = parseCount(cursor.next(), `${name}: number of records`, line, reject);
  return { controlTotal, count, records, line };
}
