import type { BusinessDate } from './business-date.ts';

/** "Now" is injected: domain code takes a Clock, never reads the wall clock itself. */
export type Clock = { now(): Date; today(): BusinessDate };

export function systemClock(timeZone = 'UTC'): Clock {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return {
    now: () => new Date(),
    today: () => fmt.format(new Date()) as BusinessDate,
  };
}

export function fixedClock(today: BusinessDate): Clock {
  return { now: () => new Date(`${today}T12:00:00Z`), today: () => today };
}
