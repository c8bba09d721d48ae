import { AppError } from '../../shared/errors/index.ts';
import type { BankLine, Proposal } from './engine/matching.types.ts';

export type ApplicationPlan = {
  /** What the receipt applies to each invoice: never more than the line brings. */
  applications: { invoiceId: string; amountMinor: bigint }[];
  /** The shortfall within tolerance, written off where the engine says (else on the last invoice). */
  writeOffs: { invoiceId: string; amountMinor: bigint }[];
};

/**
 * Turns a proposal into bookings. Allocations are the cash applied; `differenceMinor` is the
 * shortfall to write off, placed by each allocation's `writeOffMinor` (or, when the engine does not
 * say, on the last invoice). A proposal stated as the whole amount due (allocations exceeding the
 * line by the difference) is read the same way. Anything that does not add up is refused.
 */
export function planApplication(line: BankLine, proposal: Proposal): ApplicationPlan {
  if (proposal.allocationCurrency && proposal.allocationCurrency !== line.currency) {
    throw new AppError('CURRENCY_MISMATCH', {
      message: `a payment in ${line.currency} for invoices in ${proposal.allocationCurrency}: record it as a receipt with its exchange rate`,
      details: { line: line.id, currency: line.currency, invoices: proposal.allocationCurrency },
    });
  }
  const applications = proposal.allocations
    .filter((a) => a.amountMinor > 0n)
    .map((a) => ({ invoiceId: a.invoiceId, amountMinor: a.amountMinor }));
  const last = applications.at(-1);
  const difference = proposal.differenceMinor;
  if (difference < 0n) throw new Error(`proposal for line ${line.id}: negative difference`);
  const excess = applications.reduce((s, a) => s + a.amountMinor, 0n) - line.amountMinor;
  if (excess > 0n) {
    if (excess !== difference || !last || last.amountMinor <= excess) {
      throw new Error(`proposal for line ${line.id}: allocations exceed the line by ${excess}`);
    }
    last.amountMinor -= excess;
  }
  const applied = applications.reduce((s, a) => s + a.amountMinor, 0n);
  if (applied + proposal.unappliedMinor !== line.amountMinor) {
    throw new Error(
      `proposal for line ${line.id}: applied ${applied} + unapplied ${proposal.unappliedMinor} is not the line's ${line.amountMinor}`,
    );
  }
  const placed = proposal.allocations
    .filter((a) => (a.writeOffMinor ?? 0n) > 0n)
    .map((a) => ({ invoiceId: a.invoiceId, amountMinor: a.writeOffMinor ?? 0n }));
  if (placed.length > 0) {
    const total = placed.reduce((s, w) => s + w.amountMinor, 0n);
    if (total !== difference) {
      throw new Error(
        `proposal for line ${line.id}: write-offs ${total} are not the difference ${difference}`,
      );
    }
    return { applications, writeOffs: placed };
  }
  if (difference > 0n && !last)
    throw new Error(`proposal for line ${line.id}: a difference without an invoice`);
  return {
    applications,
    writeOffs: difference > 0n && last ? [{ invoiceId: last.invoiceId, amountMinor: difference }] : [],
  };
}
