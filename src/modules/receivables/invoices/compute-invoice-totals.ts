import { currencyExponent, divRound, parseMajor, parseRate } from '../../../shared/money/index.ts';

export type StoredLine = {
  description: string;
  quantity: string;
  unit_price_minor: string;
  amount_minor: string;
  tax_rate: string;
  tax_minor: string;
};

export type InvoiceTotals = {
  lines: StoredLine[];
  subtotalMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
};

/**
 * Line amount = quantity x unit price, tax = amount x rate, each rounded half-up to the minor unit
 * on its own line (as a VAT invoice prints them); totals are sums of the rounded lines.
 */
export function computeInvoiceTotals(
  lines: readonly { description: string; quantity: string; unit_price: string; tax_rate: string }[],
  currency: string,
): InvoiceTotals {
  const exp = currencyExponent(currency);
  let subtotal = 0n;
  let tax = 0n;
  const stored = lines.map((l) => {
    const qty = parseRate(l.quantity === '0' ? '0.0' : l.quantity);
    const unit = parseMajor(l.unit_price, exp);
    const amount = divRound(unit * qty.numerator, qty.denominator, 'half-up');
    const rate = l.tax_rate === '0' ? { numerator: 0n, denominator: 1n } : parseRate(l.tax_rate);
    const lineTax = divRound(amount * rate.numerator, rate.denominator, 'half-up');
    subtotal += amount;
    tax += lineTax;
    return {
      description: l.description,
      quantity: l.quantity,
      unit_price_minor: unit.toString(),
      amount_minor: amount.toString(),
      tax_rate: l.tax_rate,
      tax_minor: lineTax.toString(),
    };
  });
  return { lines: stored, subtotalMinor: subtotal, taxMinor: tax, totalMinor: subtotal + tax };
}
