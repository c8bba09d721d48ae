/** Mean absolute error of paired predictions. */
export function meanAbsoluteError(predicted: readonly number[], actual: readonly number[]): number {
  if (predicted.length === 0) return 0;
  let s = 0;
  for (let i = 0; i < predicted.length; i += 1) s += Math.abs((predicted[i] ?? 0) - (actual[i] ?? 0));
  return s / predicted.length;
}

export function accuracy(predicted: readonly boolean[], actual: readonly boolean[]): number {
  if (predicted.length === 0) return 0;
  let hits = 0;
  for (let i = 0; i < predicted.length; i += 1) if (predicted[i] === actual[i]) hits += 1;
  return hits / predicted.length;
}

/**
 * Area under the ROC curve as the Mann-Whitney U statistic: the probability that a random positive
 * scores above a random negative, ties counting one half (through average ranks).
 */
export function areaUnderCurve(scores: readonly number[], positive: readonly boolean[]): number {
  const order = scores.map((s, i) => ({ s, i })).sort((a, b) => a.s - b.s);
  const ranks = new Array<number>(scores.length).fill(0);
  for (let lo = 0; lo < order.length; ) {
    let hi = lo;
    while (hi + 1 < order.length && order[hi + 1]?.s === order[lo]?.s) hi += 1;
    const rank = (lo + hi) / 2 + 1;
    for (let k = lo; k <= hi; k += 1) ranks[order[k]?.i ?? 0] = rank;
    lo = hi + 1;
  }
  let nPos = 0;
  let rankSum = 0;
  positive.forEach((p, i) => {
    if (!p) return;
    nPos += 1;
    rankSum += ranks[i] ?? 0;
  });
  const nNeg = positive.length - nPos;
  if (nPos === 0 || nNeg === 0) return 0.5;
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}
