import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLooseDate } from '../time/index.ts';
import { badDateReason, createDateCellParser } from './parse-date-cell.ts';

describe('createDateCellParser', () => {
  it('reads the loose spellings finance exports use', () => {
    const parse = createDateCellParser();
    expect(parse('2025-01-31')).toBe('2025-01-31');
    expect(parse('2025/1/31')).toBe('2025-01-31');
    expect(parse('20250131')).toBe('2025-01-31');
    expect(parse('2025年1月31日')).toBe('2025-01-31');
    expect(parse('2025-01-31 00:00:00')).toBe('2025-01-31');
    expect(parse('2024-02-29')).toBe('2024-02-29');
    expect(parse('２０２５年１月３１日')).toBe('2025-01-31');
  });

  it('rejects impossible and ambiguous dates', () => {
    const parse = createDateCellParser();
    for (const bad of [
      '2025-02-30',
      '2023-02-29',
      '1900-02-29',
      '2025-13-01',
      '2025-00-10',
      '31/01/2025',
      'soon',
      '1899-12-31',
    ]) {
      expect(parse(bad), bad).toBeNull();
    }
    expect(badDateReason('2025-02-30')).toBe('bad date "2025-02-30" (use YYYY-MM-DD)');
  });

  it('shares one string per day across rows', () => {
    const parse = createDateCellParser();
    const first = parse('2025-03-01'.slice(0));
    const again = parse(['2025', '03', '01'].join('-'));
    expect(again).toBe(first);
  });

  it('agrees with parseLooseDate on every YYYY-MM-DD shape', () => {
    const parse = createDateCellParser();
    const text = fc
      .tuple(
        fc.integer({ min: 1890, max: 3010 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(text, (t) => {
        let expected: string | null;
        try {
          expected = parseLooseDate(t);
        } catch {
          expected = null;
        }
        expect(parse(t)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
