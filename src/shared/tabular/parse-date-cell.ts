import { type BusinessDate, DateFormatError, parseLooseDate } from '../time/index.ts';

const MAX_CACHED = 50_000;

/**
 * Returns a date-cell reader: 2025-01-31, 2025/1/31, 20250131, 2025年1月31日 -> BusinessDate, or
 * null. Canonical YYYY-MM-DD cells (nearly all of a big file) are checked by character codes with
 * the same rules as `isBusinessDate` and interned by day, so a million rows share a few hundred
 * date strings instead of each keeping its own. Other spellings go through `parseLooseDate`,
 * memoised. Use one reader per file.
 */
export function createDateCellParser(): (raw: string) => BusinessDate | null {
  const memo = new Map<string, BusinessDate | null>();
  const byDay = new Map<number, BusinessDate>();
  return (raw) => {
    const day = canonicalDay(raw);
    if (day >= 0) {
      const interned = byDay.get(day);
      if (interned !== undefined) return interned;
      byDay.set(day, raw as BusinessDate);
      return raw as BusinessDate;
    }
    const known = memo.get(raw);
    if (known !== undefined) return known;
    let parsed: BusinessDate | null;
    try {
      // NFKC first: full-width digits (２０２５年１月３１日) are common in Chinese spreadsheets.
      parsed = parseLooseDate(raw.normalize('NFKC'));
    } catch (e) {
      if (!(e instanceof DateFormatError)) throw e;
      parsed = null;
    }
    if (memo.size < MAX_CACHED) memo.set(raw, parsed);
    return parsed;
  };
}

export function badDateReason(raw: string): string {
  return `bad date "${raw}" (use YYYY-MM-DD)`;
}

/** A dense index of a valid YYYY-MM-DD (years 1900-2999), or -1 for anything else. */
function canonicalDay(t: string): number {
  if (t.length !== 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return -1;
  const year = digits(t, 0, 4);
  const month = digits(t, 5, 7);
  const day = digits(t, 8, 10);
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return -1;
  if (day > daysInMonth(year, month)) return -1;
  return ((year - 1900) * 12 + (month - 1)) * 31 + (day - 1);
}

/** The number written in t[from, to), or -1 if any character is not a digit. */
function digits(t: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i += 1) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    value = value * 10 + (c - 48);
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
