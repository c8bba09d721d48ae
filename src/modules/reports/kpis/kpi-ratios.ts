import { divRound } from '../../../shared/money/index.ts';

/**
 * `numerator / denominator * scale`, rounded half-up to `decimals` places, computed on integers so
 * no float ever touches an amount; null when the denominator is not positive (no sales, no AR).
 */
export function ratio(
  numerator: bigint,
  denominator: bigint,
  scale: bigint,
  decimals: number,
): number | null {
  if (denominator <= 0n) return null;
  const unit = 10n ** BigInt(decimals);
  return Number(divRound(numerator * scale * unit, denominator, 'half-up')) / Number(unit);
}

/** A share in percent with one decimal: 83.3 means 83.3 %. */
export function percent(part: bigint, whole: bigint): number | null {
  return ratio(part, whole, 100n, 1);
}

/** Standard DSO: AR at the end / credit sales of the period * days in the period. */
export function standardDso(arEnd: bigint, sales: bigint, days: number): number | null {
  return ratio(arEnd, sales, BigInt(days), 1);
}

/** Best possible DSO: the same with only current (not yet due) AR, the part no collector can speed up. */
export function bestPossibleDso(currentEnd: bigint, sales: bigint, days: number): number | null {
  return ratio(currentEnd, sales, BigInt(days), 1);
}

/**
 * CEI: what was collected out of what could have been. Collected = AR(begin) + sales - AR(end);
 * collectible = AR(begin) + sales - current AR(end), i.e. collected plus what is past due at the end.
 */
export function collectionEffectiveness(
  arBegin: bigint,
  sales: bigint,
  arEnd: bigint,
  currentEnd: bigint,
): number | null {
  return ratio(arBegin + sales - arEnd, arBegin + sales - currentEnd, 100n, 1);
}

/** AR turnover: credit sales / average AR ((begin + end) / 2), in the period and per 365 days. */
export function arTurnover(
  arBegin: bigint,
  arEnd: bigint,
  sales: bigint,
  days: number,
): { inPeriod: number | null; annualised: number | null } {
  const doubleAverage = arBegin + arEnd;
  return {
    inPeriod: ratio(2n * sales, doubleAverage, 1n, 2),
    annualised: ratio(2n * sales * 365n, doubleAverage * BigInt(days), 1n, 2),
  };
}
