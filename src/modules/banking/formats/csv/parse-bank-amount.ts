import type { CurrencyCode } from '../../../../shared/money/index.ts';
import { parseAmountCell } from '../../../../shared/tabular/index.ts';

export type AmountCell = { readonly value: bigint | null } | { readonly problem: string };

const EMPTY = /^[-—]{0,2}$/u;
const EUROPEAN = /^([+-])?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s*(-)?$/;
const TRAILING_UNIT = /\s*(?:€|EUR|[A-Z]{3})$/u;

/**
 * An amount cell in minor units; value null when the cell is empty or a lone "-" (how Chinese
 * exports mark the unused income/expense column). Decimal-point cells take the shared reader (¥,
 * "1,234.56", "(12.00)"); decimal-comma cells ("1.234,56", "-12,50", "12,50-") are rewritten for
 * it only when their dots group by three, so "1,234" can never be misread as a thousand.
 */
export function parseBankAmount(
  raw: string,
  currency: CurrencyCode,
  decimal: '.' | ',',
  what: string,
): AmountCell {
  const text = raw.trim();
  if (EMPTY.test(text)) return { value: null };
  let plain = text;
  if (decimal === ',') {
    const m = EUROPEAN.exec(text.replace(TRAILING_UNIT, ''));
    if (!m) return { problem: `bad ${what} "${text}" (use a number like 1.234,56)` };
    const [, sign = '', whole = '', fraction = '', trailingMinus] = m;
    if (sign !== '' && trailingMinus) return { problem: `bad ${what} "${text}" (two signs)` };
    plain = `${trailingMinus ? '-' : sign}${whole.replace(/\./g, '')}${fraction ? `.${fraction}` : ''}`;
  }
  const parsed = parseAmountCell(plain, currency, what);
  if (typeof parsed === 'bigint') return { value: parsed };
  return { problem: decimal === ',' ? parsed.reason.replace(`"${plain}"`, `"${text}"`) : parsed.reason };
}

/** Balances anonymised in the export ("xx,yyyy.zz", "***"): unknown, not an error. */
export function isMaskedNumber(raw: string): boolean {
  const text = raw.trim();
  return /[xyz*]/i.test(text) && /^[xyz*,.\s-]+$/i.test(text);
}
