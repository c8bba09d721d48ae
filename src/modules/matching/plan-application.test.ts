import { describe, expect, it } from 'vitest';
import type { BankLine, Proposal } from './engine/matching.types.ts';
import { planApplication } from './plan-application.ts';

const line = (amount: bigint): BankLine => ({
  id: 'L1',
  bookingDate: '2026-11-20' as BankLine['bookingDate'],
  amountMinor: amount,
  currency: 'CNY',
  counterpartyName: null,
  counterpartyAccount: null,
  remittance: null,
  endToEndId: null,
});

const proposal = (allocations: [string, bigint][], differenceMinor = 0n, unappliedMinor = 0n): Proposal => ({
  lineId: 'L1',
  customerId: 'C1',
  allocations: allocations.map(([invoiceId, amountMinor]) => ({ invoiceId, amountMinor })),
  differenceMinor,
  unappliedMinor,
  confidence: 0.99,
  reasons: [],
  decision: 'auto',
  alternatives: [],
});

describe('planApplication', () => {
  it('applies exactly what came in, across several invoices', () => {
    const plan = planApplication(
      line(30000n),
      proposal([
        ['A', 10000n],
        ['B', 20000n],
      ]),
    );
    expect(plan).toEqual({
      applications: [
        { invoiceId: 'A', amountMinor: 10000n },
        { invoiceId: 'B', amountMinor: 20000n },
      ],
      writeOffs: [],
    });
  });

  it('closes a short payment stated as the whole amount due: applies what was paid, writes off the rest', () => {
    const plan = planApplication(line(9950n), proposal([['A', 10000n]], 50n));
    expect(plan.applications).toEqual([{ invoiceId: 'A', amountMinor: 9950n }]);
    expect(plan.writeOffs).toEqual([{ invoiceId: 'A', amountMinor: 50n }]);
  });

  it('closes a short payment stated as what was paid', () => {
    const plan = planApplication(line(9950n), proposal([['A', 9950n]], 50n));
    expect(plan.applications).toEqual([{ invoiceId: 'A', amountMinor: 9950n }]);
    expect(plan.writeOffs).toEqual([{ invoiceId: 'A', amountMinor: 50n }]);
  });

  it('leaves an overpayment unapplied', () => {
    const plan = planApplication(line(12000n), proposal([['A', 10000n]], 0n, 2000n));
    expect(plan).toEqual({ applications: [{ invoiceId: 'A', amountMinor: 10000n }], writeOffs: [] });
  });

  it('refuses proposals that do not account for the line exactly', () => {
    expect(() => planApplication(line(10000n), proposal([['A', 12000n]]))).toThrow(/exceed the line/);
    expect(() => planApplication(line(10000n), proposal([['A', 9000n]]))).toThrow(/is not the line's/);
    expect(() => planApplication(line(10000n), proposal([['A', 10000n]], -1n))).toThrow(/negative/);
  });
});

describe('planApplication with the engine placing the write-off', () => {
  it('writes off on the invoice the engine names, and refuses a placement that is not the difference', () => {
    const p = proposal(
      [
        ['A', 10000n],
        ['B', 4950n],
      ],
      50n,
    );
    const placed = {
      ...p,
      allocations: [p.allocations[0], { invoiceId: 'B', amountMinor: 4950n, writeOffMinor: 50n }],
    } as Proposal;
    expect(planApplication(line(14950n), placed).writeOffs).toEqual([{ invoiceId: 'B', amountMinor: 50n }]);
    const wrong = {
      ...p,
      allocations: [p.allocations[0], { invoiceId: 'B', amountMinor: 4950n, writeOffMinor: 40n }],
    } as Proposal;
    expect(() => planApplication(line(14950n), wrong)).toThrow(/not the difference/);
  });

  it('refuses to book a foreign-currency suggestion as it stands', () => {
    const p = { ...proposal([['A', 10000n]]), allocationCurrency: 'USD' };
    expect(() => planApplication(line(10000n), p)).toThrow(/exchange rate/);
  });
});
