import type { Detail, LogicalRecord, Reject, Warn } from './bai2.types.ts';
import { checkTypeCode, parseAmount } from './bai2-values.ts';
import { FieldCursor } from './field-cursor.ts';
import { readFundsType } from './read-funds-type.ts';

/**
 * 16: type code, amount, funds type (and its fields), bank reference, customer reference, text.
 * The text runs to the end of the record and its 88 continuations, commas and slashes included.
 */
export function readTransactionDetail(record: LogicalRecord, reject: Reject, warn: Warn): Detail {
  const cursor = new FieldCursor(record);
  const line = record.line;
  const typeCode = checkTypeCode(cursor.next() ?? '', 'detail type code (16)', line, reject);
  const amountMinor = parseAmount(
    cursor.next() ?? '',
    `amount of the ${typeCode} detail (16)`,
    line,
    reject,
    false,
  );
  const funds = readFundsType(cursor, amountMinor, reject, warn);
  const bankReference = cursor.next() ?? '';
  const customerReference = cursor.next() ?? '';
  const text = cursor.rest();
  return { typeCode, amountMinor, valueDate: funds.valueDate, bankReference, customerReference, text, line };
}
