import { describe, expect, it } from 'vitest';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { monthStart, monthsBetween, trendMonths } from './kpi-periods.ts';

const d = (s: string) => s as BusinessDate;

describe('kpi periods', () => {
  it('moves by calendar months across year ends, both ways', () => {
    expect(monthStart(d('2025-01-31'), -1)).toBe('2024-12-01');
    expect(monthStart(d('2025-01-31'), -13)).toBe('2023-12-01');
    expect(monthStart(d('2025-11-15'), 2)).toBe('2026-01-01');
  });

  it('the trend is `months` calendar months ending at asOf, oldest first, cut at asOf', () => {
    const t = trendMonths(d('2024-03-15'), 3);
    expect(t).toEqual([
      { month: '2024-01', from: '2024-01-01', to: '2024-01-31', days: 31 },
      { month: '2024-02', from: '2024-02-01', to: '2024-02-29', days: 29 },
      { month: '2024-03', from: '2024-03-01', to: '2024-03-15', days: 15 },
    ]);
    const year = trendMonths(d('2025-12-31'), 12);
    expect(year).toHaveLength(12);
    expect(year.map((m) => m.to)).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
      '2025-07-31',
      '2025-08-31',
      '2025-09-30',
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
    ]);
    expect(year.reduce((s, m) => s + m.days, 0)).toBe(365);
  });

  it('monthsBetween covers every month from the first date to asOf', () => {
    expect(monthsBetween(d('2024-11-20'), d('2025-01-05')).map((m) => [m.month, m.days])).toEqual([
      ['2024-11', 30],
      ['2024-12', 31],
      ['2025-01', 5],
    ]);
  });
});
