import { minorToDecimal } from '../../../shared/money/index.ts';
import type { ArPoint } from './ar-point.ts';
import { countbackDso, type MonthSales } from './countback-dso.ts';
import type { MonthPeriod } from './kpi-periods.ts';
import { collectionEffectiveness, percent, standardDso } from './kpi-ratios.ts';
import type { TKpiTrendMonth } from './kpis.schemas.ts';

export type TrendInput = {
  baseCurrency: string;
  /** Every month with history up to asOf's, oldest first; the trend months are its last ones. */
  history: readonly MonthPeriod[];
  months: readonly MonthPeriod[];
  sales: ReadonlyMap<string, bigint>;
  /** AR on the day before the first trend month. */
  begin: ArPoint;
  /** AR on each trend month's `to`. */
  points: ReadonlyMap<string, ArPoint>;
};

/** Counting back from `month`: its sales and days, then each earlier month's. */
export function salesBack(input: Pick<TrendInput, 'history' | 'sales'>, month: string): MonthSales[] {
  const upTo = input.history.filter((m) => m.month <= month);
  return upTo.reverse().map((m) => ({ sales: input.sales.get(m.month) ?? 0n, days: m.days }));
}

/** Each trend month's KPIs: its own sales and days, AR at its end, CEI against the month before. */
export function buildTrend(input: TrendInput): TKpiTrendMonth[] {
  const money = (minor: bigint) => minorToDecimal(minor, input.baseCurrency);
  let previous = input.begin;
  return input.months.map((m) => {
    const end = input.points.get(m.to);
    if (!end) throw new Error(`no receivables computed for ${m.to}`);
    const sales = input.sales.get(m.month) ?? 0n;
    const item: TKpiTrendMonth = {
      month: m.month,
      from: m.from,
      to: m.to,
      days: m.days,
      receivables: money(end.total),
      current: money(end.current),
      over_90: money(end.over90),
      credit_sales: money(sales),
      dso_standard: standardDso(end.total, sales, m.days),
      dso_countback: countbackDso(end.total, salesBack(input, m.month)),
      cei_pct: collectionEffectiveness(previous.total, sales, end.total, end.current),
      current_pct: percent(end.current, end.total),
      at_risk_pct: percent(end.over90, end.total),
    };
    previous = end;
    return item;
  });
}
