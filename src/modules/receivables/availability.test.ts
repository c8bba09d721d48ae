import { describe, expect, it } from 'vitest';
import type { BusinessDate } from '../../shared/time/index.ts';
import { minimumFrom } from './availability.ts';

const d = (s: string) => s as BusinessDate;

describe('minimumFrom', () => {
  it('is the balance on the date when nothing happens later', () => {
    expect(minimumFrom(100n, [{ date: '2025-01-05', delta: -30n }], d('2025-01-10'))).toBe(70n);
  });

  it('sees a later application that a back-dated one must still fit under', () => {
    // 100 open; 80 applied on the 20th. An application dated the 10th may take at most 20.
    expect(minimumFrom(100n, [{ date: '2025-01-20', delta: -80n }], d('2025-01-10'))).toBe(20n);
  });

  it('counts a later reversal only from its own date', () => {
    const events = [
      { date: '2025-01-05', delta: -60n },
      { date: '2025-01-15', delta: 60n }, // reversal of the above
      { date: '2025-01-20', delta: -90n },
    ];
    expect(minimumFrom(100n, events, d('2025-01-01'))).toBe(10n);
    expect(minimumFrom(100n, events, d('2025-01-16'))).toBe(10n);
    expect(minimumFrom(100n, events, d('2025-01-21'))).toBe(10n);
  });
});
