import { formatMajor } from '../../../../shared/money/index.ts';
import type { ParsedTransaction } from '../../statement.types.ts';
import { currencyDigits } from './mt940-amount.ts';
import { Mt940Problem } from './mt940-problem.ts';

export type EntryTotals = { line: number; count: number; amountMinor: bigint };

type Totals = {
  name: string;
  currency: string;
  transactions: readonly ParsedTransaction[];
  opening: bigint | null;
  closing: { line: number; amountMinor: bigint } | null;
  /** MT942 :90D: / :90C: number and sum of debit / credit entries. */
  debits: EntryTotals | null;
  credits: EntryTotals | null;
};

/**
 * The statement must add up: opening balance plus every statement line equals the closing
 * balance; an interim report's debit and credit totals must count and sum its lines.
 */
export function checkTotals(t: Totals): void {
  const show = (minor: bigint) => `${formatMajor(minor, currencyDigits(t.currency))} ${t.currency}`;
  const movement = t.transactions.reduce((sum, tx) => sum + tx.amountMinor, 0n);
  if (t.opening !== null && t.closing) {
    const expected = t.opening + movement;
    if (expected !== t.closing.amountMinor) {
      throw new Mt940Problem(
        t.closing.line,
        `${t.name} does not add up: opening balance ${show(t.opening)} plus ${t.transactions.length} statement lines ` +
          `(${show(movement)}) is ${show(expected)}, but the closing balance says ${show(t.closing.amountMinor)}`,
      );
    }
  }
  for (const [totals, isDebit] of [
    [t.debits, true],
    [t.credits, false],
  ] as const) {
    if (!totals) continue;
    const side = t.transactions.filter((tx) => (isDebit ? tx.amountMinor < 0n : tx.amountMinor >= 0n));
    const sum = side.reduce((s, tx) => s + (isDebit ? -tx.amountMinor : tx.amountMinor), 0n);
    if (side.length !== totals.count || sum !== totals.amountMinor) {
      const word = isDebit ? 'debit' : 'credit';
      throw new Mt940Problem(
        totals.line,
        `${t.name}: :${isDebit ? '90D' : '90C'}: says ${totals.count} ${word} entries totalling ${show(totals.amountMinor)}, ` +
          `but the statement lines hold ${side.length} totalling ${show(sum)}`,
      );
    }
  }
}
