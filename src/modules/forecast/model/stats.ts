/** Small statistics over plain numbers, for the model's features and bands. */

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** The p-quantile of ascending `sorted` by linear interpolation (p in [0, 1]). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const pos = Math.min(1, Math.max(0, p)) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (b - a) * (pos - lo);
}

export function median(xs: readonly number[]): number {
  return quantileSorted(
    [...xs].sort((a, b) => a - b),
    0.5,
  );
}

/** Weighted mean where the i-th of n values (oldest first) weighs 0.5^((n-1-i)/halfLife). */
export function recencyWeightedMean(xs: readonly number[], halfLife: number): number {
  let s = 0;
  let w = 0;
  const n = xs.length;
  for (let i = 0; i < n; i += 1) {
    const wi = 0.5 ** ((n - 1 - i) / halfLife);
    s += wi * (xs[i] ?? 0);
    w += wi;
  }
  return w === 0 ? 0 : s / w;
}

/** Least-squares slope of ys over xs (0 when xs do not vary). */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i += 1) {
    const dx = (xs[i] ?? 0) - mx;
    sxy += dx * ((ys[i] ?? 0) - my);
    sxx += dx * dx;
  }
  return sxx === 0 ? 0 : sxy / sxx;
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
