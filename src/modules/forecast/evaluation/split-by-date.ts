import type { PaymentCase } from '../forecast.types.ts';

export type DateSplit = { train: PaymentCase[]; test: PaymentCase[] };

/**
 * The oldest `trainShare` of invoices by invoice date train, the newest test. Invoices on the same
 * day keep the file's order (a stable sort), so the cut is reproducible.
 */
export function splitByDate(cases: readonly PaymentCase[], trainShare = 0.8): DateSplit {
  const sorted = [...cases].sort((a, b) => a.issueDay - b.issueDay);
  const cut = Math.floor(sorted.length * trainShare);
  return { train: sorted.slice(0, cut), test: sorted.slice(cut) };
}
