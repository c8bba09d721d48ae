import type { Ctx } from '../../../shared/context/index.ts';
import { minorToDecimal } from '../../../shared/money/index.ts';
import { addDays, type BusinessDate } from '../../../shared/time/index.ts';
import type { TForecastDto } from '../forecast.schemas.ts';
import type { PromiseToPay } from '../forecast.types.ts';
import { dateOfDay, dayNumber } from '../model/day-number.ts';
import { baseShare, expectedReceiptsOf } from './expected-receipts.ts';
import { toBeyondDto, toPastDtos, toWeekDtos } from './forecast-dto.ts';
import { FORECAST_NOTES } from './forecast-notes.ts';
import { loadLedgerInvoices } from './load-ledger-invoices.ts';
import { loadReceiptsByDay } from './load-receipts-by-day.ts';
import { predictOnDay } from './predict-on-day.ts';
import { LOOKBACK_DAYS } from './predict-open-invoices.ts';
import { spreadByWeek } from './spread-by-week.ts';
import { trackPastWeeks } from './track-past-weeks.ts';
import { mondayOnOrBefore } from './week-start.ts';

export type ForecastOptions = {
  asOf?: BusinessDate;
  weeks?: number;
  pastWeeks?: number;
  /** Promises to pay; none exist in Settle yet (see PromiseToPay). */
  promises?: readonly PromiseToPay[];
};

/**
 * Weekly expected receipts with P10/P90 bands from the payment predictions (and promises to pay),
 * and forecast against actual for past weeks. See FORECAST_NOTES for how each figure is made.
 */
export async function forecastReceipts(ctx: Ctx, options: ForecastOptions = {}): Promise<TForecastDto> {
  const asOf = options.asOf ?? ctx.clock.today();
  const weeks = options.weeks ?? 13;
  const pastWeeks = options.pastWeeks ?? 4;
  const base = ctx.org.baseCurrency;
  const today = dayNumber(asOf);
  const firstDay = mondayOnOrBefore(today);
  const invoices = await loadLedgerInvoices(ctx.db, {
    orgId: ctx.org.id,
    asOf,
    since: addDays(asOf, -LOOKBACK_DAYS - 7 * pastWeeks),
  });
  const { predictions, model } = predictOnDay(invoices, today + 1, today);
  const { receipts, promisesUsed } = expectedReceiptsOf(predictions, options.promises ?? [], today);
  const spread = spreadByWeek(receipts, firstDay, weeks, base);
  const cash =
    pastWeeks === 0
      ? []
      : await loadReceiptsByDay(ctx.db, {
          orgId: ctx.org.id,
          from: dateOfDay(firstDay - 7 * pastWeeks),
          to: dateOfDay(firstDay - 1),
          asOf,
        });
  const overdue = predictions.filter((p) => p.invoice.dueDay < today);
  const sumBase = (ps: typeof predictions) => ps.reduce((a, p) => a + baseShare(p, p.openMinor), 0n);
  return {
    as_of: asOf,
    base_currency: base,
    week_starts_on: 'monday',
    open_amount: minorToDecimal(sumBase(predictions), base),
    overdue_now: { invoices: overdue.length, amount: minorToDecimal(sumBase(overdue), base) },
    weeks: toWeekDtos(spread, firstDay, base),
    beyond: toBeyondDto(spread, base),
    past: toPastDtos(trackPastWeeks(invoices, cash, firstDay, pastWeeks, base), base),
    promises: promisesUsed,
    trained_on: model.trainedOn,
    notes: FORECAST_NOTES,
  };
}
