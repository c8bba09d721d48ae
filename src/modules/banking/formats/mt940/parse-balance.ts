import type { BusinessDate } from '../../../../shared/time/index.ts';
import { parseYymmdd } from './mt940-date.ts';

/** A balance field (:60F:, :60M:, :62F:, :62M:, :64:, :65:) before the amount gets its currency's digits. */
export type RawBalance = { mark: 'C' | 'D'; date: BusinessDate; currency: string | null; amountText: string };

/**
 * D/C mark, YYMMDD, currency, amount. A few German test files leave the currency out of the
 * closing balance ("C020315105000,00"); letters and digits cannot be confused, so the currency
 * is then null and taken from the statement.
 */
export function parseBalance(value: string): RawBalance | string {
  const m = /^([CD])(\d{6})([A-Z]{3})?(\d+(?:,\d*)?)$/.exec(value.trim());
  if (!m) return `"${value}" is not a balance (C or D, YYMMDD, currency, amount with a decimal comma)`;
  const date = parseYymmdd(m[2] ?? '');
  if (!date) return `"${m[2]}" is not a date (YYMMDD)`;
  return { mark: m[1] === 'D' ? 'D' : 'C', date, currency: m[3] ?? null, amountText: m[4] ?? '' };
}

/** MT942 :34F: floor limit: currency, optional D/C, amount. Only checked for form. */
export function parseFloorLimit(value: string): { currency: string; amountText: string } | string {
  const m = /^([A-Z]{3})[CD]?(\d+(?:,\d*)?)$/.exec(value.trim());
  if (!m) return `"${value}" is not a floor limit (currency, optional D or C, amount)`;
  return { currency: m[1] ?? '', amountText: m[2] ?? '' };
}

/** MT942 :90D: / :90C: number and sum of the debit or credit entries. */
export function parseEntryTotals(
  value: string,
): { count: number; currency: string; amountText: string } | string {
  const m = /^(\d{1,5})([A-Z]{3})(\d+(?:,\d*)?)$/.exec(value.trim());
  if (!m) return `"${value}" is not an entry total (count, currency, amount)`;
  return { count: Number(m[1]), currency: m[2] ?? '', amountText: m[3] ?? '' };
}

/** MT942 :13D: date and time of the report, YYMMDDHHMM and a UTC offset. */
export function parseReportTime(value: string): { date: BusinessDate } | string {
  const m = /^(\d{6})([01]\d|2[0-3])[0-5]\d[+-]\d{4}$/.exec(value.trim());
  const date = m ? parseYymmdd(m[1] ?? '') : null;
  return date ? { date } : `"${value}" is not a date and time (YYMMDDHHMM+HHMM)`;
}
