import type { PaymentCase, PredictionBasis } from '../forecast.types.ts';
import { type FeatureGroup, featuresOf } from '../model/features.ts';
import type { PaymentHistory } from '../model/payment-history.ts';
import { fitPaymentModel } from '../model/payment-model.ts';
import { predictPayment } from '../model/predict-payment.ts';
import { trainingExamplesOf } from '../model/training-examples.ts';
import { targetOf } from './baselines.ts';
import type { ModelScores } from './evaluation.types.ts';
import { round, scorePredictions } from './score-predictions.ts';

/**
 * Fits on the training invoices and predicts each test invoice from what was known on its invoice
 * date. The late/on-time call is P(late) > 0.5, and P(late) ranks invoices for the AUC.
 */
export function scoreModel(
  train: readonly PaymentCase[],
  test: readonly PaymentCase[],
  history: PaymentHistory,
  groups: readonly FeatureGroup[],
): ModelScores {
  const model = fitPaymentModel(trainingExamplesOf(train, history), groups);
  const predictions = test.map((c) => predictPayment(model, featuresOf(c, history, c.issueDay), c.id));
  const actual = test.map(targetOf);
  const basis: Record<PredictionBasis, number> = { customer: 0, segment: 0, global: 0 };
  for (const p of predictions) basis[p.basis] += 1;
  const covered = predictions.filter((p, i) => (actual[i] ?? 0) >= p.p10 && (actual[i] ?? 0) <= p.p90);
  return {
    ...scorePredictions(
      predictions.map((p) => p.p50),
      actual,
      predictions.map((p) => p.pLate),
      predictions.map((p) => p.pLate > 0.5),
    ),
    interval_coverage_p10_p90: round(covered.length / Math.max(1, test.length)),
    feature_groups: [...groups],
    basis,
  };
}
