import { describe, expect, it } from 'vitest';
import type { CurrencyAging } from './age-open-items.ts';
import { checkReconciliation } from './check-reconciliation.ts';
import type { SectionSummary } from './summarise-section.ts';

const section: SectionSummary = {
  currency: 'CNY',
  openingMinor: 100n,
  lines: [],
  totalDebitMinor: 50n,
  totalCreditMinor: 20n,
  closingMinor: 130n,
};
const aging = (open: bigint, unapplied: bigint): CurrencyAging => ({
  currency: 'CNY',
  buckets: [open, 0n, 0n, 0n, 0n],
  openInvoicesMinor: open,
  unappliedMinor: unapplied,
});

describe('checkReconciliation', () => {
  const base = { customerCode: 'C1', sections: [section] };

  it('passes when lines, journal and open items agree', () => {
    expect(() =>
      checkReconciliation({
        ...base,
        journal: new Map([['CNY', 130n]]),
        aging: new Map([['CNY', aging(150n, 20n)]]),
      }),
    ).not.toThrow();
  });

  it('refuses a statement the journal disagrees with, naming each figure', () => {
    expect(() =>
      checkReconciliation({
        ...base,
        journal: new Map([['CNY', 131n]]),
        aging: new Map([['CNY', aging(150n, 20n)]]),
      }),
    ).toThrow(
      expect.objectContaining({ code: 'INTERNAL', details: expect.objectContaining({ journal: '1.31' }) }),
    );
  });

  it('refuses a balance in a currency the statement has no section for', () => {
    expect(() =>
      checkReconciliation({
        ...base,
        journal: new Map([
          ['CNY', 130n],
          ['USD', 5n],
        ]),
        aging: new Map([['CNY', aging(130n, 0n)]]),
      }),
    ).toThrow(/does not reconcile in USD/);
  });
});
