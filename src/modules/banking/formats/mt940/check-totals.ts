import { formatMajor } from '../../../../shared/money/index.ts';
import type { ParsedTransaction, StatementWarning } from '../../statement.types.ts';
import { currencyDigits } from './mt940-amount.ts';

export type EntryTotals = { line: number; tag: '90D' | '90C'; count: number; amountMinor: bigint };

type Totals = {
  name: string;
  currency: string;
  transactions: readonly ParsedTransaction[];
  opening: bigint | null;
  closing: { line: number; tag: string; amountMinor: bigint } | null;
  /** MT942 :90D: / :90C: number and sum of debit / credit entries. */
  debits: EntryTotals | null;
  credits: EntryTotals | null;
};

/**
 * Whether the statement adds up: opening balance plus every statement line equals the closing
 * balance; an interim report's debit and credit totals count and sum its lines. What does not
 * hold is returned as warnings: the lines themselves are what hit the account.
 */
export function checkTotals(t: Totals): StatementWarning[] {
  const warnings: StatementWarning[] = [];
  const show = (minor: bigint) => `${formatMajor(minor, currencyDigits(t.currency))} ${t.currency}`;
  const movement = t.transactions.reduce((sum, tx) => sum + tx.amountMinor, 0n);
  if (t.opening !== null && t.closing) {
    const expected = t.opening + movement;
    if (expected !== t.closing.amountMinor) {
      warnings.push({
        code: 'BALANCE_MISMATCH',
        line: t.closing.line,
        element: `:${t.closing.tag}:`,
        message:
          `${t.name} does not add up: opening balance ${show(t.opening)} plus ${t.transactions.length} statement lines ` +
          `(${show(movement)}) is ${show(expected)}, but the closing balance says ${show(t.closing.amountMinor)}`,
      });
    }
  }
  for (const totals of [t.debits, t.credits]) {
    if (!totals) continue;
    const isDebit = totals.tag === '90D';
    const side = t.transactions.filter((tx) => (isDebit ? tx.amountMinor < 0n : tx.amountMinor >= 0n));
    const sum = side.reduce((s, tx) => s + (isDebit ? -tx.amountMinor : tx.amountMinor), 0n);
    if (side.length !== totals.count || sum !== totals.amountMinor) {
      const word = isDebit ? 'debit' : 'credit';
      warnings.push({
        code: 'CONTROL_TOTAL_MISMATCH',
        line: totals.line,
        element: `:${totals.tag}:`,
        message:
          `${t.name}: :${totals.tag}: says ${totals.count} ${word} entries totalling ${show(totals.amountMinor)}, ` +
          `but the statement lines hold ${side.length} totalling ${show(sum)}`,
      });
    }
  }
  return warnings;
}
