import type { BankLine, OpenInvoice, Proposal } from '../../src/modules/matching/engine/matching.types.ts';

/**
 * The naive matcher the engine is measured against, as a simple reconciliation screen does it:
 * the literal invoice number (INV- and six or more digits) in the remittance text, else the one open
 * invoice whose open amount equals the line's amount in its currency. Whatever it finds it applies.
 */
export type BaselineIndex = {
  byNumber: Map<string, OpenInvoice>;
  /** `currency amount` -> the invoice, or null when several invoices have that open amount. */
  byAmount: Map<string, OpenInvoice | null>;
};

const NUMBER = /INV-\d{6,}/g;

export function buildBaselineIndex(invoices: readonly OpenInvoice[]): BaselineIndex {
  const byNumber = new Map<string, OpenInvoice>();
  const byAmount = new Map<string, OpenInvoice | null>();
  for (const inv of invoices) {
    byNumber.set(inv.number, inv);
    const key = `${inv.currency} ${inv.openMinor}`;
    byAmount.set(key, byAmount.has(key) ? null : inv);
  }
  return { byNumber, byAmount };
}

export function proposeBaseline(index: BaselineIndex, lines: readonly BankLine[]): Proposal[] {
  return lines.map((line) => {
    let found: OpenInvoice | undefined;
    for (const m of line.remittance?.matchAll(NUMBER) ?? []) {
      found = index.byNumber.get(m[0]);
      if (found) break;
    }
    const byReference = found !== undefined;
    found ??= index.byAmount.get(`${line.currency} ${line.amountMinor}`) ?? undefined;
    if (!found) return none(line.id);
    const applied = smaller(line.amountMinor, found.openMinor);
    return {
      lineId: line.id,
      customerId: found.customerId,
      allocations: [{ invoiceId: found.id, amountMinor: applied }],
      differenceMinor: 0n,
      unappliedMinor: line.amountMinor - applied,
      confidence: 1,
      reasons: [
        { code: byReference ? 'reference_exact' : 'amount_exact', params: { invoice: found.number } },
      ],
      decision: 'auto',
      alternatives: [],
    };
  });
}

/** Math.min does not take bigints. */
function smaller(a: bigint, b: bigint): bigint {
  if (a < b) return a;
  return b;
}

function none(lineId: string): Proposal {
  return {
    lineId,
    customerId: null,
    allocations: [],
    differenceMinor: 0n,
    unappliedMinor: 0n,
    confidence: 0,
    reasons: [],
    decision: 'none',
    alternatives: [],
  };
}
