import { type BusinessDate, isBusinessDate } from '../../../../shared/time/index.ts';

/** Two-digit years: 80-99 are the 1900s, 00-79 the 2000s (MT940 files go back to the 1990s). */
function fullYear(yy: number): number {
  return yy >= 80 ? 1900 + yy : 2000 + yy;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A calendar date from year, month and day. German savings banks date the quarterly account
 * settlement "30 February" (a banking month of 30 days); that, and 29 February in a common
 * year, is read as the last day of February. Any other impossible date is refused (null).
 */
function toDate(year: number, month: number, day: number): BusinessDate | null {
  const clamped = month === 2 && (day === 29 || day === 30) ? Math.min(day, daysInMonth(year, 2)) : day;
  const text = `${year}-${String(month).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`;
  return isBusinessDate(text) ? text : null;
}

/** YYMMDD, or null when it is not a date. */
export function parseYymmdd(text: string): BusinessDate | null {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  return toDate(fullYear(Number(m[1])), Number(m[2]), Number(m[3]));
}

/**
 * The entry (booking) date MMDD of a statement line takes its year from the value date, rolled
 * over across the new year: a value date of 31 December booked on 0102 is booked in January of
 * the next year, a value date of 2 January booked on 1231 in December of the year before.
 */
export function parseEntryDate(mmdd: string, valueDate: BusinessDate): BusinessDate | null {
  const m = /^(\d{2})(\d{2})$/.exec(mmdd);
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const valueYear = Number(valueDate.slice(0, 4));
  const valueMonth = Number(valueDate.slice(5, 7));
  let year = valueYear;
  if (valueMonth - month > 6) year = valueYear + 1;
  else if (month - valueMonth > 6) year = valueYear - 1;
  return toDate(year, month, day);
}
