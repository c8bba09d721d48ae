import type { PredictionBasis } from '../forecast.types.ts';
import type { FeatureGroup } from '../model/features.ts';
import type { SkippedLine } from './parse-ar-sample.ts';
import type { Scores } from './score-predictions.ts';
import type { SelectionStep } from './select-feature-groups.ts';

export type ModelScores = Scores & {
  /** Share of test invoices settled between their P10 and P90 dates (nominally 0.8). */
  interval_coverage_p10_p90: number;
  feature_groups: FeatureGroup[];
  /** How many test predictions rested on the customer's own history, its segment, or everyone. */
  basis: Record<PredictionBasis, number>;
};

/** What `settle predict evaluate` prints: the model and its baselines on the same time split. */
export type EvaluationReport = {
  split: {
    method: 'time';
    train_share: number;
    train: number;
    test: number;
    train_invoice_dates: { from: string; to: string };
    test_invoice_dates: { from: string; to: string };
    /** Training invoices whose outcome came after the first test invoice date (their weights still count). */
    train_settled_after_test_start: number;
  };
  model: ModelScores;
  model_without_dispute_flag: ModelScores;
  baselines: { customer_mean: Scores; global_mean: Scores; customer_mean_online: Scores };
  rows: {
    read: number;
    used: number;
    skipped: number;
    skipped_by_column: Record<string, number>;
    /** The first skipped lines, each with its reason. */
    skipped_lines: SkippedLine[];
  };
  selection: { model: SelectionStep[]; model_without_dispute_flag: SelectionStep[] };
  notes: string[];
};
