import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMatchIndex } from './build-match-index.ts';
import { DEFAULT_MATCH_SETTINGS, toleranceFor } from './match-settings.ts';
import type { OpenInvoice, Proposal } from './matching.types.ts';
import { proposeMatch } from './propose-match.ts';
import { invoice, line, payer } from './test-fixtures.ts';

const NAMES = [
  '上海宏达精密机械有限公司',
  '宏达贸易有限公司',
  'Acme Widgets GmbH',
  'Acme Tools Ltd',
  '深圳华盛电子科技有限公司',
];

const arbLedger = fc.array(
  fc.record({
    customer: fc.integer({ min: 0, max: 4 }),
    open: fc.integer({ min: 1, max: 50_000 }),
    month: fc.integer({ min: 1, max: 9 }),
    currency: fc.constantFrom('CNY', 'CNY', 'CNY', 'USD'),
  }),
  { minLength: 1, maxLength: 25 },
);

const arbLine = fc.record({
  amount: fc.integer({ min: 1, max: 200_000 }),
  currency: fc.constantFrom('CNY', 'CNY', 'USD'),
  refs: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 4 }),
  name: fc.option(fc.integer({ min: 0, max: 4 })),
  account: fc.option(fc.integer({ min: 0, max: 4 })),
  tolerance: fc.integer({ min: 0, max: 500 }),
  basisPoints: fc.constantFrom(0, 0, 50),
});

/** The accounting every proposal must satisfy, whatever it decided. */
function checkAccounts(
  p: Proposal,
  lineAmount: bigint,
  invoices: Map<string, OpenInvoice>,
  tolerance: (due: number) => number,
) {
  const fx = p.allocationCurrency !== undefined;
  let allocated = 0n;
  let writtenOff = 0n;
  let due = 0n;
  const seen = new Set<string>();
  for (const a of p.allocations) {
    const inv = invoices.get(a.invoiceId);
    expect(inv).toBeDefined();
    expect(seen.has(a.invoiceId)).toBe(false);
    seen.add(a.invoiceId);
    expect(a.amountMinor).toBeGreaterThan(0n);
    expect(a.amountMinor + (a.writeOffMinor ?? 0n)).toBeLessThanOrEqual(inv?.openMinor ?? 0n);
    allocated += a.amountMinor;
    writtenOff += a.writeOffMinor ?? 0n;
    due += inv?.openMinor ?? 0n;
  }
  expect(writtenOff).toBe(p.differenceMinor);
  if (fx) return;
  expect(allocated).toBeLessThanOrEqual(lineAmount);
  // Allocated + unapplied is the line; allocated + written off never exceeds what was due.
  expect(allocated + p.unappliedMinor).toBe(lineAmount);
  expect(p.differenceMinor).toBeGreaterThanOrEqual(0n);
  expect(Number(p.differenceMinor)).toBeLessThanOrEqual(tolerance(Number(due)));
  if (p.differenceMinor > 0n) expect(allocated + p.differenceMinor).toBe(due);
  if (p.decision === 'none') expect([p.customerId, p.allocations.length]).toEqual([null, 0]);
}

describe('proposeMatch invariants', () => {
  it('never allocates beyond an open amount or the line, and accounts for the line exactly', () => {
    fc.assert(
      fc.property(arbLedger, fc.array(arbLine, { minLength: 1, maxLength: 5 }), (rows, lines) => {
        const invoices = rows.map((r, i) =>
          invoice(
            `i${i}`,
            `INV-${String(i).padStart(5, '0')}`,
            `c${r.customer}`,
            BigInt(r.open),
            `2025-0${r.month}-01`,
            r.currency,
          ),
        );
        const byId = new Map(invoices.map((i) => [i.id, i]));
        const index = buildMatchIndex({
          invoices,
          payers: NAMES.map((name, c) => payer(`c${c}`, name, { accounts: [`ACC-${c}`] })),
        });
        for (const l of lines) {
          const settings = {
            ...DEFAULT_MATCH_SETTINGS,
            toleranceMinor: BigInt(l.tolerance),
            toleranceBasisPoints: l.basisPoints,
          };
          const bankLine = line(BigInt(l.amount), {
            currency: l.currency,
            remittance: l.refs.map((r) => `INV-${String(r).padStart(5, '0')}`).join(' / ') || null,
            counterpartyName: l.name === null ? null : (NAMES[l.name] ?? null),
            counterpartyAccount: l.account === null ? null : `ACC-${l.account}`,
          });
          const p = proposeMatch(index, bankLine, settings);
          checkAccounts(p, bankLine.amountMinor, byId, (due) => toleranceFor(due, settings));
          for (const alt of p.alternatives)
            checkAccounts(
              { ...alt, decision: 'suggest', alternatives: [] },
              bankLine.amountMinor,
              byId,
              (due) => toleranceFor(due, settings),
            );
          expect(p.confidence).toBeGreaterThanOrEqual(0);
          expect(p.confidence).toBeLessThanOrEqual(1);
          if (p.decision === 'auto') expect(p.confidence).toBeGreaterThanOrEqual(settings.autoThreshold);
        }
      }),
      { numRuns: 300 },
    );
  });
});
