import type { AccountIdentifier, LogicalRecord, Reject, Summary, Warn } from './bai2.types.ts';
import { checkTypeCode, parseOptionalAmount, required } from './bai2-values.ts';
import { FieldCursor } from './field-cursor.ts';
import { readFundsType } from './read-funds-type.ts';
import { readCurrency } from './read-headers.ts';

/**
 * 03: account number, currency, then any number of (type code, amount, item count, funds type
 * and its fields) groups, continued over 88 records. An all-blank group says nothing.
 */
export function readAccountIdentifier(
  record: LogicalRecord,
  groupCurrency: string,
  reject: Reject,
  warn: Warn,
): AccountIdentifier {
  const cursor = new FieldCursor(record);
  const number = required(cursor.next(), 'customer account number (03)', record.line, reject);
  const currency = readCurrency(cursor.next() ?? '', groupCurrency, record.line, reject);
  const summaries: Summary[] = [];
  for (let typeText = cursor.next(); typeText !== undefined; typeText = cursor.next()) {
    const line = cursor.line;
    const amountText = cursor.next() ?? '';
    const itemCount = cursor.next() ?? '';
    if (typeText === '') {
      if (amountText !== '' || itemCount !== '')
        reject(line, `account ${number}: an amount without a type code`);
      readFundsType(cursor, null, reject, warn);
      continue;
    }
    const typeCode = checkTypeCode(typeText, `account ${number}: type code`, line, reject);
    const amountMinor = parseOptionalAmount(
      amountText,
      `account ${number}: amount for type ${typeCode}`,
      line,
      reject,
    );
    if (itemCount !== '' && !/^\d+$/.test(itemCount))
      reject(line, `account ${number}: item count "${itemCount}" for type ${typeCode} is not a number`);
    readFundsType(cursor, amountMinor, reject, warn);
    summaries.push({ typeCode, amountMinor });
  }
  return { number, currency, summaries, line: record.line };
}
