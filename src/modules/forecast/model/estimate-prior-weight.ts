import type { PaymentCase } from '../forecast.types.ts';
import { mean } from './stats.ts';

const MIN_WEIGHT = 0.25;
const MAX_WEIGHT = 20;

/**
 * How many invoices of the segment's habit a customer's own record is worth, from settled cases:
 * the within-customer variance of days-after-due over the variance of the customers' true means
 * (the spread of customer means less the part their sampling noise explains). Customers who are
 * very different from each other and consistent in themselves get a small weight: their own few
 * invoices already say much.
 */
export function estimatePriorWeight(cases: readonly PaymentCase[]): number {
  const by = new Map<string, number[]>();
  for (const c of cases) {
    if (c.settledDay === null) continue;
    by.set(c.customer, [...(by.get(c.customer) ?? []), c.settledDay - c.dueDay]);
  }
  const groups = [...by.values()].filter((ys) => ys.length >= 2);
  if (groups.length < 2) return 3;
  const within = mean(
    groups.map((ys) => mean(ys.map((y) => (y - mean(ys)) ** 2)) * (ys.length / (ys.length - 1))),
  );
  const means = groups.map(mean);
  const m = mean(means);
  const meanN = mean(groups.map((ys) => ys.length));
  const between = mean(means.map((x) => (x - m) ** 2)) - within / meanN;
  if (between <= 0) return MAX_WEIGHT;
  return Math.min(MAX_WEIGHT, Math.max(MIN_WEIGHT, within / between));
}
