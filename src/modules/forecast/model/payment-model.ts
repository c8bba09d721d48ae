import type { PredictionBasis } from '../forecast.types.ts';
import { type CaseFeatures, CUSTOMER_PRIOR, type FeatureGroup, featureColumns } from './features.ts';
import { fitLinear, type LinearFit, predictLinear } from './fit-linear.ts';
import { quantileSorted } from './stats.ts';

/**
 * A fitted model: a median regression of days-after-due on the selected features, and the
 * training residuals (each divided by its customer's spread factor) that shape the bands.
 */
export type PaymentModel = {
  groups: FeatureGroup[];
  columns: number[];
  fit: LinearFit;
  /**
   * Ascending standardised residuals of the training examples, one pool per basis: a customer
   * known only through its segment is less predictable than one with its own history.
   */
  residuals: Record<PredictionBasis, number[]>;
  /** Mean absolute deviation of days-after-due over all training examples' customers; 0 for the prior model, whose bands are not scaled. */
  globalSpread: number;
  trainedOn: number;
};

export type TrainingExample = { features: CaseFeatures; y: number };

export const DEFAULT_GROUPS: FeatureGroup[] = ['level', 'paperless', 'amount', 'dispute_history', 'dispute'];
const LAMBDA = 0.001;
const MIN_POOL = 50;
/** Residuals kept per pool: evenly spaced quantiles beyond this, so a prediction costs the same on any ledger. */
const MAX_POOL = 1000;
/** Below this many settled invoices there is nothing to regress on: see `priorModel`. */
export const MIN_EXAMPLES = 10;
/**
 * Days around the centre an org without enough history is given: paying within a week of the due
 * date is the common case, and a month late the tail.
 */
const PRIOR_SPREAD = [-14, -7, -3, -1, 0, 0, 1, 3, 7, 14, 30];

/**
 * How much wider than usual a customer's band is: its own spread blended with the global one,
 * widened while its level rests on few settlements (the level's own error shrinks like 1/n).
 */
export function spreadFactor(model: Pick<PaymentModel, 'globalSpread'>, f: CaseFeatures): number {
  if (model.globalSpread === 0) return 1;
  const g = model.globalSpread;
  const n = f.customer.n;
  const blended = (n * f.customer.spread + CUSTOMER_PRIOR * g) / (n + CUSTOMER_PRIOR);
  return Math.min(3, Math.max(0.5, blended / g)) * Math.sqrt(1 + CUSTOMER_PRIOR / (n + 1));
}

export function fitPaymentModel(
  examples: readonly TrainingExample[],
  groups: readonly FeatureGroup[] = DEFAULT_GROUPS,
): PaymentModel {
  const columns = featureColumns(groups);
  if (examples.length < MIN_EXAMPLES) return priorModel(examples, groups, columns);
  const pick = (f: CaseFeatures) => columns.map((j) => f.x[j] ?? 0);
  const ys = examples.map((e) => e.y);
  const fit = fitLinear(
    examples.map((e) => pick(e.features)),
    ys,
    { lambda: LAMBDA, absolute: true },
  );
  const withCustomer = examples.filter((e) => e.features.customer.n > 0);
  const globalSpread = Math.max(
    1,
    withCustomer.reduce((a, e) => a + e.features.customer.spread, 0) / Math.max(1, withCustomer.length),
  );
  const model: PaymentModel = {
    groups: [...groups],
    columns,
    fit,
    residuals: { customer: [], segment: [], global: [] },
    globalSpread,
    trainedOn: examples.length,
  };
  for (const e of examples) {
    const r = (e.y - predictLinear(fit, pick(e.features))) / spreadFactor(model, e.features);
    model.residuals[e.features.basis].push(r);
  }
  const all = [...model.residuals.customer, ...model.residuals.segment, ...model.residuals.global];
  for (const basis of ['customer', 'segment', 'global'] as const) {
    // A pool too small to have tails borrows every residual.
    const own = model.residuals[basis];
    model.residuals[basis] = compress((own.length >= MIN_POOL ? own : all).sort((a, b) => a - b));
  }
  return model;
}

export function centreOf(model: PaymentModel, f: CaseFeatures): number {
  return predictLinear(
    model.fit,
    model.columns.map((j) => f.x[j] ?? 0),
  );
}

/** Few settled invoices: their median (the due date when there are none), the prior spread. */
function priorModel(
  examples: readonly TrainingExample[],
  groups: readonly FeatureGroup[],
  columns: number[],
): PaymentModel {
  const ys = examples.map((e) => e.y).sort((a, b) => a - b);
  return {
    groups: [...groups],
    columns,
    fit: { intercept: ys.length ? quantileSorted(ys, 0.5) : 0, weights: columns.map(() => 0) },
    residuals: { customer: PRIOR_SPREAD, segment: PRIOR_SPREAD, global: PRIOR_SPREAD },
    globalSpread: 0,
    trainedOn: examples.length,
  };
}

function compress(sorted: number[]): number[] {
  if (sorted.length <= MAX_POOL) return sorted;
  return Array.from({ length: MAX_POOL }, (_, i) => quantileSorted(sorted, (i + 0.5) / MAX_POOL));
}
