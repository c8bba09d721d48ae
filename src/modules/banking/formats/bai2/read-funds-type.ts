import type { BusinessDate } from '../../../../shared/time/index.ts';
import type { Reject, Warn } from './bai2.types.ts';
import { checkTime, parseAmount, parseCount, parseOptionalAmount, parseYymmdd } from './bai2-values.ts';
import type { FieldCursor } from './field-cursor.ts';

export type FundsType = { code: string; valueDate: BusinessDate | null };

/**
 * Reads the funds type and the fields it brings: V a value date and time, S three availability
 * amounts, D a count of (days, amount) pairs; 0, 1, 2, Z and blank bring none. The availability
 * amounts should add up to the amount they distribute; when they do not, the amount stands and
 * the difference is a warning.
 */
export function readFundsType(
  cursor: FieldCursor,
  amount: bigint | null,
  reject: Reject,
  warn: Warn,
): FundsType {
  const line = cursor.line;
  const code = cursor.next() ?? '';
  switch (code) {
    case '':
    case '0':
    case '1':
    case '2':
    case 'Z':
      return { code, valueDate: null };
    case 'V': {
      const valueDate = parseYymmdd(cursor.next() ?? '', 'value date', cursor.line, reject);
      checkTime(cursor.next() ?? '', 'value time', cursor.line, reject);
      return { code, valueDate };
    }
    case 'S': {
      const parts = [cursor.next(), cursor.next(), cursor.next()].map((text) =>
        parseOptionalAmount(text ?? '', 'availability amount (funds type S)', cursor.line, reject),
      );
      checkDistribution(parts, amount, 'S', line, warn);
      return { code, valueDate: null };
    }
    case 'D': {
      const count = parseCount(cursor.next(), 'number of distributions (funds type D)', cursor.line, reject);
      const parts: bigint[] = [];
      for (let i = 0; i < count; i++) {
        parseCount(cursor.next(), 'availability days (funds type D)', cursor.line, reject);
        parts.push(
          parseAmount(cursor.next() ?? '', 'availability amount (funds type D)', cursor.line, reject, true),
        );
      }
      checkDistribution(parts, amount, 'D', line, warn);
      return { code, valueDate: null };
    }
    default:
      return reject(line, `funds type "${code}" is not one of 0, 1, 2, V, S, D, Z`);
  }
}

function checkDistribution(
  parts: (bigint | null)[],
  amount: bigint | null,
  code: string,
  line: number,
  warn: Warn,
) {
  const total = parts.reduce<bigint>((sum, part) => sum + (part ?? 0n), 0n);
  if (amount !== null && total !== amount)
    warn(
      'CONTROL_TOTAL_MISMATCH',
      line,
      `funds type ${code} distributes ${total} but the amount is ${amount}`,
    );
}
