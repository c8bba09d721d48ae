import { describe, expect, it } from 'vitest';
import { convertSlice } from './convert-slice.ts';
import { convert, money, parseRate } from './index.ts';

describe('convertSlice', () => {
  it('slices add up to the value of the whole, where converting each slice alone would not', () => {
    const rate = '7.2345';
    let balance = 100n; // 1.00 USD
    let sum = 0n;
    let naive = 0n;
    for (const x of [33n, 33n, 34n]) {
      sum += convertSlice(balance, x, 'USD', 'CNY', rate);
      naive += convert({ ...money('0', 'USD'), amountMinor: x }, 'CNY', parseRate(rate)).amountMinor;
      balance -= x;
    }
    const whole = convert(money('1.00', 'USD'), 'CNY', parseRate(rate)).amountMinor;
    expect(sum).toBe(whole); // 723
    expect(naive).not.toBe(whole); // 239 + 239 + 246 = 724
  });

  it('is the amount itself at rate 1 in the same exponent', () => {
    expect(convertSlice(10_000n, 2_550n, 'CNY', 'CNY', '1')).toBe(2_550n);
  });
});
