import { convert, ofMinor, parseRate } from './money.ts';

/**
 * The base-currency value of taking `x` off a balance of `balance` (both in minor units of
 * `currency`) at a rate: conv(balance) - conv(balance - x). Taking a balance down to zero in any
 * number of slices therefore adds up to exactly the value of the whole, with no rounding residue.
 */
export function convertSlice(
  balance: bigint,
  x: bigint,
  currency: string,
  base: string,
  rate: string,
): bigint {
  const r = parseRate(rate);
  return (
    convert(ofMinor(balance, currency), base, r).amountMinor -
    convert(ofMinor(balance - x, currency), base, r).amountMinor
  );
}
