import type { PaymentCase } from '../forecast.types.ts';
import { type CustomerHistory, countBefore, type SettledRecord } from './payment-history.ts';
import { median, recencyWeightedMean, slope } from './stats.ts';

/** What is known of one customer on a day: only settlements before it, and invoices issued before it. */
export type CustomerSnapshot = {
  n: number;
  mean: number;
  median: number;
  recent: number;
  /** Days later per 30 days of issue dates, over the recent settlements. */
  trend: number;
  /** Mean absolute deviation from the median: how erratic the customer is. */
  spread: number;
  disputeRate: number;
  paperlessRate: number;
  typicalAmount: number;
  /** Invoices issued before the day and still open on it, and the most overdue of them (days). */
  openOverdueCount: number;
  openMaxOverdue: number;
};

/** Only the most recent settlements shape the statistics, which bounds the cost per prediction. */
export const HISTORY_WINDOW = 40;

const EMPTY: CustomerSnapshot = {
  n: 0,
  mean: 0,
  median: 0,
  recent: 0,
  trend: 0,
  spread: 0,
  disputeRate: 0,
  paperlessRate: 0,
  typicalAmount: 0,
  openOverdueCount: 0,
  openMaxOverdue: 0,
};

export function snapshotCustomer(
  h: CustomerHistory | undefined,
  day: number,
  excludeId: string | null = null,
): CustomerSnapshot {
  if (!h) return EMPTY;
  const n = countBefore(
    h.settled.map((r) => r.settledDay),
    day,
  );
  const recent: SettledRecord[] = h.settled.slice(Math.max(0, n - HISTORY_WINDOW), n);
  const ys = recent.map((r) => r.y);
  const med = median(ys);
  const open = openBefore(h.issued, day, excludeId);
  const amounts = h.issued.filter((c) => c.issueDay < day).map((c) => c.amount);
  return {
    n,
    mean: ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : 0,
    median: med,
    recent: recencyWeightedMean(ys, 4),
    trend:
      slope(
        recent.map((r) => r.issueDay / 30),
        ys,
      ) || 0,
    spread: ys.length ? ys.reduce((a, y) => a + Math.abs(y - med), 0) / ys.length : 0,
    disputeRate: ys.length ? recent.filter((r) => r.isDisputed).length / ys.length : 0,
    paperlessRate: ys.length ? recent.filter((r) => r.isPaperless).length / ys.length : 0,
    typicalAmount: amounts.length ? median(amounts.slice(-HISTORY_WINDOW)) : 0,
    ...open,
  };
}

function openBefore(issued: readonly PaymentCase[], day: number, excludeId: string | null) {
  let openOverdueCount = 0;
  let openMaxOverdue = 0;
  for (const c of issued) {
    if (c.issueDay >= day) break;
    if (c.id === excludeId || (c.settledDay !== null && c.settledDay < day)) continue;
    const overdue = day - c.dueDay;
    if (overdue > 0) {
      openOverdueCount += 1;
      openMaxOverdue = Math.max(openMaxOverdue, overdue);
    }
  }
  return { openOverdueCount, openMaxOverdue };
}
