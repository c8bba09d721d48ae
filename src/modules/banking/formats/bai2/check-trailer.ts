import type { StatementWarning } from '../../statement.types.ts';
import type { Trailer } from './read-trailer.ts';

export type Computed = { total: bigint; records: number; count: number | null };

/**
 * Compares a trailer with what its envelope really holds. The control total is the sum of the
 * amounts as written (03 summaries signed, 16 details unsigned); the record count includes the
 * envelope's own header and trailer and every 88; 98 and 99 also count accounts and groups.
 * Each disagreement is a warning: the entries are all there, only the bank's tally is off.
 */
export function checkTrailer(
  name: string,
  element: string,
  trailer: Trailer,
  computed: Computed,
): StatementWarning[] {
  const messages: string[] = [];
  if (trailer.controlTotal !== computed.total)
    messages.push(
      `${name}: control total ${trailer.controlTotal} but the amounts add up to ${computed.total}`,
    );
  if (trailer.records !== computed.records)
    messages.push(`${name}: says ${trailer.records} records but there are ${computed.records}`);
  if (trailer.count !== null && trailer.count !== computed.count) {
    const what = name.startsWith('group') ? 'accounts' : 'groups';
    messages.push(`${name}: says ${trailer.count} ${what} but there are ${computed.count}`);
  }
  return messages.map((message) => ({
    code: 'CONTROL_TOTAL_MISMATCH',
    line: trailer.line,
    element,
    message,
  }));
}
