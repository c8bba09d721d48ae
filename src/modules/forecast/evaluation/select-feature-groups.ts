import type { PaymentCase } from '../forecast.types.ts';
import { estimatePriorWeight } from '../model/estimate-prior-weight.ts';
import type { FeatureGroup } from '../model/features.ts';
import { buildPaymentHistory } from '../model/payment-history.ts';
import { centreOf, fitPaymentModel } from '../model/payment-model.ts';
import { trainingExamplesOf } from '../model/training-examples.ts';
import { meanAbsoluteError } from './metrics.ts';
import { round } from './score-predictions.ts';
import { splitByDate } from './split-by-date.ts';

export type SelectionStep = { groups: FeatureGroup[]; validation_mae: number; is_kept: boolean };

/** An optional group must cut the validation error by this share to be kept. */
const MIN_GAIN = 0.01;

/**
 * Chooses the optional feature groups without looking at the test set: the training invoices are
 * split again by date (history reads all cases, but only what was settled before each day) (oldest 80% fit, newest 20% validate) and each optional group is added in
 * turn, kept only if it lowers the validation MAE by at least MIN_GAIN.
 */
export function selectFeatureGroups(
  all: readonly PaymentCase[],
  train: readonly PaymentCase[],
  base: readonly FeatureGroup[],
  optional: readonly FeatureGroup[],
): { groups: FeatureGroup[]; steps: SelectionStep[] } {
  const inner = splitByDate(train);
  const history = buildPaymentHistory(all, { priorWeight: estimatePriorWeight(inner.train) });
  const fitOn = trainingExamplesOf(inner.train, history);
  const validate = trainingExamplesOf(inner.test, history);
  const score = (groups: FeatureGroup[]) => {
    const model = fitPaymentModel(fitOn, groups);
    return meanAbsoluteError(
      validate.map((e) => centreOf(model, e.features)),
      validate.map((e) => e.y),
    );
  };
  let groups = [...base];
  let best = score(groups);
  const steps: SelectionStep[] = [{ groups, validation_mae: round(best), is_kept: true }];
  for (const g of optional) {
    const candidate = [...groups, g];
    const mae = score(candidate);
    const isKept = mae < best * (1 - MIN_GAIN);
    steps.push({ groups: candidate, validation_mae: round(mae), is_kept: isKept });
    if (isKept) {
      groups = candidate;
      best = mae;
    }
  }
  return { groups, steps };
}
