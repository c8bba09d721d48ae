import type { PaymentPrediction } from '../forecast.types.ts';
import type { CaseFeatures } from './features.ts';
import { centreOf, type PaymentModel, spreadFactor } from './payment-model.ts';
import { quantileSorted } from './stats.ts';

/** Below this share of the distribution left after `notBefore`, the late tail stands in for it. */
const MIN_TAIL = 0.05;
/** Equally likely outcomes kept per prediction: enough for weekly shares, bounded per invoice. */
export const OUTCOMES = 100;

/**
 * The distribution of days-after-due for one invoice: the model's median plus the training
 * residuals scaled by the customer's spread. With `notBefore` (an invoice still open on a day
 * `notBefore` days after its due date) the distribution is conditioned on paying no earlier: only
 * outcomes at or after it are kept; when almost none are, the latest MIN_TAIL of outcomes is
 * shifted to start there (an invoice already past its expected date is expected soon, with the
 * spread of the late tail).
 */
export function predictPayment(
  model: PaymentModel,
  f: CaseFeatures,
  id: string,
  notBefore: number | null = null,
): PaymentPrediction {
  const centre = centreOf(model, f);
  const scale = spreadFactor(model, f);
  let outcomes = model.residuals[f.basis].map((r) => centre + scale * r);
  if (notBefore !== null && outcomes.length > 0) {
    const kept = outcomes.filter((y) => y >= notBefore);
    const least = Math.max(1, Math.ceil(outcomes.length * MIN_TAIL));
    if (kept.length >= least) outcomes = kept;
    else {
      const tail = outcomes.slice(-least);
      const shift = notBefore - (tail[0] ?? notBefore);
      outcomes = tail.map((y) => y + shift);
    }
  }
  const late = outcomes.filter((y) => y > 0).length;
  const p50 = notBefore === null ? centre : quantileSorted(outcomes, 0.5);
  return {
    id,
    p10: Math.min(p50, quantileSorted(outcomes, 0.1)),
    p50,
    p90: Math.max(p50, quantileSorted(outcomes, 0.9)),
    pLate: outcomes.length ? late / outcomes.length : centre > 0 ? 1 : 0,
    basis: f.basis,
    outcomes: Array.from({ length: OUTCOMES }, (_, i) => quantileSorted(outcomes, (i + 0.5) / OUTCOMES)),
  };
}
