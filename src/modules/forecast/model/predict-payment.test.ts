import { describe, expect, it } from 'vitest';
import type { CaseFeatures } from './features.ts';
import type { PaymentModel } from './payment-model.ts';
import { predictPayment } from './predict-payment.ts';

const residuals = Array.from({ length: 101 }, (_, i) => i - 50); // -50..50
const model: PaymentModel = {
  groups: ['level'],
  columns: [0],
  fit: { intercept: 2, weights: [1] },
  residuals: { customer: residuals, segment: residuals, global: residuals },
  globalSpread: 0, // bands unscaled
  trainedOn: 100,
};
const features = (level: number): CaseFeatures => ({
  x: [level],
  basis: 'customer',
  prior: 0,
  customer: {
    n: 10,
    mean: level,
    median: level,
    recent: level,
    trend: 0,
    spread: 5,
    disputeRate: 0,
    paperlessRate: 0,
    typicalAmount: 100,
    openOverdueCount: 0,
    openMaxOverdue: 0,
  },
});

describe('predictPayment', () => {
  it('centres on the regression and takes its band from the residuals', () => {
    const p = predictPayment(model, features(8), 'x');
    expect(p.p50).toBe(10);
    expect(p.p10).toBeCloseTo(-30, 10); // 10 + the 10th percentile of -50..50
    expect(p.p90).toBeCloseTo(50, 10);
    expect(p.pLate).toBeCloseTo(60 / 101, 10); // outcomes -40..60, of which 1..60 late
  });

  it('an invoice still open is never expected before the day it is known open', () => {
    const p = predictPayment(model, features(8), 'x', 30);
    expect(p.p10).toBeGreaterThanOrEqual(30);
    expect(p.p50).toBeGreaterThanOrEqual(p.p10);
    expect(p.p90).toBeLessThanOrEqual(60);
    expect(p.pLate).toBe(1);
  });

  it('past every outcome, the late tail restarts at that day', () => {
    const p = predictPayment(model, features(8), 'x', 200);
    expect(p.p10).toBeGreaterThanOrEqual(200);
    expect(p.p90).toBeLessThanOrEqual(206);
  });
});
