import type { BusinessDate } from '../../../../shared/time/index.ts';
import type { ParsedTransaction } from '../../statement.types.ts';

export type Entry = { readonly transaction: ParsedTransaction; readonly balance: bigint | null };
type Balance = { amountMinor: bigint; date: BusinessDate };
export type Balances = { readonly opening: Balance | null; readonly closing: Balance | null };

const NONE: Balances = { opening: null, closing: null };

/**
 * Opening and closing balance from the running balance column, when it tells them for sure: every
 * entry has a balance and each follows from its neighbour by the entry's amount, in file order
 * either oldest first or newest first. Exports sorted otherwise, anonymised ones and those without
 * the column give none: a CSV carries no stated opening/closing balance to check against.
 */
export function runningBalances(entries: readonly Entry[]): Balances {
  const first = entries[0];
  const last = entries[entries.length - 1];
  if (!first || !last || entries.some((e) => e.balance === null)) return NONE;
  const at = (i: number): Entry => entries[i] as Entry;
  const chains = (newestFirst: boolean): boolean => {
    for (let i = 1; i < entries.length; i += 1) {
      const [older, newer] = newestFirst ? [at(i), at(i - 1)] : [at(i - 1), at(i)];
      if ((older.balance ?? 0n) + newer.transaction.amountMinor !== newer.balance) return false;
    }
    return true;
  };
  const [oldest, newest] = chains(false) ? [first, last] : chains(true) ? [last, first] : [null, null];
  if (!oldest || !newest) return NONE;
  return {
    opening: {
      amountMinor: (oldest.balance ?? 0n) - oldest.transaction.amountMinor,
      date: oldest.transaction.bookingDate,
    },
    closing: { amountMinor: newest.balance ?? 0n, date: newest.transaction.bookingDate },
  };
}
