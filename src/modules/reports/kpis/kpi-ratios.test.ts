import { describe, expect, it } from 'vitest';
import {
  arTurnover,
  bestPossibleDso,
  collectionEffectiveness,
  percent,
  ratio,
  standardDso,
} from './kpi-ratios.ts';

describe('kpi ratios', () => {
  it('rounds half-up on integers, and is null when the denominator is not positive', () => {
    expect(ratio(1n, 8n, 100n, 1)).toBe(12.5);
    expect(ratio(1n, 3n, 100n, 1)).toBe(33.3);
    expect(ratio(2n, 3n, 100n, 1)).toBe(66.7);
    expect(ratio(11_000n, 4_000n, 1n, 1)).toBe(2.8); // 2.75 -> 2.8
    expect(ratio(-1n, 3n, 100n, 1)).toBe(-33.3);
    expect(ratio(5n, 0n, 1n, 1)).toBeNull();
    expect(ratio(5n, -2n, 1n, 1)).toBeNull();
    expect(percent(0n, 0n)).toBeNull();
  });

  it('DSO = AR / sales * days; best possible DSO uses current AR only', () => {
    // 2400.00 of AR against 5500.00 of sales in 90 days: 39.27 days
    expect(standardDso(240_000n, 550_000n, 90)).toBe(39.3);
    expect(bestPossibleDso(50_000n, 550_000n, 90)).toBe(8.2);
    expect(standardDso(240_000n, 0n, 90)).toBeNull();
  });

  it('CEI = (begin + sales - end) / (begin + sales - current end)', () => {
    expect(collectionEffectiveness(1400n, 5500n, 2400n, 500n)).toBe(70.3);
    // everything collected: 100 %
    expect(collectionEffectiveness(100n, 900n, 0n, 0n)).toBe(100);
    // nothing to collect at all
    expect(collectionEffectiveness(0n, 0n, 0n, 0n)).toBeNull();
  });

  it('turnover = sales / average AR, annualised per 365 days', () => {
    expect(arTurnover(1400n, 2400n, 5500n, 90)).toEqual({ inPeriod: 2.89, annualised: 11.74 });
    expect(arTurnover(1000n, 1000n, 12_000n, 365)).toEqual({ inPeriod: 12, annualised: 12 });
    expect(arTurnover(0n, 0n, 500n, 30)).toEqual({ inPeriod: null, annualised: null });
  });
});
