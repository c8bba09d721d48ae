import type { Reject } from './bai2.types.ts';
import type { Trailer } from './read-trailer.ts';

export type Computed = { total: bigint; records: number; count: number | null };

/**
 * Compares a trailer with what its envelope really holds. The control total is the sum of the
 * amounts as written (03 summaries signed, 16 details unsigned); the record count includes the
 * envelope's own header and trailer and every 88; 98 and 99 also count accounts and groups.
 */
export function checkTrailer(name: string, trailer: Trailer, computed: Computed, reject: Reject): void {
  if (trailer.controlTotal !== computed.total)
    reject(
      trailer.line,
      `${name}: control total ${trailer.controlTotal} but the amounts add up to ${computed.total}`,
    );
  if (trailer.records !== computed.records)
    reject(trailer.line, `${name}: says ${trailer.records} records but there are ${computed.records}`);
  if (trailer.count !== null && trailer.count !== computed.count) {
    const what = name.startsWith('group') ? 'accounts' : 'groups';
    reject(trailer.line, `${name}: says ${trailer.count} ${what} but there are ${computed.count}`);
  }
}
