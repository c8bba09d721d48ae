import type { Locale } from '../i18n/catalogue.ts';

/**
 * Money as the API sends it (a decimal string in the currency's unit, e.g. "1234.50") formatted
 * for a language. Intl formats the decimal string exactly: no float is ever made of it.
 */
export function formatMoney(amount: string | null | undefined, currency: string, locale: Locale): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const f = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code' });
  return f.format(amount as Intl.StringNumericLiteral);
}

/** The number without its currency code (for table columns headed by the currency). */
export function formatAmount(amount: string | null | undefined, currency: string, locale: Locale): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  const f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return f.format(amount as Intl.StringNumericLiteral);
}

/** A business date ('YYYY-MM-DD') in the language's form; never shifted by the browser's time zone. */
export function formatDate(date: string | null | undefined, locale: Locale): string {
  if (!date) return '—';
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return date;
  const f = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  });
  return f.format(new Date(Date.UTC(y, m - 1, d)));
}

/** An event time (ISO timestamp) in the viewer's time zone. */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  const f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return f.format(new Date(iso));
}

export function formatNumber(value: number | string | null | undefined, locale: Locale, digits = 1): string {
  if (value === null || value === undefined || value === '') return '—';
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
  return f.format(value as number);
}

export function formatPercent(ratio: number | null | undefined, locale: Locale, digits = 1): string {
  if (ratio === null || ratio === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(ratio);
}
