import { minorToDecimal } from '../../../shared/money/index.ts';

/** Minor units as people read them on paper: thousands grouped, "-1,234.50". */
export function formatAmount(amountMinor: bigint, currency: string): string {
  return groupThousands(minorToDecimal(amountMinor, currency));
}

/** Groups the whole part of a decimal string ("-1234567.5" -> "-1,234,567.5"). */
export function groupThousands(decimal: string): string {
  const negative = decimal.startsWith('-');
  const body = negative ? decimal.slice(1) : decimal;
  const dot = body.indexOf('.');
  const whole = dot === -1 ? body : body.slice(0, dot);
  const frac = dot === -1 ? '' : body.slice(dot);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${frac}`;
}
