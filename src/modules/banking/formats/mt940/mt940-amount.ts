import {
  currencyExponent,
  isCurrencyCode,
  MoneyFormatError,
  parseMajor,
} from '../../../../shared/money/index.ts';

/**
 * Currencies replaced by the euro that old MT940 files still carry (test files of German banks
 * are in DEM); the shared money table lists only current ISO 4217 codes.
 */
const LEGACY_EXPONENTS: Record<string, number> = {
  ATS: 2,
  BEF: 0,
  DEM: 2,
  ESP: 0,
  FIM: 2,
  FRF: 2,
  IEP: 2,
  ITL: 0,
  LUF: 0,
  NLG: 2,
  PTE: 0,
};

export function isMt940Currency(code: string): boolean {
  return isCurrencyCode(code) || Object.hasOwn(LEGACY_EXPONENTS, code);
}

export function currencyDigits(code: string): number {
  return LEGACY_EXPONENTS[code] ?? currencyExponent(code);
}

/**
 * An MT940 amount ("1234,56", "380115,", "0000000147,64"; a few banks drop the comma of whole
 * amounts) in the currency's minor units. Extra decimals are refused unless they are zeros.
 * Returns the reason when the text is not an amount.
 */
export function parseMt940Amount(text: string, currency: string): bigint | string {
  if (!/^\d+(,\d*)?$/.test(text)) return `"${text}" is not an amount (digits with a decimal comma)`;
  if (!isMt940Currency(currency)) return `unknown currency "${currency}"`;
  try {
    return parseMajor(text.replace(',', '.'), currencyDigits(currency));
  } catch (error) {
    if (error instanceof MoneyFormatError)
      return `amount "${text}" has more decimals than ${currency} allows`;
    throw error;
  }
}
