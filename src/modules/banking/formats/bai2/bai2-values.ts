import { type BusinessDate, isBusinessDate } from '../../../../shared/time/index.ts';
import type { Reject } from './bai2.types.ts';

/** YYMMDD; BAI2 has two-digit years: 70-99 are 19xx, 00-69 are 20xx. */
export function parseYymmdd(text: string, what: string, line: number, reject: Reject): BusinessDate {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  const year = m ? `${Number(m[1]) >= 70 ? '19' : '20'}${m[1]}` : '';
  const iso = m ? `${year}-${m[2]}-${m[3]}` : '';
  if (!isBusinessDate(iso)) reject(line, `${what} "${text}" is not a valid date (YYMMDD)`);
  return iso;
}

/** HHMM (2400 and 9999 mean end of day); may be blank. */
export function checkTime(text: string, what: string, line: number, reject: Reject): void {
  if (text === '' || text === '9999') return;
  const m = /^(\d{2})(\d{2})$/.exec(text);
  const ok = m && (Number(m[1]) < 24 || text === '2400') && Number(m[2]) < 60;
  if (!ok) reject(line, `${what} "${text}" is not a valid time (HHMM)`);
}

/**
 * An amount in minor units, no decimal point (the currency's decimals are implied). Summary and
 * trailer amounts may carry a sign; detail amounts may not, their type code gives the direction.
 */
export function parseAmount(
  text: string,
  what: string,
  line: number,
  reject: Reject,
  isSigned: boolean,
): bigint {
  const pattern = isSigned ? /^[+-]?\d+$/ : /^\+?\d+$/;
  if (!pattern.test(text)) {
    const expected = isSigned ? 'digits with an optional sign' : 'digits without a sign';
    reject(line, `${what} "${text}" is not an amount (${expected}, in minor units)`);
  }
  const negative = text.startsWith('-');
  const magnitude = BigInt(text.replace(/^[+-]/, ''));
  return negative ? -magnitude : magnitude;
}

export function parseOptionalAmount(text: string, what: string, line: number, reject: Reject): bigint | null {
  return text === '' ? null : parseAmount(text, what, line, reject, true);
}

export function parseCount(text: string | undefined, what: string, line: number, reject: Reject): number {
  if (text === undefined || !/^\d+$/.test(text)) reject(line, `${what} "${text ?? ''}" is not a number`);
  return Number(text);
}

/** A mandatory field: present and not blank. */
export function required(text: string | undefined, what: string, line: number, reject: Reject): string {
  if (text === undefined || text === '') return reject(line, `${what} is missing`);
  return text;
}

export type Direction = 'credit' | 'debit' | 'other';

/** 100-399 credits (money in), 400-699 debits; the rest are status, summary, loan or custom codes. */
export function directionOf(typeCode: string): Direction {
  const code = Number(typeCode);
  if (code >= 100 && code <= 399) return 'credit';
  if (code >= 400 && code <= 699) return 'debit';
  return 'other';
}

export function checkTypeCode(text: string, what: string, line: number, reject: Reject): string {
  if (!/^\d{3}$/.test(text)) reject(line, `${what} "${text}" is not a three-digit type code`);
  return text;
}
