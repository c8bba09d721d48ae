import {
  currencyExponent,
  isCurrencyCode,
  MoneyFormatError,
  parseMajor,
} from '../../../../shared/money/index.ts';
import { type BusinessDate, isBusinessDate } from '../../../../shared/time/index.ts';

/** A value that does not read; the caller names the element. */
export class OfxValueError extends Error {}

// YYYYMMDD[HHMM[SS[.XXX]]][ [gmt offset[:tz name]] ]
const DATE_TIME =
  /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(?:(\d{2})(?:[.:]\d{1,6})?)?)?\s*(?:\[\s*(?:[+-]?\d{1,2}(?:[.:]\d{1,2})?)?(?::[A-Za-z0-9 _+-]*)?\s*\])?$/;

/**
 * The business date of an OFX date-time. The calendar date is taken as the bank wrote it, in the
 * bank's own time zone: moving it to UTC would shift late entries to another day.
 */
export function parseOfxDate(text: string): BusinessDate {
  const m = DATE_TIME.exec(text.trim());
  if (!m) throw new OfxValueError(`bad date "${text}" (expected YYYYMMDD[HHMMSS[.XXX]][offset:TZ])`);
  const [, year, month, day, hour = '00', minute = '00', second = '00'] = m;
  const date = `${year}-${month}-${day}`;
  if (!isBusinessDate(date)) throw new OfxValueError(`bad date "${text}": ${date} does not exist`);
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60) {
    throw new OfxValueError(`bad date "${text}": the time of day is out of range`);
  }
  return date;
}

/** The currency a statement or transaction names (CURDEF, CURSYM), if it is one we know. */
export function parseOfxCurrency(text: string): string {
  const code = text.trim().toUpperCase();
  if (!isCurrencyCode(code)) throw new OfxValueError(`unknown currency "${text}"`);
  return code;
}

/**
 * An OFX amount in minor units. The standard allows a comma as the decimal mark and no grouping,
 * so "1,50" is 1.50; decimals beyond the currency's are accepted only when they are zeros.
 */
export function parseOfxAmount(text: string, currency: string): bigint {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(trimmed)) throw new OfxValueError(`bad amount "${text}"`);
  try {
    return parseMajor(trimmed.replace(',', '.'), currencyExponent(currency));
  } catch (error) {
    if (error instanceof MoneyFormatError) {
      throw new OfxValueError(`bad amount "${text}": more decimals than ${currency} has`);
    }
    throw error;
  }
}
