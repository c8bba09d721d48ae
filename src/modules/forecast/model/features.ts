import type { PaymentCase, PredictionBasis } from '../forecast.types.ts';
import { type CustomerSnapshot, snapshotCustomer } from './customer-snapshot.ts';
import { dateOfDay } from './day-number.ts';
import { momentsBefore, type PaymentHistory } from './payment-history.ts';
import { clamp } from './stats.ts';

export const FEATURE_NAMES = [
  'level_mean',
  'level_median',
  'level_recent',
  'trend',
  'disputed',
  'paperless',
  'history_dispute_rate',
  'history_paperless_rate',
  'log_relative_amount',
  'open_max_overdue',
  'open_overdue_count',
  'log_history_count',
  'month_sin',
  'month_cos',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Features come in groups that are switched on or off together. */
export const FEATURE_GROUPS = {
  level: ['level_mean', 'level_median', 'level_recent'],
  paperless: ['paperless', 'history_paperless_rate'],
  amount: ['log_relative_amount'],
  dispute_history: ['history_dispute_rate'],
  dispute: ['disputed'],
  trend: ['trend', 'log_history_count'],
  open_items: ['open_max_overdue', 'open_overdue_count'],
  season: ['month_sin', 'month_cos'],
} as const satisfies Record<string, readonly FeatureName[]>;
export type FeatureGroup = keyof typeof FEATURE_GROUPS;

/** Column indexes of the features of `groups` in a full feature vector. */
export function featureColumns(groups: readonly FeatureGroup[]): number[] {
  return groups.flatMap((g) => FEATURE_GROUPS[g].map((name) => FEATURE_NAMES.indexOf(name)));
}

/**
 * Prior weight (in invoices) of the global level against a segment's; a customer's own level is
 * weighed against its segment's with the history's estimated `priorWeight`. CUSTOMER_PRIOR is
 * the weight of the overall spread against a customer's own in the bands.
 */
export const CUSTOMER_PRIOR = 3;
const SEGMENT_PRIOR = 20;
/** Own settlements needed before a prediction counts as the customer's own. */
export const MIN_CUSTOMER_HISTORY = 3;
const MIN_SEGMENT_HISTORY = 20;

export type CaseFeatures = {
  x: number[];
  basis: PredictionBasis;
  customer: CustomerSnapshot;
  /** The level every customer-level statistic was shrunk toward (segment, itself shrunk to global). */
  prior: number;
};

/**
 * The features of `c` as known on `day`: only what was settled before that day counts. Customer
 * levels are empirical-Bayes blends: n own settlements against `priorWeight` pseudo-invoices at
 * the segment mean, which is itself blended with the global mean.
 */
export function featuresOf(c: PaymentCase, history: PaymentHistory, day: number): CaseFeatures {
  const cs = snapshotCustomer(history.customers.get(c.customer), day, c.id);
  const g = momentsBefore(history.global, day);
  const seg = history.segments.get(c.segment);
  const s = seg ? momentsBefore(seg, day) : { n: 0, mean: 0, sd: 0 };
  const prior = (s.n * s.mean + SEGMENT_PRIOR * g.mean) / (s.n + SEGMENT_PRIOR);
  const k = history.priorWeight;
  const shrink = (v: number) => (cs.n * v + k * prior) / (cs.n + k);
  const w = cs.n / (cs.n + k);
  const month = ((Number(dateOfDay(c.issueDay).slice(5, 7)) - 0.5) / 12) * 2 * Math.PI;
  const relAmount = cs.typicalAmount > 0 && c.amount > 0 ? Math.log(c.amount / cs.typicalAmount) : 0;
  const x = [
    shrink(cs.mean),
    shrink(cs.median),
    shrink(cs.recent),
    w * clamp(cs.trend, -10, 10),
    c.isDisputed ? 1 : 0,
    c.isPaperless ? 1 : 0,
    w * cs.disputeRate,
    w * cs.paperlessRate,
    clamp(relAmount, -2, 2),
    clamp(cs.openMaxOverdue, 0, 90),
    Math.min(cs.openOverdueCount, 10),
    Math.log1p(cs.n),
    Math.sin(month),
    Math.cos(month),
  ];
  const basis: PredictionBasis =
    cs.n >= MIN_CUSTOMER_HISTORY ? 'customer' : s.n >= MIN_SEGMENT_HISTORY ? 'segment' : 'global';
  return { x, basis, customer: cs, prior };
}
