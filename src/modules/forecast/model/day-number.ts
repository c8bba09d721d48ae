import { addDays, type BusinessDate, daysBetween } from '../../../shared/time/index.ts';

const EPOCH = '1970-01-01' as BusinessDate;

/** A business date as whole days since 1970-01-01, for integer arithmetic in the model. */
export function dayNumber(date: BusinessDate): number {
  return daysBetween(EPOCH, date);
}

export function dateOfDay(day: number): BusinessDate {
  return addDays(EPOCH, day);
}
