import type { BusinessDate } from '../../shared/time/index.ts';

/**
 * One invoice as the payment model sees it. Dates are day numbers (days since 1970-01-01) so the
 * hot loops do integer arithmetic; `amount` is a feature only (major units as a float, never money).
 * `settledDay` is the target: the model reads it only for invoices settled before the date it
 * predicts for.
 */
export type PaymentCase = {
  id: string;
  customer: string;
  /** The fallback group for customers with little history (the country, or '' when unknown). */
  segment: string;
  issueDay: number;
  dueDay: number;
  amount: number;
  /** Known at the time of the prediction (a dispute opened on or before it). */
  isDisputed: boolean;
  isPaperless: boolean;
  settledDay: number | null;
};

/** Where a prediction's customer level came from: enough own history, the segment, or everyone. */
export type PredictionBasis = 'customer' | 'segment' | 'global';

/** Days relative to the due date (negative: early); p10 <= p50 <= p90. */
export type PaymentPrediction = {
  id: string;
  p10: number;
  p50: number;
  p90: number;
  /** Probability of paying after the due date. */
  pLate: number;
  basis: PredictionBasis;
  /** The whole distribution: equally likely days relative to the due date, ascending. */
  outcomes: number[];
};

/**
 * A customer's promise to pay part of an invoice on a date. Settle has none yet (the collections
 * work adds them): until then callers pass none and the forecast rests on predictions alone.
 */
export type PromiseToPay = { invoiceId: string; date: BusinessDate; amountMinor: bigint };
