/** Solves A x = b for a small dense symmetric system by Gaussian elimination with partial pivoting. */
export function solveLinear(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) {
      if (Math.abs(m[r]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = r;
    }
    const top = m[pivot] as number[];
    m[pivot] = m[col] as number[];
    m[col] = top;
    const p = top[col] ?? 0;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = col + 1; r < n; r += 1) {
      const row = m[r] as number[];
      const f = (row[col] ?? 0) / p;
      if (f === 0) continue;
      for (let k = col; k <= n; k += 1) row[k] = (row[k] ?? 0) - f * (top[k] ?? 0);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r -= 1) {
    const row = m[r] as number[];
    const p = row[r] ?? 0;
    if (Math.abs(p) < 1e-12) continue;
    let s = row[n] ?? 0;
    for (let k = r + 1; k < n; k += 1) s -= (row[k] ?? 0) * (x[k] ?? 0);
    x[r] = s / p;
  }
  return x;
}
