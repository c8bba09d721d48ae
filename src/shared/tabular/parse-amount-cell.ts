import { type CurrencyCode, currencyExponent, parseMajor } from '../money/index.ts';

export type AmountProblem = { readonly code: 'BAD_AMOUNT' | 'TOO_MANY_DECIMALS'; readonly reason: string };

/**
 * Reads a money cell into signed minor units of `currency`, or says what is wrong with it.
 * Accepts what spreadsheets export: surrounding spaces, full-width digits, a currency symbol
 * (¥ ￥ $ € £), thousands separators ("1,234.00") and accounting negatives "(12.00)". Separators
 * must group by three, so a European "1.234,56" or "1234,56" is rejected instead of being read as
 * another number. More decimals than the currency has is an error, never a rounding.
 */
export function parseAmountCell(
  raw: string,
  currency: CurrencyCode,
  what = 'amount',
): bigint | AmountProblem {
  const exponent = currencyExponent(currency);
  const plain = readPlainAmount(raw, exponent);
  if (plain !== null) return plain;
  const decimal = readFormattedDecimal(raw);
  if (decimal === null) return { code: 'BAD_AMOUNT', reason: badAmountReason(raw, what) };
  const fraction = decimal.fraction.replace(/0+$/, '');
  if (fraction.length > exponent) {
    const reason = `${what} "${raw}" has ${fraction.length} decimal places but ${currency} allows ${exponent}`;
    return { code: 'TOO_MANY_DECIMALS', reason };
  }
  return parseMajor(`${decimal.isNegative ? '-' : ''}${decimal.whole}.${fraction}`, exponent);
}

/** Syntax check alone, for rows whose currency is unknown so their decimals cannot be judged. */
export function isAmountText(raw: string): boolean {
  return readPlainAmount(raw, 0) !== null || readFormattedDecimal(raw) !== null;
}

export function badAmountReason(raw: string, what: string): string {
  return `bad ${what} "${raw}" (use a number like 1234.56)`;
}

const MAX_SAFE_DIGITS = 15;

/**
 * Fast path for the common "1234.56" and "1,234.56" (digits, well-grouped commas, at most one inner
 * dot, within the currency's decimals, at most 15 significant digits): computed in a safe-integer
 * number without building strings. Null means "take the general path", not "invalid".
 */
function readPlainAmount(raw: string, exponent: number): bigint | null {
  const n = raw.length;
  if (n === 0 || n > 2 * MAX_SAFE_DIGITS) return null;
  let value = 0;
  let digits = 0;
  let wholeDigits = 0;
  let decimals = 0;
  let isFraction = false;
  let commas = 0;
  let sinceComma = 0;
  for (let i = 0; i < n; i += 1) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits += 1;
      if (isFraction) decimals += 1;
      else {
        wholeDigits += 1;
        sinceComma += 1;
      }
    } else if (c === 46 && !isFraction && wholeDigits > 0 && i < n - 1) {
      if (commas > 0 && sinceComma !== 3) return null;
      isFraction = true;
    } else if (
      c === 44 &&
      !isFraction &&
      sinceComma >= 1 &&
      sinceComma <= 3 &&
      (commas === 0 || sinceComma === 3)
    ) {
      commas += 1;
      sinceComma = 0;
    } else return null;
  }
  // Past 15 digits the running value may have lost precision: leave those to the general path.
  if (digits > MAX_SAFE_DIGITS || (commas > 0 && !isFraction && sinceComma !== 3)) return null;
  while (decimals > exponent && value % 10 === 0) {
    value /= 10;
    decimals -= 1;
  }
  if (decimals > exponent || wholeDigits + exponent > MAX_SAFE_DIGITS) return null;
  return BigInt(value * 10 ** (exponent - decimals));
}

type Decimal = { readonly isNegative: boolean; readonly whole: string; readonly fraction: string };

const SYMBOLS = /^[¥$€£]/u;
const GROUPED = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/;

function readFormattedDecimal(raw: string): Decimal | null {
  let t = raw.normalize('NFKC').trim();
  let isNegative = false;
  if (t.startsWith('(') && t.endsWith(')')) {
    isNegative = true;
    t = t.slice(1, -1).trim();
  }
  let hasSign = false;
  for (let pass = 0; pass < 2; pass += 1) {
    // One sign, before or after the symbol: "-¥12.00" and "¥-12.00".
    if (!hasSign && (t.startsWith('-') || t.startsWith('+'))) {
      if (isNegative) return null; // "(-5)" says negative twice
      hasSign = true;
      isNegative = t.startsWith('-');
      t = t.slice(1).trim();
    }
    if (pass === 0) t = t.replace(SYMBOLS, '').trim();
  }
  const m = GROUPED.exec(t);
  if (!m || (m[1] === undefined && !m[2])) return null;
  return { isNegative, whole: (m[1] ?? '0').replace(/,/g, ''), fraction: m[2] ?? '' };
}
