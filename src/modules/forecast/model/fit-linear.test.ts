import { describe, expect, it } from 'vitest';
import { fitLinear, predictLinear } from './fit-linear.ts';
import { solveLinear } from './solve-linear.ts';

describe('linear fits', () => {
  it('solves a small system', () => {
    const x = solveLinear(
      [
        [2, 1],
        [1, 3],
      ],
      [5, 10],
    );
    expect(x[0]).toBeCloseTo(1, 10);
    expect(x[1]).toBeCloseTo(3, 10);
  });

  it('least squares recovers y = 2 + 3a - b, a constant column gets no weight', () => {
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      const a = (i * 7) % 11;
      const b = (i * 3) % 5;
      xs.push([a, b, 1]);
      ys.push(2 + 3 * a - b);
    }
    const fit = fitLinear(xs, ys, { lambda: 0 });
    expect(fit.weights[0]).toBeCloseTo(3, 6);
    expect(fit.weights[1]).toBeCloseTo(-1, 6);
    expect(fit.weights[2]).toBe(0);
    expect(predictLinear(fit, [1, 1, 1])).toBeCloseTo(4, 6);
  });

  it('least absolute deviations follows the median and shrugs off outliers', () => {
    const xs = Array.from({ length: 40 }, (_, i) => [i % 10]);
    const ys = xs.map(([a], i) => (i % 10 === 3 ? 500 : 10 + (a ?? 0)));
    const squared = fitLinear(xs, ys, { lambda: 0 });
    const absolute = fitLinear(xs, ys, { lambda: 0, absolute: true });
    expect(Math.abs(predictLinear(absolute, [5]) - 15)).toBeLessThan(0.5);
    expect(Math.abs(predictLinear(squared, [5]) - 15)).toBeGreaterThan(10);
  });
});
