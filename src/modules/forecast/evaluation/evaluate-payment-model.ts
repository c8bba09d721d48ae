import { AppError } from '../../../shared/errors/index.ts';
import type { PaymentCase } from '../forecast.types.ts';
import { dateOfDay } from '../model/day-number.ts';
import { estimatePriorWeight } from '../model/estimate-prior-weight.ts';
import type { FeatureGroup } from '../model/features.ts';
import { buildPaymentHistory, type PaymentHistory } from '../model/payment-history.ts';
import { DEFAULT_GROUPS, MIN_EXAMPLES } from '../model/payment-model.ts';
import {
  customerMeanBaseline,
  globalMeanBaseline,
  onlineCustomerMeanBaseline,
  targetOf,
} from './baselines.ts';
import type { EvaluationReport, ModelScores } from './evaluation.types.ts';
import { EVALUATION_NOTES } from './evaluation-notes.ts';
import { parseArSample } from './parse-ar-sample.ts';
import { scoreModel } from './score-model.ts';
import { scorePoints } from './score-predictions.ts';
import { selectFeatureGroups } from './select-feature-groups.ts';
import { splitByDate } from './split-by-date.ts';

/** Optional feature groups, tried in this order on the validation split. */
const OPTIONAL_GROUPS: FeatureGroup[] = ['trend', 'open_items', 'season'];
const SKIPPED_LINES_SHOWN = 20;

/**
 * Evaluates the payment model on a CSV in the layout of IBM's accounts-receivable sample: the oldest
 * `trainShare` of invoices by invoice date train, the newest test, and the baselines are computed
 * in the same run on the same split. Pure: the caller reads the file.
 */
export function evaluatePaymentModel(
  csvText: string,
  options: { trainShare?: number } = {},
): EvaluationReport {
  const sample = parseArSample(csvText);
  const trainShare = options.trainShare ?? 0.8;
  const { train, test } = splitByDate(sample.cases, trainShare);
  if (train.length < MIN_EXAMPLES || test.length === 0) {
    throw new AppError('IMPORT_REJECTED', {
      message: `${sample.cases.length} usable rows: too few to train on ${Math.round(trainShare * 100)}% and test on the rest`,
      details: { rows: sample.rows, skipped: sample.skipped.slice(0, SKIPPED_LINES_SHOWN) },
    });
  }
  // The prior weight is estimated from training outcomes only, like every other fitted number.
  const history = buildPaymentHistory(sample.cases, { priorWeight: estimatePriorWeight(train) });
  const actual = test.map(targetOf);
  const strictBase = DEFAULT_GROUPS.filter((g) => g !== 'dispute');
  const full = evaluateVariant(sample.cases, train, test, history, DEFAULT_GROUPS);
  const strict = evaluateVariant(sample.cases, train, test, history, strictBase);
  const testStart = test[0]?.issueDay ?? 0;
  const byColumn: Record<string, number> = {};
  for (const s of sample.skipped) byColumn[s.column] = (byColumn[s.column] ?? 0) + 1;
  return {
    split: {
      method: 'time',
      train_share: trainShare,
      train: train.length,
      test: test.length,
      train_invoice_dates: rangeOf(train),
      test_invoice_dates: rangeOf(test),
      train_settled_after_test_start: train.filter((c) => (c.settledDay ?? 0) >= testStart).length,
    },
    model: full.scores,
    model_without_dispute_flag: strict.scores,
    baselines: {
      customer_mean: scorePoints(customerMeanBaseline(train, test), actual),
      global_mean: scorePoints(globalMeanBaseline(train, test), actual),
      customer_mean_online: scorePoints(onlineCustomerMeanBaseline(history, train, test), actual),
    },
    rows: {
      read: sample.rows,
      used: sample.cases.length,
      skipped: sample.skipped.length,
      skipped_by_column: byColumn,
      skipped_lines: sample.skipped.slice(0, SKIPPED_LINES_SHOWN),
    },
    selection: { model: full.steps, model_without_dispute_flag: strict.steps },
    notes: EVALUATION_NOTES,
  };
}

function evaluateVariant(
  all: PaymentCase[],
  train: PaymentCase[],
  test: PaymentCase[],
  history: PaymentHistory,
  base: FeatureGroup[],
): { scores: ModelScores; steps: EvaluationReport['selection']['model'] } {
  const { groups, steps } = selectFeatureGroups(all, train, base, OPTIONAL_GROUPS);
  return { scores: scoreModel(train, test, history, groups), steps };
}

function rangeOf(cases: readonly PaymentCase[]): { from: string; to: string } {
  const days = cases.map((c) => c.issueDay);
  return { from: dateOfDay(Math.min(...days)), to: dateOfDay(Math.max(...days)) };
}
