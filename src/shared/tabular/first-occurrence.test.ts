import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstOccurrence } from './first-occurrence.ts';

describe('FirstOccurrence', () => {
  it('returns null the first time and the first line afterwards', () => {
    const seen = new FirstOccurrence();
    expect(seen.see('INV-1', 2)).toBeNull();
    expect(seen.see('INV-2', 3)).toBeNull();
    expect(seen.see('INV-1', 9)).toBe(2);
    expect(seen.see('INV-1', 12)).toBe(2);
    expect(seen.see('inv-1', 13)).toBeNull();
  });

  it('behaves like a Map across growth and hash collisions', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 20_000 }), (keys) => {
        const seen = new FirstOccurrence();
        const reference = new Map<string, number>();
        keys.forEach((key, line) => {
          const expected = reference.get(key) ?? null;
          if (expected === null) reference.set(key, line);
          expect(seen.see(key, line)).toBe(expected);
        });
      }),
      { numRuns: 30 },
    );
  });
});
