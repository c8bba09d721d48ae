import { isCurrencyCode } from '../../../../shared/money/index.ts';
import type { GroupHeader, LogicalRecord, Reject } from './bai2.types.ts';
import { checkTime, parseYymmdd, required } from './bai2-values.ts';
import { FieldCursor } from './field-cursor.ts';

/** 01: sender, receiver, creation date and time, file id, record length, block size, version. */
export function readFileHeader(record: LogicalRecord, reject: Reject): void {
  const cursor = new FieldCursor(record);
  const line = record.line;
  required(cursor.next(), 'sender identification (01)', line, reject);
  required(cursor.next(), 'receiver identification (01)', line, reject);
  parseYymmdd(cursor.next() ?? '', 'file creation date (01)', line, reject);
  checkTime(cursor.next() ?? '', 'file creation time (01)', line, reject);
  required(cursor.next(), 'file identification number (01)', line, reject);
  cursor.next();
  cursor.next();
  const version = cursor.next();
  if (version !== '2')
    reject(line, `version number "${version ?? ''}" in the file header 01 is not 2 (BAI2)`);
}

/**
 * 02: receiver, originator, group status, as-of date and time, currency, as-of-date modifier.
 * Deletion (2) and test-only (4) groups carry no bookings to import, so they refuse the file.
 */
export function readGroupHeader(record: LogicalRecord, reject: Reject): GroupHeader {
  const cursor = new FieldCursor(record);
  const line = record.line;
  cursor.next();
  required(cursor.next(), 'originator identification (02)', line, reject);
  const status = cursor.next() ?? '';
  if (status === '2')
    reject(line, 'group status 2 (deletion) retracts an earlier report; import the corrected file');
  if (status === '4') reject(line, 'group status 4 marks a test-only group, not real bookings');
  if (status !== '1' && status !== '3')
    reject(line, `group status "${status}" is not 1 (update) or 3 (correction)`);
  const asOfDate = parseYymmdd(cursor.next() ?? '', 'as-of date (02)', line, reject);
  checkTime(cursor.next() ?? '', 'as-of time (02)', line, reject);
  const currency = readCurrency(cursor.next() ?? '', 'USD', line, reject);
  const modifier = cursor.next() ?? '';
  if (!['', '1', '2', '3', '4'].includes(modifier))
    reject(line, `as-of-date modifier "${modifier}" is not 1, 2, 3 or 4`);
  return { asOfDate, currency, line };
}

/** A blank currency falls back to the level above (group: USD, account: the group's). */
export function readCurrency(text: string, fallback: string, line: number, reject: Reject): string {
  const code = text === '' ? fallback : text;
  if (!isCurrencyCode(code)) reject(line, `currency code "${code}" is not a known ISO 4217 currency`);
  return code;
}
