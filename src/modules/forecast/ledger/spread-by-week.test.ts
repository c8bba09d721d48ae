import { describe, expect, it } from 'vitest';
import { dayNumber } from '../model/day-number.ts';
import { spreadByWeek } from './spread-by-week.ts';
import { bandOf } from './track-past-weeks.ts';
import { mondayOnOrBefore } from './week-start.ts';

const day = (d: string) => dayNumber(d as never);

describe('weekly spread of expected receipts', () => {
  it('weeks start on Monday', () => {
    expect(mondayOnOrBefore(day('2025-06-30'))).toBe(day('2025-06-30')); // a Monday
    expect(mondayOnOrBefore(day('2025-07-06'))).toBe(day('2025-06-30')); // Sunday
    expect(mondayOnOrBefore(day('2025-07-02'))).toBe(day('2025-06-30'));
    expect(mondayOnOrBefore(day('1970-01-01'))).toBe(day('1969-12-29'));
  });

  it('spreads each amount by its probability per week, to the minor unit', () => {
    const first = day('2025-06-30');
    const spread = spreadByWeek(
      [
        // 100.00 CNY: a quarter in week 0, half in week 1, a quarter after the horizon.
        {
          currency: 'CNY',
          amountMinor: 10000n,
          baseMinor: 10000n,
          days: [first, first + 7, first + 8, first + 99],
        },
        // 0.01 USD split three ways: the cent goes where the largest share is.
        { currency: 'USD', amountMinor: 1n, baseMinor: 7n, days: [first + 1, first + 2, first + 20] },
      ],
      first,
      2,
      'CNY',
    );
    expect(spread.expected.map((s) => s.base)).toEqual([2500n + 5n, 5000n, 2500n + 2n]);
    expect(spread.expected.map((s) => s.byCurrency.get('USD') ?? 0n)).toEqual([1n, 0n, 0n]);
    expect(spread.cumulative.map((s) => s.base)).toEqual([2505n, 7505n]);
    const total = spread.expected.reduce((a, s) => a + s.base, 0n);
    expect(total).toBe(10007n);
  });

  it('bands: an amount certain to arrive has none, a coin flip the widest', () => {
    const first = 0;
    const certain = spreadByWeek(
      [{ currency: 'CNY', amountMinor: 1000n, baseMinor: 1000n, days: [0, 1] }],
      first,
      1,
      'CNY',
    );
    expect(certain.bands.deviations().weekly.base[0]).toBe(0);
    const flip = spreadByWeek(
      [{ currency: 'CNY', amountMinor: 1000n, baseMinor: 1000n, days: [0, 9] }],
      first,
      1,
      'CNY',
    );
    expect(flip.bands.deviations().weekly.base[0]).toBeCloseTo(500, 9);
    expect(bandOf(500n, 500)).toEqual({ low: 0n, high: 500n + 641n });
  });
});
