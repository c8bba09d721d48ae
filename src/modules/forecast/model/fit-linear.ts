import { solveLinear } from './solve-linear.ts';

/** y ≈ intercept + Σ weights[j] * x[j]; weights are on the features' own scale. */
export type LinearFit = { intercept: number; weights: number[] };

/**
 * Ridge regression on standardised features (the intercept is not penalised). With `absolute`,
 * iteratively reweighted least squares turns it into least absolute deviations, whose prediction
 * is a conditional median: what minimises the mean absolute error the model is judged by.
 */
export function fitLinear(
  xs: readonly number[][],
  ys: readonly number[],
  options: { lambda: number; absolute?: boolean; iterations?: number },
): LinearFit {
  const p = xs[0]?.length ?? 0;
  const n = xs.length;
  const mu = new Array<number>(p).fill(0);
  const sd = new Array<number>(p).fill(0);
  for (const x of xs) for (let j = 0; j < p; j += 1) mu[j] = (mu[j] ?? 0) + (x[j] ?? 0) / n;
  for (const x of xs)
    for (let j = 0; j < p; j += 1) sd[j] = (sd[j] ?? 0) + ((x[j] ?? 0) - (mu[j] ?? 0)) ** 2 / n;
  for (let j = 0; j < p; j += 1) sd[j] = Math.sqrt(sd[j] ?? 0);
  const z = xs.map((x) => [
    1,
    ...x.map((v, j) => ((sd[j] ?? 0) > 1e-9 ? (v - (mu[j] ?? 0)) / (sd[j] ?? 1) : 0)),
  ]);
  let w = new Array<number>(n).fill(1);
  let beta = new Array<number>(p + 1).fill(0);
  const rounds = options.absolute ? (options.iterations ?? 30) : 1;
  for (let it = 0; it < rounds; it += 1) {
    beta = weightedRidge(z, ys, w, options.lambda * n);
    if (!options.absolute) break;
    w = z.map((zi, i) => 1 / Math.max(0.5, Math.abs((ys[i] ?? 0) - dot(beta, zi))));
    const scale = n / w.reduce((a, b) => a + b, 0);
    w = w.map((v) => v * scale);
  }
  const weights = beta.slice(1).map((b, j) => ((sd[j] ?? 0) > 1e-9 ? b / (sd[j] ?? 1) : 0));
  const intercept = (beta[0] ?? 0) - weights.reduce((a, wj, j) => a + wj * (mu[j] ?? 0), 0);
  return { intercept, weights };
}

export function predictLinear(fit: LinearFit, x: readonly number[]): number {
  let s = fit.intercept;
  for (let j = 0; j < fit.weights.length; j += 1) s += (fit.weights[j] ?? 0) * (x[j] ?? 0);
  return s;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < a.length; j += 1) s += (a[j] ?? 0) * (b[j] ?? 0);
  return s;
}

function weightedRidge(z: number[][], ys: readonly number[], w: number[], penalty: number): number[] {
  const q = z[0]?.length ?? 0;
  const a = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  const b = new Array<number>(q).fill(0);
  z.forEach((zi, i) => {
    const wi = w[i] ?? 1;
    for (let r = 0; r < q; r += 1) {
      const v = wi * (zi[r] ?? 0);
      b[r] = (b[r] ?? 0) + v * (ys[i] ?? 0);
      const row = a[r] as number[];
      for (let c = 0; c < q; c += 1) row[c] = (row[c] ?? 0) + v * (zi[c] ?? 0);
    }
  });
  for (let r = 1; r < q; r += 1) (a[r] as number[])[r] = ((a[r] as number[])[r] ?? 0) + penalty;
  return solveLinear(a, b);
}
