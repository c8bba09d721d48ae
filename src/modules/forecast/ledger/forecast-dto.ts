import { minorToDecimal } from '../../../shared/money/index.ts';
import type { TForecastDto } from '../forecast.schemas.ts';
import { dateOfDay } from '../model/day-number.ts';
import type { WeekSpread } from './spread-by-week.ts';
import type { Sums } from './sums.ts';
import { bandOf, type PastWeek } from './track-past-weeks.ts';

type WeekDto = TForecastDto['weeks'][number];

function currenciesOf(...sums: Sums[]): string[] {
  return [...new Set(sums.flatMap((s) => [...s.byCurrency.keys()]))].sort();
}

/** Expected, low and high as decimal strings: the mean and its P10/P90 band. */
function band(mean: bigint, sigma: number, currency: string) {
  const { low, high } = bandOf(mean, sigma);
  return {
    expected: minorToDecimal(mean, currency),
    low: minorToDecimal(low, currency),
    high: minorToDecimal(high, currency),
  };
}

export function toWeekDtos(spread: WeekSpread, firstDay: number, base: string): WeekDto[] {
  const { weekly, cumulative } = spread.bands.deviations();
  return spread.cumulative.map((cum, w) => {
    const s = spread.expected[w] as Sums;
    const total = band(cum.base, cumulative.base[w] ?? 0, base);
    return {
      start: dateOfDay(firstDay + 7 * w),
      end: dateOfDay(firstDay + 7 * w + 6),
      currency: base,
      ...band(s.base, weekly.base[w] ?? 0, base),
      cumulative_expected: total.expected,
      cumulative_low: total.low,
      cumulative_high: total.high,
      by_currency: currenciesOf(s).map((c) => ({
        currency: c,
        ...band(s.byCurrency.get(c) ?? 0n, weekly.byCurrency.get(c)?.[w] ?? 0, c),
      })),
    };
  });
}

export function toBeyondDto(spread: WeekSpread, base: string): TForecastDto['beyond'] {
  const s = spread.expected.at(-1) as Sums;
  return {
    currency: base,
    expected: minorToDecimal(s.base, base),
    by_currency: currenciesOf(s).map((c) => ({
      currency: c,
      expected: minorToDecimal(s.byCurrency.get(c) ?? 0n, c),
    })),
  };
}

export function toPastDtos(weeks: readonly PastWeek[], base: string): TForecastDto['past'] {
  return weeks.map((w) => {
    const { expected, low, high } = band(w.forecast.base, w.sigma, base);
    return {
      start: dateOfDay(w.startDay),
      end: dateOfDay(w.startDay + 6),
      currency: base,
      forecast: expected,
      low,
      high,
      actual: minorToDecimal(w.actual.base, base),
      by_currency: currenciesOf(w.forecast, w.actual).map((c) => ({
        currency: c,
        forecast: minorToDecimal(w.forecast.byCurrency.get(c) ?? 0n, c),
        actual: minorToDecimal(w.actual.byCurrency.get(c) ?? 0n, c),
      })),
    };
  });
}
