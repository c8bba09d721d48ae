import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSubset } from './subset-sum.ts';

describe('findSubset', () => {
  it('finds the invoices one payment covers, oldest first', () => {
    // 100 + 300 = 400 and 150 + 250 = 400: the older pair (positions 0 and 2) wins, and it is ambiguous.
    const r = findSubset([100, 150, 300, 250, 999], 400, 0, 20);
    expect(r?.indices).toEqual([0, 2]);
    expect(r?.excess).toBe(0);
    expect(r?.solutions).toBe(2);
  });

  it('pays five invoices at once', () => {
    const amounts = [1_234_00, 56_78, 9_999_99, 1_00, 45_00, 777_77, 12_50, 3_000_00];
    const r = findSubset(amounts, 1_234_00 + 56_78 + 1_00 + 777_77 + 12_50, 0, 20);
    expect(r?.indices).toEqual([0, 1, 3, 5, 6]);
    expect(r?.solutions).toBe(1);
  });

  it('accepts a sum short-paid within the slack, preferring an exact one', () => {
    expect(findSubset([500, 300, 700], 795, 10, 20)).toEqual({ indices: [0, 1], excess: 5, solutions: 1 });
    expect(findSubset([500, 300, 700, 295], 795, 10, 20)?.excess).toBe(0);
  });

  it('looks only at the oldest `bound` invoices no larger than the payment', () => {
    const amounts = [...Array.from({ length: 25 }, (_, i) => 10 * (i + 1)), 1_000_000, 1_000_001];
    expect(findSubset(amounts, 2_000_001, 0, 20)).toBeNull();
    expect(findSubset(amounts, 2_000_001, 0, 30)?.indices).toEqual([25, 26]);
    // Larger invoices than the payment do not use up the bound.
    expect(findSubset([...Array.from({ length: 25 }, () => 9_999), 10, 20], 30, 0, 20)?.indices).toEqual([
      25, 26,
    ]);
  });

  it('needs at least two invoices and a positive target', () => {
    expect(findSubset([400], 400, 0, 20)).toBeNull();
    expect(findSubset([100, 300], 0, 0, 20)).toBeNull();
  });

  it('agrees with brute force on small sets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 0, maxLength: 10 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 3 }),
        (amounts, target, slack) => {
          let bestExcess = Number.POSITIVE_INFINITY;
          for (let mask = 1; mask < 1 << amounts.length; mask++) {
            let sum = 0;
            let count = 0;
            amounts.forEach((a, i) => {
              if (mask & (1 << i)) {
                sum += a;
                count++;
              }
            });
            if (count >= 2 && sum >= target && sum <= target + slack)
              bestExcess = Math.min(bestExcess, sum - target);
          }
          const r = findSubset(amounts, target, slack, 20);
          if (bestExcess === Number.POSITIVE_INFINITY) return r === null;
          if (r === null || r.excess !== bestExcess || r.indices.length < 2) return false;
          const sum = r.indices.reduce((s, i) => s + (amounts[i] ?? 0), 0);
          return sum === target + r.excess && new Set(r.indices).size === r.indices.length;
        },
      ),
      { numRuns: 500 },
    );
  });

  it('stays fast at the bound', () => {
    const amounts = Array.from({ length: 20 }, (_, i) => 100_000 + ((i * 7_654_321) % 900_000));
    const started = performance.now();
    for (let i = 0; i < 100; i++) findSubset(amounts, 1, 0, 20);
    for (let i = 0; i < 100; i++) findSubset(amounts, 5_000_000, 100, 20);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
