import { describe, expect, it } from 'vitest';
import { accuracy, areaUnderCurve, meanAbsoluteError } from './metrics.ts';

describe('evaluation metrics', () => {
  it('mean absolute error and accuracy', () => {
    expect(meanAbsoluteError([1, 2, 3], [2, 2, 5])).toBe(1);
    expect(accuracy([true, false, true, true], [true, true, true, false])).toBe(0.5);
    expect(meanAbsoluteError([], [])).toBe(0);
  });

  it('AUC is the Mann-Whitney probability that a positive outranks a negative, ties half', () => {
    expect(areaUnderCurve([0.9, 0.8, 0.2, 0.1], [true, true, false, false])).toBe(1);
    expect(areaUnderCurve([0.1, 0.2, 0.8, 0.9], [true, true, false, false])).toBe(0);
    expect(areaUnderCurve([0.5, 0.5, 0.5, 0.5], [true, false, true, false])).toBe(0.5);
    // Positives 0.8, 0.4; negatives 0.6, 0.4: pairs (0.8>0.6), (0.8>0.4), (0.4<0.6), (0.4=0.4 -> 1/2).
    expect(areaUnderCurve([0.8, 0.4, 0.6, 0.4], [true, true, false, false])).toBe(2.5 / 4);
    expect(areaUnderCurve([1, 2], [true, true])).toBe(0.5);
  });

  it('AUC matches counting every pair', () => {
    const scores = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    const labels = [true, false, true, false, false, true, false, true, true, false, true];
    let wins = 0;
    let pairs = 0;
    scores.forEach((s, i) => {
      if (!labels[i]) return;
      scores.forEach((t, j) => {
        if (labels[j]) return;
        pairs += 1;
        wins += s > t ? 1 : s === t ? 0.5 : 0;
      });
    });
    expect(areaUnderCurve(scores, labels)).toBeCloseTo(wins / pairs, 12);
  });
});
