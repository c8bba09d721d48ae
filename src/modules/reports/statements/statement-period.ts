import { AppError } from '../../../shared/errors/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';

export type StatementPeriod = { from: BusinessDate; to: BusinessDate };

/** By default the month so far: its first day to today (today in the org's time zone). */
export function statementPeriod(
  today: BusinessDate,
  asked: { from?: string | undefined; to?: string | undefined },
): StatementPeriod {
  const to = (asked.to ?? today) as BusinessDate;
  const from = (asked.from ?? `${to.slice(0, 8)}01`) as BusinessDate;
  if (from > to) {
    throw new AppError('VALIDATION_FAILED', {
      message: `the period starts (${from}) after it ends (${to})`,
      details: { from, to },
    });
  }
  return { from, to };
}
