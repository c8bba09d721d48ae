import { describe, expect, it } from 'vitest';
import { isShareAtLeast, riskGrade } from './risk-grade.ts';

const grade = (days: number | null, overdue: number, open: number) =>
  riskGrade({ oldestOverdueDays: days, overdueMinor: BigInt(overdue), openMinor: BigInt(open) });

describe('risk grade', () => {
  it('is low when nothing is overdue', () => {
    expect(grade(null, 0, 0)).toBe('low');
    expect(grade(null, 0, 10_000)).toBe('low');
    expect(grade(0, 0, 10_000)).toBe('low');
  });

  it('is low for a small part recently overdue, medium from a quarter overdue', () => {
    expect(grade(10, 2_499, 10_000)).toBe('low');
    expect(grade(10, 2_500, 10_000)).toBe('medium');
    expect(grade(30, 100, 10_000)).toBe('low');
  });

  it('rises with the age of the oldest overdue invoice', () => {
    expect(grade(31, 100, 10_000)).toBe('medium');
    expect(grade(60, 100, 10_000)).toBe('medium');
    expect(grade(61, 100, 10_000)).toBe('high');
    expect(grade(90, 100, 10_000)).toBe('high');
    expect(grade(91, 100, 10_000)).toBe('critical');
  });

  it('goes one grade up when at least half the balance is overdue', () => {
    expect(grade(31, 5_000, 10_000)).toBe('high');
    expect(grade(31, 4_999, 10_000)).toBe('medium');
    expect(grade(61, 5_000, 10_000)).toBe('critical');
    expect(grade(61, 10_000, 10_000)).toBe('critical');
  });

  it('compares shares in integers', () => {
    expect(isShareAtLeast(1n, 3n, 33)).toBe(true);
    expect(isShareAtLeast(1n, 3n, 34)).toBe(false);
    expect(isShareAtLeast(5n, 0n, 25)).toBe(false);
    expect(isShareAtLeast(0n, 0n, 0)).toBe(true);
  });
});
