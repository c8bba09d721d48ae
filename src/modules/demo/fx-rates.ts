import { type BusinessDate, daysBetween } from '../../shared/time/index.ts';

const MID = { USD: 72_000, EUR: 78_000 } as const;

/**
 * A plausible CNY rate for a day, in ten-thousandths: USD wanders within 7.10-7.30 and EUR within
 * 7.70-7.90. A function of the date alone, so every document of one day uses one rate.
 */
export function demoFxRate(currency: 'USD' | 'EUR', date: BusinessDate): string {
  const day = daysBetween('2000-01-01' as BusinessDate, date);
  const wobble = Math.round(700 * Math.sin(day / 47) + 250 * Math.sin(day / 13 + 1));
  const n = MID[currency] + wobble;
  return `${Math.floor(n / 10_000)}.${String(n % 10_000).padStart(4, '0')}`;
}
