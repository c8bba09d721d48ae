import type { Ctx } from '../../../shared/context/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { minorToDecimal } from '../../../shared/money/index.ts';
import { addDays, daysBetween, isBusinessDate } from '../../../shared/time/index.ts';
import { arPoint } from './ar-point.ts';
import { buildTrend, salesBack } from './build-trend.ts';
import { disputeCounts } from './dispute-counts.sql.ts';
import { earliest, monthsBetween, trendMonths } from './kpi-periods.ts';
import { MAX_TREND_MONTHS, type TKpisDto } from './kpis.schemas.ts';
import { monthlySales } from './monthly-sales.sql.ts';
import { paidInvoiceStats } from './paid-invoices.sql.ts';
import { receivablesAtDates } from './receivables-at-dates.sql.ts';
import { summarisePeriod } from './summarise-period.ts';

export type ComputeKpisOptions = { asOf?: string | undefined; months?: number | undefined };

/**
 * AR KPIs as of a date: the headline figures over P (the `months` calendar months ending with
 * asOf's month, cut at asOf) and the same month by month. Four set-based queries in one snapshot,
 * whatever the number of months; see KPI_DEFINITIONS for what each figure means.
 */
export async function computeKpis(ctx: Ctx, options: ComputeKpisOptions = {}): Promise<TKpisDto> {
  const asOf = options.asOf ?? ctx.clock.today();
  const count = options.months ?? 12;
  if (!isBusinessDate(asOf))
    throw new AppError('VALIDATION_FAILED', {
      message: 'as_of: a date as YYYY-MM-DD',
      details: { field: 'as_of' },
    });
  if (!Number.isInteger(count) || count < 1 || count > MAX_TREND_MONTHS)
    throw new AppError('VALIDATION_FAILED', {
      message: `months: a whole number from 1 to ${MAX_TREND_MONTHS}`,
      details: { field: 'months' },
    });
  const months = trendMonths(asOf, count);
  const from = months[0]?.from ?? asOf;
  const beginDate = addDays(from, -1);
  const orgId = ctx.org.id;
  const base = ctx.org.baseCurrency;
  const period = { orgId, from, to: asOf };
  const f = await ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => ({
      ar: await receivablesAtDates(trx, {
        orgId,
        baseCurrency: base,
        dates: [beginDate, ...months.map((m) => m.to)],
      }),
      sales: await monthlySales(trx, { orgId, asOf }),
      paid: await paidInvoiceStats(trx, period),
      disputes: await disputeCounts(trx, period),
    }));
  const points = new Map([...f.ar].map(([d, p]) => [d, arPoint(p)]));
  const history = monthsBetween(earliest(from, f.sales.keys().next().value), asOf);
  const begin = points.get(beginDate);
  const end = points.get(asOf);
  if (!begin || !end) throw new Error('receivables were not computed for the period ends');
  const sales = months.reduce((sum, m) => sum + (f.sales.get(m.month) ?? 0n), 0n);
  const days = daysBetween(from, asOf) + 1;
  const money = (minor: bigint) => minorToDecimal(minor, base);
  return {
    as_of: asOf,
    base_currency: base,
    period: { from, to: asOf, days, months: count },
    amounts: {
      receivables_begin: money(begin.total),
      receivables: money(end.total),
      current: money(end.current),
      past_due: money(end.pastDue),
      over_90: money(end.over90),
      unapplied_credit: money(end.credits),
      credit_sales: money(sales),
    },
    kpis: summarisePeriod({
      begin,
      end,
      sales,
      days,
      salesBack: salesBack({ history, sales: f.sales }, asOf.slice(0, 7)),
      paid: f.paid,
      disputes: f.disputes,
    }),
    trend: buildTrend({ baseCurrency: base, history, months, sales: f.sales, begin, points }),
  };
}
