import { type CurrencyCode, isCurrencyCode } from '../money/index.ts';

// Spellings Chinese exports use instead of ISO codes.
const ALIASES: Record<string, string> = {
  RMB: 'CNY',
  人民币: 'CNY',
  元: 'CNY',
  美元: 'USD',
  美金: 'USD',
  欧元: 'EUR',
  港币: 'HKD',
  港元: 'HKD',
  日元: 'JPY',
  英镑: 'GBP',
};

/** An ISO 4217 code (any case) or a common Chinese name, as a known currency; null otherwise. */
export function parseCurrencyCell(raw: string): CurrencyCode | null {
  const upper = raw.trim().toUpperCase();
  if (isCurrencyCode(upper)) return upper;
  const alias = Object.hasOwn(ALIASES, upper) ? ALIASES[upper] : undefined;
  return alias !== undefined && isCurrencyCode(alias) ? alias : null;
}
