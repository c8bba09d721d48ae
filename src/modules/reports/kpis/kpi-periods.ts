import { addDays, type BusinessDate, daysBetween } from '../../../shared/time/index.ts';

/** A calendar month, cut at `asOf` when it is asOf's own month (later days do not exist yet). */
export type MonthPeriod = { month: string; from: BusinessDate; to: BusinessDate; days: number };

/** The first day of the month `offset` months from `date`'s month ('YYYY-MM-DD'). */
export function monthStart(date: BusinessDate, offset = 0): BusinessDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + offset;
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01` as BusinessDate;
}

/** The month of `date` as a period, ending at `cap` if that comes first. */
export function monthPeriod(date: BusinessDate, cap: BusinessDate): MonthPeriod {
  const from = monthStart(date);
  const end = addDays(monthStart(date, 1), -1);
  const to = end < cap ? end : cap;
  return { month: from.slice(0, 7), from, to, days: daysBetween(from, to) + 1 };
}

/** The last `months` calendar months ending with asOf's month, oldest first; the last ends at asOf. */
export function trendMonths(asOf: BusinessDate, months: number): MonthPeriod[] {
  const out: MonthPeriod[] = [];
  for (let k = months - 1; k >= 0; k -= 1) out.push(monthPeriod(monthStart(asOf, -k), asOf));
  return out;
}

/** Every month from `first`'s month to asOf's month, oldest first (the countback walks these). */
export function monthsBetween(first: BusinessDate, asOf: BusinessDate): MonthPeriod[] {
  const out: MonthPeriod[] = [];
  for (let d = monthStart(first); d <= asOf; d = monthStart(d, 1)) out.push(monthPeriod(d, asOf));
  return out;
}

/** The earlier of a date and the first day of a month ('YYYY-MM'), when there is one. */
export function earliest(date: BusinessDate, month: string | undefined): BusinessDate {
  const first = month === undefined ? date : (`${month}-01` as BusinessDate);
  return first < date ? first : date;
}
