import type { PaymentPrediction } from '../forecast.types.ts';
import { featuresOf } from '../model/features.ts';
import { buildPaymentHistory } from '../model/payment-history.ts';
import { fitPaymentModel, type PaymentModel } from '../model/payment-model.ts';
import { predictPayment } from '../model/predict-payment.ts';
import { trainingExamplesOf } from '../model/training-examples.ts';
import { type LedgerInvoice, openMinorAt, paymentCaseOn } from './ledger-invoice.ts';

export type LedgerPrediction = { invoice: LedgerInvoice; openMinor: bigint; prediction: PaymentPrediction };

/** The most recent settlements the model is fitted on: enough to learn a dozen weights, bounded in cost. */
const MAX_TRAINING = 20_000;

/**
 * Fits the model on what was known at the start of `knownDay` (invoices settled before it) and
 * predicts every invoice open then, conditioned on paying on or after `fromDay`.
 */
export function predictOnDay(
  invoices: readonly LedgerInvoice[],
  knownDay: number,
  fromDay: number,
): { predictions: LedgerPrediction[]; model: PaymentModel } {
  const known = invoices.filter((inv) => inv.issueDay < knownDay);
  const cases = known.map((inv) => paymentCaseOn(inv, knownDay));
  const history = buildPaymentHistory(cases);
  const settled = cases
    .filter((c) => c.settledDay !== null)
    .sort((a, b) => (a.settledDay ?? 0) - (b.settledDay ?? 0))
    .slice(-MAX_TRAINING);
  const model = fitPaymentModel(trainingExamplesOf(settled, history));
  const predictions: LedgerPrediction[] = [];
  known.forEach((inv, i) => {
    const c = cases[i];
    if (!c || c.settledDay !== null) return;
    const openMinor = openMinorAt(inv, knownDay);
    if (openMinor <= 0n) return;
    const f = featuresOf(c, history, knownDay);
    predictions.push({
      invoice: inv,
      openMinor,
      prediction: predictPayment(model, f, inv.id, fromDay - inv.dueDay),
    });
  });
  return { predictions, model };
}
