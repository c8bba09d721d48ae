import { expectedReceiptsOf } from './expected-receipts.ts';
import type { LedgerInvoice } from './ledger-invoice.ts';
import type { DailyReceipts } from './load-receipts-by-day.ts';
import { predictOnDay } from './predict-on-day.ts';
import { spreadByWeek } from './spread-by-week.ts';
import { addTo, emptySums, type Sums } from './sums.ts';
import { Z90 } from './week-bands.ts';

/** `sigma` is the standard deviation of the forecast in the base currency (minor units). */
export type PastWeek = { startDay: number; forecast: Sums; sigma: number; actual: Sums };

/**
 * Forecast against actual for the `count` weeks before `firstDay`: for each week, the model is
 * fitted on what was known at its start and forecasts that week as `forecastReceipts` would have;
 * actual is the cash received in it. One fit per week, so the cost grows with `count`.
 */
export function trackPastWeeks(
  invoices: readonly LedgerInvoice[],
  receipts: readonly DailyReceipts[],
  firstDay: number,
  count: number,
  baseCurrency: string,
): PastWeek[] {
  const weeks: PastWeek[] = [];
  for (let k = count; k >= 1; k -= 1) {
    const startDay = firstDay - 7 * k;
    const { predictions } = predictOnDay(invoices, startDay, startDay);
    const spread = spreadByWeek(
      expectedReceiptsOf(predictions, [], startDay).receipts,
      startDay,
      1,
      baseCurrency,
    );
    const actual = emptySums();
    for (const r of receipts) {
      if (r.day >= startDay && r.day < startDay + 7) addTo(actual, r.currency, r.amountMinor, r.baseMinor);
    }
    const sigma = spread.bands.deviations().weekly.base[0] ?? 0;
    weeks.push({ startDay, forecast: spread.expected[0] ?? emptySums(), sigma, actual });
  }
  return weeks;
}

/** The P10 and P90 of a forecast with mean `mean` and deviation `sigma` (never below zero). */
export function bandOf(mean: bigint, sigma: number): { low: bigint; high: bigint } {
  const d = BigInt(Math.round(Z90 * sigma));
  return { low: mean > d ? mean - d : 0n, high: mean + d };
}
