import { type CurrencyCode, currencyExponent, isCurrencyCode } from './currencies.ts';

export type Money = { readonly amountMinor: bigint; readonly currency: CurrencyCode };
export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up';

export class MoneyFormatError extends Error {}

export function currency(code: string): CurrencyCode {
  const upper = code.trim().toUpperCase();
  if (!isCurrencyCode(upper)) throw new MoneyFormatError(`unknown currency "${code}"`);
  return upper;
}

export function money(amount: string, code: string): Money {
  const cur = currency(code);
  return { amountMinor: parseMajor(amount, currencyExponent(cur)), currency: cur };
}

export function ofMinor(amountMinor: bigint, code: string): Money {
  return { amountMinor, currency: currency(code) };
}

export function zero(code: string): Money {
  return ofMinor(0n, code);
}

/**
 * Parses a decimal string in major units ("1234.56", "-0.5", "1,234.00") into minor units.
 * More decimals than the currency allows is an error, never a silent rounding.
 */
export function parseMajor(input: string, exponent: number): bigint {
  const text = input.trim().replace(/,/g, '');
  const m = /^([+-])?(\d+)(?:\.(\d*))?$/.exec(text) ?? /^([+-])?()\.(\d+)$/.exec(text);
  if (!m) throw new MoneyFormatError(`not a decimal amount: "${input}"`);
  const [, sign, whole = '', fracRaw = ''] = m;
  const frac = fracRaw.replace(/0+$/, '');
  if (frac.length > exponent) {
    throw new MoneyFormatError(`"${input}" has more than ${exponent} decimal places`);
  }
  const minor = BigInt((whole || '0') + frac.padEnd(exponent, '0'));
  return sign === '-' ? -minor : minor;
}

/** Formats minor units as a plain decimal string in major units: 123456n, 2 -> "1234.56". */
export function formatMajor(amountMinor: bigint, exponent: number): string {
  const negative = amountMinor < 0n;
  const digits = (negative ? -amountMinor : amountMinor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const frac = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${negative ? '-' : ''}${whole}${frac}`;
}

export function toDecimalString(m: Money): string {
  return formatMajor(m.amountMinor, currencyExponent(m.currency));
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`currency mismatch: ${a.currency} vs ${b.currency}`);
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amountMinor: a.amountMinor + b.amountMinor, currency: a.currency };
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amountMinor: a.amountMinor - b.amountMinor, currency: a.currency };
}

export function sum(items: readonly Money[], code: string): Money {
  let total = 0n;
  const cur = currency(code);
  for (const m of items) {
    if (m.currency !== cur) throw new RangeError(`currency mismatch: ${m.currency} vs ${cur}`);
    total += m.amountMinor;
  }
  return { amountMinor: total, currency: cur };
}

export function isZero(m: Money): boolean {
  return m.amountMinor === 0n;
}

export function compare(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.amountMinor < b.amountMinor ? -1 : a.amountMinor > b.amountMinor ? 1 : 0;
}

/** Integer division of n / d (d > 0) with an explicit rounding mode. */
export function divRound(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (d <= 0n) throw new RangeError('divisor must be positive');
  const q = n / d; // truncates toward zero
  const r = n % d;
  if (r === 0n) return q;
  const negative = n < 0n;
  const twice = (r < 0n ? -r : r) * 2n;
  let awayFromZero: boolean;
  switch (mode) {
    case 'down':
      awayFromZero = false;
      break;
    case 'up':
      awayFromZero = true;
      break;
    case 'half-up':
      awayFromZero = twice >= d;
      break;
    case 'half-even':
      awayFromZero = twice > d || (twice === d && q % 2n !== 0n);
      break;
  }
  if (!awayFromZero) return q;
  return negative ? q - 1n : q + 1n;
}

/** A decimal rate as an exact fraction: "7.1234" -> 71234/10000. */
export type Rate = { readonly numerator: bigint; readonly denominator: bigint; readonly text: string };

export function parseRate(text: string): Rate {
  const t = text.trim();
  const m = /^(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) throw new MoneyFormatError(`not a positive decimal rate: "${text}"`);
  const frac = m[2] ?? '';
  const numerator = BigInt((m[1] ?? '0') + frac);
  if (numerator === 0n) throw new MoneyFormatError(`rate must be positive: "${text}"`);
  return { numerator, denominator: 10n ** BigInt(frac.length), text: t };
}

/**
 * Converts an amount to another currency at a rate quoted as units of `target` per one unit of the
 * source currency (major units), rounding explicitly to the target's minor unit.
 */
export function convert(m: Money, target: string, rate: Rate, mode: RoundingMode = 'half-up'): Money {
  const to = currency(target);
  const shift = currencyExponent(to) - currencyExponent(m.currency);
  let n = m.amountMinor * rate.numerator;
  let d = rate.denominator;
  if (shift >= 0) n *= 10n ** BigInt(shift);
  else d *= 10n ** BigInt(-shift);
  return { amountMinor: divRound(n, d, mode), currency: to };
}

/** Multiplies by a decimal factor (e.g. a tax rate "0.13") with explicit rounding. */
export function multiplyRate(m: Money, rate: Rate, mode: RoundingMode = 'half-up'): Money {
  return {
    amountMinor: divRound(m.amountMinor * rate.numerator, rate.denominator, mode),
    currency: m.currency,
  };
}

/**
 * Splits an amount in proportion to weights by largest remainder, so the parts always add up
 * exactly to the whole.
 */
export function allocate(m: Money, weights: readonly bigint[]): Money[] {
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  const total = weights.reduce((a, b) => a + b, 0n);
  if (total <= 0n || weights.some((w) => w < 0n))
    throw new RangeError('weights must be >= 0 with a positive sum');
  const sign = m.amountMinor < 0n ? -1n : 1n;
  const abs = m.amountMinor * sign;
  const parts = weights.map((w) => (abs * w) / total);
  const remainders = weights.map((w, i) => ({ i, r: (abs * w) % total }));
  let left = abs - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map((p) => ({ amountMinor: p * sign, currency: m.currency }));
}
