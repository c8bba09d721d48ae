import { describe, expect, it } from 'vitest';
import type { PaymentCase } from '../forecast.types.ts';
import { estimatePriorWeight } from './estimate-prior-weight.ts';
import { FEATURE_NAMES, featuresOf } from './features.ts';
import { buildPaymentHistory } from './payment-history.ts';

let seq = 0;
function inv(
  customer: string,
  issueDay: number,
  late: number | null,
  extra: Partial<PaymentCase> = {},
): PaymentCase {
  seq += 1;
  return {
    id: `i${seq}`,
    customer,
    segment: 'X',
    issueDay,
    dueDay: issueDay + 30,
    amount: 100,
    isDisputed: false,
    isPaperless: false,
    settledDay: late === null ? null : issueDay + 30 + late,
    ...extra,
  };
}

const level = (x: number[]) => x[FEATURE_NAMES.indexOf('level_mean')] ?? Number.NaN;

describe('features', () => {
  const cases = [
    ...Array.from({ length: 8 }, (_, k) => inv('A', 10 * k, 10)),
    ...Array.from({ length: 8 }, (_, k) => inv('B', 10 * k, -5)),
  ];

  it('see only what was settled before the day they are computed for', () => {
    const target = inv('A', 75, null);
    const day = 75;
    const history = buildPaymentHistory([...cases, target], { priorWeight: 1 });
    const before = featuresOf(target, history, day);
    // Rewrite everything not yet known on that day: later settlements, later invoices.
    const future = cases.map((c) =>
      c.settledDay !== null && c.settledDay >= day ? { ...c, settledDay: c.settledDay + 40 } : c,
    );
    const more = [inv('A', 80, 90), inv('A', 90, 90)];
    const rewritten = buildPaymentHistory([...future, ...more, target], { priorWeight: 1 });
    expect(featuresOf(target, rewritten, day).x).toEqual(before.x);
    expect(before.customer.n).toBe(4); // invoices 0..30 settled by day 70
  });

  it('shrink a customer toward its segment, less as its own record grows', () => {
    const history = buildPaymentHistory(cases, { priorWeight: 2 });
    const early = featuresOf(inv('A', 45, null), history, 45); // 1 settled (day 40)
    const later = featuresOf(inv('A', 200, null), history, 200); // all 8
    expect(level(early.x)).toBeGreaterThan(2.5);
    expect(level(early.x)).toBeLessThan(10);
    expect(level(later.x)).toBeGreaterThan(level(early.x));
    expect([early.basis, later.basis]).toEqual(['global', 'customer']);
  });

  it('estimate little prior weight when customers differ a lot and each is consistent', () => {
    const noisy = [...Array.from({ length: 8 }, (_, k) => inv('A', 10 * k, k % 2 ? 20 : -20)), ...cases];
    expect(estimatePriorWeight(cases)).toBe(0.25);
    expect(estimatePriorWeight(noisy)).toBeGreaterThan(1);
  });
});
