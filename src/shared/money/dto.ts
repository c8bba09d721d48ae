import { currencyExponent } from './currencies.ts';
import { formatMajor, parseMajor } from './money.ts';

/** Amounts cross every boundary (API, CLI --json) as decimal strings in major units. */
export function minorToDecimal(amountMinor: bigint, currencyCode: string): string {
  return formatMajor(amountMinor, currencyExponent(currencyCode));
}

export function decimalToMinor(amount: string, currencyCode: string): bigint {
  return parseMajor(amount, currencyExponent(currencyCode));
}
