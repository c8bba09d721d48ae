/**
 * Exact money arithmetic for the invoice forms: amounts as bigint minor units, rates as
 * fractions, rounding half-up per line like the server (src/modules/receivables/invoices/
 * compute-invoice-totals.ts). Never a float.
 */

const AMOUNT = /^\d+(\.\d+)?$/;

/** Minor-unit digits of a currency (CNY 2, JPY 0), from the browser's currency data. */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

export function isAmount(text: string | undefined | null, digits: number): boolean {
  if (!text) return false;
  const t = text.trim();
  return AMOUNT.test(t) && (t.split('.')[1] ?? '').length <= digits;
}

/** "1234.5" in a 2-digit currency -> 123450n; null when it is not a plain positive decimal. */
export function toMinor(text: string | undefined | null, digits: number): bigint | null {
  if (!isAmount(text, digits)) return null;
  const [whole = '0', frac = ''] = (text as string).trim().split('.');
  return BigInt(whole + frac.padEnd(digits, '0'));
}

/** 123450n -> "1234.50": the decimal string the API and `formatMoney` take. */
export function fromMinor(minor: bigint, digits: number): string {
  const negative = minor < 0n;
  const s = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = s.slice(0, s.length - digits);
  const frac = digits > 0 ? `.${s.slice(s.length - digits)}` : '';
  return `${negative ? '-' : ''}${whole}${frac}`;
}

type Fraction = { n: bigint; d: bigint };

function fraction(text: string): Fraction | null {
  const t = text.trim();
  if (!AMOUNT.test(t)) return null;
  const [whole = '0', frac = ''] = t.split('.');
  return { n: BigInt(whole + frac), d: 10n ** BigInt(frac.length) };
}

function divHalfUp(n: bigint, d: bigint): bigint {
  const q = n / d;
  return (n % d) * 2n >= d ? q + 1n : q;
}

export type LineInput = { quantity?: string; unit_price?: string; tax_rate?: string };
export type LineTotals = { amount: bigint; tax: bigint } | null;

/** Amount = quantity x unit price and tax = amount x rate, each rounded half-up; null if incomplete. */
export function lineTotals(line: LineInput, digits: number): LineTotals {
  const qty = fraction(line.quantity?.trim() || '1');
  const unit = toMinor(line.unit_price, digits);
  const rate = fraction(line.tax_rate?.trim() || '0');
  if (!qty || unit === null || !rate) return null;
  const amount = divHalfUp(unit * qty.n, qty.d);
  return { amount, tax: divHalfUp(amount * rate.n, rate.d) };
}

export function sumLines(lines: readonly LineInput[], digits: number) {
  let subtotal = 0n;
  let tax = 0n;
  for (const l of lines) {
    const t = lineTotals(l, digits);
    if (!t) continue;
    subtotal += t.amount;
    tax += t.tax;
  }
  return { subtotal, tax, total: subtotal + tax };
}

export function isZeroAmount(text: string): boolean {
  return /^-?0*(\.0*)?$/.test(text);
}
