import { accuracy, areaUnderCurve, meanAbsoluteError } from './metrics.ts';

/** The figures every model and baseline is judged by, on the same test invoices. */
export type Scores = {
  mae_days_to_settle: number;
  mae_days_late: number;
  accuracy_late: number;
  auc_late: number;
};

/**
 * `predicted` and `actual` are days after the due date; with the due date fixed per invoice, the
 * error in days-to-settle is the error in days-after-due. Days late are those clipped at zero.
 * `lateScore` ranks invoices for the AUC and `isPredictedLate` is the late/on-time call.
 */
export function scorePredictions(
  predicted: readonly number[],
  actual: readonly number[],
  lateScore: readonly number[],
  isPredictedLate: readonly boolean[],
): Scores {
  const isLate = actual.map((y) => y > 0);
  return {
    mae_days_to_settle: round(meanAbsoluteError(predicted, actual)),
    mae_days_late: round(
      meanAbsoluteError(
        predicted.map((y) => Math.max(0, y)),
        actual.map((y) => Math.max(0, y)),
      ),
    ),
    accuracy_late: round(accuracy(isPredictedLate, isLate)),
    auc_late: round(areaUnderCurve(lateScore, isLate)),
  };
}

/** Point predictions scored with themselves as the late score (a baseline has nothing else). */
export function scorePoints(predicted: readonly number[], actual: readonly number[]): Scores {
  return scorePredictions(
    predicted,
    actual,
    predicted,
    predicted.map((y) => y > 0),
  );
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
