import type { Ctx } from '../../../shared/context/index.ts';
import { minorToDecimal } from '../../../shared/money/index.ts';
import { addDays, type BusinessDate } from '../../../shared/time/index.ts';
import { getCustomerRef } from '../../customers/index.ts';
import type { TPredictionDto, TPredictionsDto } from '../forecast.schemas.ts';
import { dateOfDay, dayNumber } from '../model/day-number.ts';
import { loadLedgerInvoices } from './load-ledger-invoices.ts';
import { type LedgerPrediction, predictOnDay } from './predict-on-day.ts';

/** Settled invoices older than this do not train the model (habits change; the cost stays bounded). */
export const LOOKBACK_DAYS = 730;

/**
 * Predicts when each open invoice will be paid: fitted on the org's invoices settled by `asOf`
 * (settled = the day applications, credits and write-offs brought its open amount to zero) and
 * conditioned on paying no earlier than `asOf`.
 */
export async function predictOpenInvoices(
  ctx: Ctx,
  options: { asOf?: BusinessDate; customer?: string; limit?: number } = {},
): Promise<TPredictionsDto> {
  const asOf = options.asOf ?? ctx.clock.today();
  const customer = options.customer ? await getCustomerRef(ctx.db, ctx.org.id, options.customer) : null;
  const invoices = await loadLedgerInvoices(ctx.db, {
    orgId: ctx.org.id,
    asOf,
    since: addDays(asOf, -LOOKBACK_DAYS),
  });
  const today = dayNumber(asOf);
  const { predictions, model } = predictOnDay(invoices, today + 1, today);
  const mine = predictions
    .filter((p) => !customer || p.invoice.customer.id === customer.id)
    .sort(
      (a, b) =>
        a.prediction.p50 + a.invoice.dueDay - (b.prediction.p50 + b.invoice.dueDay) ||
        (a.invoice.number < b.invoice.number ? -1 : 1),
    );
  return {
    as_of: asOf,
    trained_on: model.trainedOn,
    open_invoices: mine.length,
    predictions: mine.slice(0, options.limit ?? 100).map(toPredictionDto),
  };
}

/** Days are rounded to whole dates; the open amount is as of the prediction. */
export function toPredictionDto(p: LedgerPrediction): TPredictionDto {
  const { invoice: inv, prediction: pr } = p;
  const date = (y: number) => dateOfDay(inv.dueDay + Math.round(y));
  return {
    invoice_id: inv.id,
    number: inv.number,
    customer: inv.customer,
    open_amount: minorToDecimal(p.openMinor, inv.currency),
    currency: inv.currency,
    due_date: dateOfDay(inv.dueDay),
    expected_date: date(pr.p50),
    p10_date: date(pr.p10),
    p90_date: date(pr.p90),
    probability_late: Math.round(pr.pLate * 1000) / 1000,
    basis: pr.basis,
  };
}
