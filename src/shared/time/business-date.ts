/** A calendar date of business meaning, 'YYYY-MM-DD'. Never a timestamp. */
export type BusinessDate = string & { readonly __date: unique symbol };

export class DateFormatError extends Error {}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isBusinessDate(text: string): text is BusinessDate {
  const m = ISO.exec(text);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1900 && y <= 2999 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function businessDate(text: string): BusinessDate {
  if (!isBusinessDate(text)) throw new DateFormatError(`not a valid date (YYYY-MM-DD): "${text}"`);
  return text;
}

/**
 * Accepts the date spellings finance exports use: 2025-01-31, 2025/1/31, 2025.01.31, 20250131,
 * 2025年1月31日. Day-first or month-first forms are ambiguous and rejected.
 */
export function parseLooseDate(input: string): BusinessDate {
  const t = input.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
  m ??= /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  m ??= /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) throw new DateFormatError(`not a valid date: "${input}" (use YYYY-MM-DD)`);
  const text = `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`;
  if (!isBusinessDate(text)) throw new DateFormatError(`not a valid date: "${input}"`);
  return text;
}

function toUtcDays(d: BusinessDate): number {
  const m = ISO.exec(d);
  if (!m) throw new DateFormatError(`not a valid date: "${d}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

function fromUtcDays(days: number): BusinessDate {
  return new Date(days * 86_400_000).toISOString().slice(0, 10) as BusinessDate;
}

export function addDays(d: BusinessDate, days: number): BusinessDate {
  return fromUtcDays(toUtcDays(d) + days);
}

/** b - a in whole days. */
export function daysBetween(a: BusinessDate, b: BusinessDate): number {
  return toUtcDays(b) - toUtcDays(a);
}

export function compareDates(a: BusinessDate, b: BusinessDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(a: BusinessDate, b: BusinessDate): BusinessDate {
  return a > b ? a : b;
}
