import { currencyExponent, formatMajor } from '../../../../shared/money/index.ts';
import type { CamtCursor } from './camt-cursor.ts';
import type { CamtBalances } from './read-balances.ts';
import type { CamtEntry } from './read-entry.ts';

/**
 * A report that carries both booked balances must explain its closing balance: opening plus the
 * booked entries (pending and information-only entries are not on the balance). Balances in
 * another currency than the account's are refused, since they cannot be checked or trusted.
 */
export function checkBalances(
  report: CamtCursor,
  accountCurrency: string | null,
  balances: CamtBalances,
  entries: CamtEntry[],
): void {
  const { opening, closing } = balances;
  for (const [what, balance] of [
    ['opening', opening],
    ['closing', closing],
  ] as const) {
    if (balance && accountCurrency !== null && balance.currency !== accountCurrency) {
      report.fail(
        `the ${what} balance is in ${balance.currency} but the account is in ${accountCurrency}`,
        balance.path,
      );
    }
  }
  if (opening === null || closing === null) return;
  if (opening.currency !== closing.currency) {
    report.fail(
      `the opening balance is in ${opening.currency} and the closing balance in ${closing.currency}`,
      closing.path,
    );
  }
  let total = 0n;
  for (const entry of entries.filter((e) => e.isBooked)) {
    if (entry.currency !== opening.currency) {
      report.fail(
        `a booked entry in ${entry.currency} on a statement whose balances are in ${opening.currency}`,
        entry.path,
      );
    }
    total += entry.amountMinor;
  }
  if (opening.amountMinor + total !== closing.amountMinor) {
    const show = (minor: bigint) => formatMajor(minor, currencyExponent(opening.currency));
    report.fail(
      `statement ${report.textAt('Id') ?? ''} does not add up: opening ${show(opening.amountMinor)} + booked entries ${show(total)} = ` +
        `${show(opening.amountMinor + total)}, but the closing balance is ${show(closing.amountMinor)} ${opening.currency}`,
    );
  }
}
