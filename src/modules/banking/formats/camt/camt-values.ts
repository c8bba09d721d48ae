import { currencyExponent, isCurrencyCode } from '../../../../shared/money/index.ts';
import { type BusinessDate, isBusinessDate } from '../../../../shared/time/index.ts';
import type { CamtCursor } from './camt-cursor.ts';

export type CamtAmount = { amountMinor: bigint; currency: string };

// ISO 20022 amounts: unsigned, a dot, at most 5 decimals (more are rejected too).
const AMOUNT = /^(\d+)(?:\.(\d+))?$/;

/** Reads an amount element with its Ccy attribute into unsigned minor units. */
export function readAmount(amt: CamtCursor): CamtAmount {
  const currency = amt.attribute('Ccy') ?? amt.fail('the amount has no Ccy attribute');
  if (!isCurrencyCode(currency)) amt.fail(`unknown currency "${currency}"`);
  const text = amt.text() ?? amt.fail('the amount is empty');
  const m = AMOUNT.exec(text);
  if (!m) return amt.fail(`not an ISO 20022 amount: "${text}" (digits with an optional dot and decimals)`);
  const [, whole = '', fraction = ''] = m;
  const exponent = currencyExponent(currency);
  const kept = fraction.slice(0, exponent);
  if (/[^0]/.test(fraction.slice(exponent))) {
    amt.fail(`"${text}" has more decimals than ${currency} has (${exponent}) and they are not zeros`);
  }
  return { amountMinor: BigInt(whole + kept.padEnd(exponent, '0')), currency };
}

/** +1 for CRDT (money in), -1 for DBIT (money out), from a CdtDbtInd child. */
export function readSign(parent: CamtCursor): 1n | -1n {
  const indicator = parent.requiredText('CdtDbtInd');
  if (indicator === 'CRDT') return 1n;
  if (indicator === 'DBIT') return -1n;
  return parent.fail(`CdtDbtInd must be CRDT or DBIT, not "${indicator}"`, `${parent.path}/CdtDbtInd`);
}

const DATE = /^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;

/**
 * The business date of a DateAndDateTimeChoice (<Dt> or <DtTm>). A date-time keeps the calendar
 * date the bank wrote: converting to UTC would move late bookings in UTC+ zones to the day before.
 */
export function readDateChoice(choice: CamtCursor): BusinessDate {
  const dt = choice.optional('Dt');
  const dtTm = choice.optional('DtTm');
  if (dt && dtTm) choice.fail('both <Dt> and <DtTm> are given; the standard allows one');
  const cursor = dt ?? dtTm ?? choice.fail('neither <Dt> nor <DtTm> is given');
  const text = cursor.text() ?? cursor.fail('the date is empty');
  const m = (dt ? DATE : DATE_TIME).exec(text);
  const date = m?.[1];
  if (date === undefined || !isBusinessDate(date)) {
    return cursor.fail(
      `not a valid ${dt ? 'date (YYYY-MM-DD)' : 'date-time (YYYY-MM-DDThh:mm:ss)'}: "${text}"`,
    );
  }
  return date;
}

/** The calendar date of an ISODateTime element (<ToDtTm>, <CreDtTm>), as written. */
export function readDateTime(cursor: CamtCursor): BusinessDate {
  const text = cursor.text() ?? cursor.fail('the date-time is empty');
  const date = DATE_TIME.exec(text)?.[1];
  if (date === undefined || !isBusinessDate(date))
    return cursor.fail(`not a valid date-time (YYYY-MM-DDThh:mm:ss): "${text}"`);
  return date;
}
