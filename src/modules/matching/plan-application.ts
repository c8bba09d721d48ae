import type { BankLine, Proposal } from './engine/matching.types.ts';

export type ApplicationPlan = {
  /** What the receipt applies to each invoice: never more than the line brings. */
  applications: { invoiceId: string; amountMinor: bigint }[];
  /** The shortfall within tolerance, written off on one invoice to close it. */
  writeOff: { invoiceId: string; amountMinor: bigint } | null;
};

/**
 * Turns a proposal into bookings. The engine may state a short payment either as allocations of
 * the whole amount due (then the allocations exceed the line by the difference) or as allocations
 * of what was paid; either way the receipt applies exactly what came in and the difference is
 * written off on the last invoice. Anything that does not add up is refused, not guessed.
 */
export function planApplication(line: BankLine, proposal: Proposal): ApplicationPlan {
  const applications = proposal.allocations
    .filter((a) => a.amountMinor > 0n)
    .map((a) => ({ invoiceId: a.invoiceId, amountMinor: a.amountMinor }));
  const last = applications.at(-1);
  const allocated = applications.reduce((s, a) => s + a.amountMinor, 0n);
  const excess = allocated - line.amountMinor;
  const difference = proposal.differenceMinor;
  if (difference < 0n) throw new Error(`proposal for line ${line.id}: negative difference`);
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
  if (difference > 0n && !last)
    throw new Error(`proposal for line ${line.id}: a difference without an invoice`);
  return {
    applications,
    writeOff: difference > 0n && last ? { invoiceId: last.invoiceId, amountMinor: difference } : null,
  };
}
