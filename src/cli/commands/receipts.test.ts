import { describe, expect, it } from 'vitest';
import { parseApplications } from './receipts.ts';

describe('parseApplications (--apply)', () => {
  it('reads INV[:AMOUNT] lists, repeated flags, and numbers containing colons', () => {
    expect(parseApplications(['INV-1:100.00, INV-2', 'A:B:5', ' ,INV-3,'])).toEqual([
      { invoice: 'INV-1', amount: '100.00' },
      { invoice: 'INV-2' },
      { invoice: 'A:B', amount: '5' },
      { invoice: 'INV-3' },
    ]);
  });
});
