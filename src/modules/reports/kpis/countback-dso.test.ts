import { describe, expect, it } from 'vitest';
import { countbackDso } from './countback-dso.ts';

describe('countback DSO', () => {
  it('counts whole months back, then days pro rata in the month where the AR runs out', () => {
    // AR 2400: March (31 days, sales 500) in full, then 1900 of February's 3000 over 28 days
    const months = [
      { sales: 500n, days: 31 },
      { sales: 3000n, days: 28 },
      { sales: 2000n, days: 31 },
    ];
    expect(countbackDso(2400n, months)).toBe(48.7); // 31 + 1900/3000*28 = 48.73
    expect(countbackDso(250n, months)).toBe(15.5); // 250/500*31
    expect(countbackDso(500n, months)).toBe(31);
  });

  it('a month without (or with negative net) sales counts in full and explains nothing', () => {
    const months = [
      { sales: -100n, days: 30 },
      { sales: 0n, days: 31 },
      { sales: 1000n, days: 30 },
    ];
    expect(countbackDso(500n, months)).toBe(76); // 30 + 31 + 15
  });

  it('is 0 for no AR, null without sales or when the history cannot explain the AR', () => {
    expect(countbackDso(0n, [{ sales: 10n, days: 31 }])).toBe(0);
    expect(countbackDso(-5n, [{ sales: 10n, days: 31 }])).toBe(0);
    expect(countbackDso(0n, [{ sales: 0n, days: 31 }])).toBeNull();
    expect(countbackDso(100n, [])).toBeNull();
    expect(countbackDso(100n, [{ sales: 60n, days: 30 }])).toBeNull();
  });
});
