import type { TAgingReportDto } from '../../../../src/modules/reports/aging/aging.schemas.ts';
import { fromScaled, toScaled } from './decimal.ts';

export type OverdueCustomer = {
  id: string;
  label: string;
  overdue: string;
  total: string;
  /** Index of the oldest bucket holding an amount (1 = first overdue bucket). */
  oldestBucket: number;
  shareOfOverdue: number | null;
};

/**
 * The customers owing the most past due, from the aging by customer: a customer's rows in each
 * currency are added in the base currency; everything after the first (not yet due) bucket is overdue.
 */
export function topOverdueCustomers(report: TAgingReportDto, limit = 10): OverdueCustomer[] {
  const byCustomer = new Map<string, { label: string; buckets: bigint[]; total: bigint }>();
  for (const row of report.rows) {
    if (!row.group) continue;
    const entry = byCustomer.get(row.group.key) ?? {
      label: row.group.label,
      buckets: report.buckets.map(() => 0n),
      total: 0n,
    };
    row.base_buckets.forEach((amount, i) => {
      entry.buckets[i] = (entry.buckets[i] ?? 0n) + toScaled(amount);
    });
    entry.total += toScaled(row.base_total);
    byCustomer.set(row.group.key, entry);
  }
  const firstOverdue = report.basis === 'due' ? 1 : 0;
  const all = [...byCustomer.entries()].map(([id, e]) => {
    const overdue = e.buckets.slice(firstOverdue).reduce((s, v) => s + v, 0n);
    let oldest = -1;
    e.buckets.forEach((v, i) => {
      if (i >= firstOverdue && v > 0n) oldest = i;
    });
    return { id, label: e.label, overdue, total: e.total, oldest };
  });
  const grand = all.reduce((s, c) => s + (c.overdue > 0n ? c.overdue : 0n), 0n);
  return all
    .filter((c) => c.overdue > 0n)
    .sort((a, b) => (b.overdue > a.overdue ? 1 : b.overdue < a.overdue ? -1 : a.label.localeCompare(b.label)))
    .slice(0, limit)
    .map((c) => ({
      id: c.id,
      label: c.label,
      overdue: fromScaled(c.overdue),
      total: fromScaled(c.total),
      oldestBucket: c.oldest,
      shareOfOverdue: grand === 0n ? null : Number((c.overdue * 1_000_000n) / grand) / 1_000_000,
    }));
}
