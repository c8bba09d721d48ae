import { describe, expect, it } from 'vitest';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { agingBuckets, dateBefore, parseBounds } from './aging-buckets.ts';

const d = (s: string) => s as BusinessDate;

describe('aging buckets', () => {
  it('default buckets by due date: not due, 1-30, 31-60, 61-90, over 90, as date ranges', () => {
    const b = agingBuckets(d('2025-06-30'), 'due', parseBounds('30,60,90'));
    expect(b.map((x) => [x.key, x.label.en, x.fromDate, x.toDate])).toEqual([
      ['current', 'Not due', '2025-06-30', null],
      ['le_30d', '1-30 days', '2025-05-31', '2025-06-29'],
      ['le_60d', '31-60 days', '2025-05-01', '2025-05-30'],
      ['le_90d', '61-90 days', '2025-04-01', '2025-04-30'],
      ['over_90d', 'Over 90 days', null, '2025-03-31'],
    ]);
  });

  it('by invoice date there is no "not due"; weeks, calendar months and quarters work', () => {
    expect(agingBuckets(d('2025-06-30'), 'invoice', parseBounds('30')).map((x) => x.label.en)).toEqual([
      '0-30 days',
      'Over 30 days',
    ]);
    expect(agingBuckets(d('2025-06-30'), 'due', parseBounds('1w,2w')).map((x) => x.label.zh)).toEqual([
      '未到期',
      '1周以内',
      '1-2周',
      '2周以上',
    ]);
    expect(dateBefore(d('2025-03-31'), { count: 1, unit: 'm' })).toBe('2025-02-28');
    expect(dateBefore(d('2024-05-31'), { count: 1, unit: 'q' })).toBe('2024-02-29');
    expect(dateBefore(d('2025-01-15'), { count: 2, unit: 'm' })).toBe('2024-11-15');
  });

  it('refuses bounds that are not positive and increasing', () => {
    expect(() => parseBounds('60,30')).toThrow(/increase/);
    expect(() => parseBounds('0')).toThrow(/positive/);
    expect(() => parseBounds('3x')).toThrow(/not a bucket bound/);
    expect(() => parseBounds('')).toThrow(/1 to 12/);
  });

  it('buckets tile the calendar: every date is in exactly one', () => {
    const buckets = agingBuckets(d('2025-06-30'), 'due', parseBounds('1w,1m,1q,2q'));
    for (let i = -400; i <= 30; i += 1) {
      const date = new Date(Date.UTC(2025, 5, 30 + i)).toISOString().slice(0, 10);
      const hits = buckets.filter(
        (b) => (b.fromDate === null || date >= b.fromDate) && (b.toDate === null || date <= b.toDate),
      );
      expect({ date, n: hits.length }).toEqual({ date, n: 1 });
    }
  });
});
