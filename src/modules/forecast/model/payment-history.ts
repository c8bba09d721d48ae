import type { PaymentCase } from '../forecast.types.ts';
import { estimatePriorWeight } from './estimate-prior-weight.ts';

/** A settled invoice as history: `y` is days from due date to settlement (negative: early). */
export type SettledRecord = {
  id: string;
  settledDay: number;
  issueDay: number;
  y: number;
  amount: number;
  isDisputed: boolean;
  isPaperless: boolean;
};

/** Prefix sums over settlements in settlement order, to answer "mean and spread before day t". */
export type RunningTotals = { days: number[]; sumY: number[]; sumY2: number[] };

export type CustomerHistory = { settled: SettledRecord[]; issued: PaymentCase[] };

export type PaymentHistory = {
  customers: Map<string, CustomerHistory>;
  /**
   * Empirical-Bayes prior weight, in invoices, of the segment level against a customer's own:
   * within-customer variance over between-customer variance.
   */
  priorWeight: number;
  segments: Map<string, RunningTotals>;
  global: RunningTotals;
};

function totalsOf(records: SettledRecord[]): RunningTotals {
  const t: RunningTotals = { days: [], sumY: [0], sumY2: [0] };
  for (const r of records) {
    t.days.push(r.settledDay);
    t.sumY.push((t.sumY.at(-1) ?? 0) + r.y);
    t.sumY2.push((t.sumY2.at(-1) ?? 0) + r.y * r.y);
  }
  return t;
}

/**
 * Indexes every case once: per customer its settlements (by settlement day) and its invoices (by
 * issue day), per segment and overall the running totals. Nothing is cut by date here: each query
 * takes the day it stands on and sees only what was settled before it.
 */
export function buildPaymentHistory(
  cases: readonly PaymentCase[],
  options: { priorWeight?: number } = {},
): PaymentHistory {
  const customers = new Map<string, CustomerHistory>();
  const bySegment = new Map<string, SettledRecord[]>();
  const all: SettledRecord[] = [];
  for (const c of cases) {
    const h = customers.get(c.customer) ?? { settled: [], issued: [] };
    customers.set(c.customer, h);
    h.issued.push(c);
    if (c.settledDay === null) continue;
    const r: SettledRecord = {
      id: c.id,
      settledDay: c.settledDay,
      issueDay: c.issueDay,
      y: c.settledDay - c.dueDay,
      amount: c.amount,
      isDisputed: c.isDisputed,
      isPaperless: c.isPaperless,
    };
    h.settled.push(r);
    all.push(r);
    const s = bySegment.get(c.segment) ?? [];
    s.push(r);
    bySegment.set(c.segment, s);
  }
  const bySettled = (a: SettledRecord, b: SettledRecord) => a.settledDay - b.settledDay;
  for (const h of customers.values()) {
    h.settled.sort(bySettled);
    h.issued.sort((a, b) => a.issueDay - b.issueDay);
  }
  const segments = new Map([...bySegment].map(([k, v]) => [k, totalsOf(v.sort(bySettled))]));
  const priorWeight = options.priorWeight ?? estimatePriorWeight(cases);
  return { customers, segments, global: totalsOf(all.sort(bySettled)), priorWeight };
}

/** How many of the ascending `days` are before `day`. */
export function countBefore(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] ?? 0) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type Moments = { n: number; mean: number; sd: number };

export function momentsBefore(t: RunningTotals, day: number): Moments {
  const n = countBefore(t.days, day);
  if (n === 0) return { n: 0, mean: 0, sd: 0 };
  const mean = (t.sumY[n] ?? 0) / n;
  const variance = Math.max(0, (t.sumY2[n] ?? 0) / n - mean * mean);
  return { n, mean, sd: Math.sqrt(variance) };
}
