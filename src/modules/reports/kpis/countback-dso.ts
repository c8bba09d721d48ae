import { divRound } from '../../../shared/money/index.ts';

export type MonthSales = { sales: bigint; days: number };

/**
 * Countback DSO: how many days of the most recent credit sales it takes to account for the AR at
 * the end, counting back month by month from the latest (the current month counts only its days up
 * to asOf); within the month where the AR runs out, days pro rata to that month's sales. A month
 * with no (or negative net) sales accounts for none of the AR and counts in full. Null without any
 * sales at all, or when the AR exceeds all of them (the history does not explain it); AR of zero
 * or less is 0 days.
 * `months` is most recent first. One decimal, rounded half-up, exact on integers.
 */
export function countbackDso(ar: bigint, months: readonly MonthSales[]): number | null {
  if (!months.some((m) => m.sales > 0n)) return null;
  if (ar <= 0n) return 0;
  let remaining = ar;
  let wholeDays = 0n;
  for (const m of months) {
    if (m.sales > 0n && remaining <= m.sales) {
      // wholeDays + remaining / sales * days, to one decimal
      const tenths = divRound((wholeDays * m.sales + remaining * BigInt(m.days)) * 10n, m.sales, 'half-up');
      return Number(tenths) / 10;
    }
    wholeDays += BigInt(m.days);
    if (m.sales > 0n) remaining -= m.sales;
  }
  return null;
}
