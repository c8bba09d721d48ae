import type { PaymentCase } from '../forecast.types.ts';
import { featuresOf } from './features.ts';
import type { PaymentHistory } from './payment-history.ts';
import type { TrainingExample } from './payment-model.ts';

/**
 * Settled cases as training examples, each with the features known on its own issue date, so the
 * model learns from the same kind of information it will have when it predicts.
 */
export function trainingExamplesOf(
  cases: readonly PaymentCase[],
  history: PaymentHistory,
): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const c of cases) {
    if (c.settledDay === null) continue;
    out.push({ features: featuresOf(c, history, c.issueDay), y: c.settledDay - c.dueDay });
  }
  return out;
}
